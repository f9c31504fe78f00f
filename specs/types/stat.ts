/**
 * Stat_t: what fstat, newfstatat, fstat64 and fstatat64 fill on each arch (arch/<arch>/include/uapi/asm/stat.h,
 * include/uapi/asm-generic/stat.h). 32-bit arches use struct stat64, as x/sys does. Each
 * st_*time/st_*time_nsec pair of C longs is declared as one Timespec, which has the same layout.
 * Signedness follows x/sys where it differs from the C type (Blksize and Blocks are signed).
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Stat_t: {
    c: "struct stat",
    variants: [
      {
        // struct stat64 of arch/x86 and arch/arm: the same declaration, laid out with 4-byte
        // (386) or 8-byte (arm) alignment of its 64-bit members.
        arches: ["386", "arm"],
        fields: {
          Dev: "uint64",
          _pad0: "[4]uint8",
          _st_ino: "uint32", // unsigned long __st_ino: the low bits of Ino
          Mode: "uint32",
          Nlink: "uint32",
          Uid: "uint32",
          Gid: "uint32",
          Rdev: "uint64",
          _pad3: "[4]uint8",
          Size: "int64",
          Blksize: "int32",
          Blocks: "int64",
          Atim: "Timespec",
          Mtim: "Timespec",
          Ctim: "Timespec",
          Ino: "uint64",
        },
      },
      {
        // struct stat of arch/x86 for x86_64.
        arches: ["amd64"],
        fields: {
          Dev: "uint64",
          Ino: "uint64",
          Nlink: "uint64",
          Mode: "uint32",
          Uid: "uint32",
          Gid: "uint32",
          _pad0: "uint32",
          Rdev: "uint64",
          Size: "int64",
          Blksize: "int64",
          Blocks: "int64",
          Atim: "Timespec",
          Mtim: "Timespec",
          Ctim: "Timespec",
          _unused: "[3]int64",
        },
      },
      {
        // struct stat of include/uapi/asm-generic/stat.h, 64-bit.
        arches: ["arm64", "loong64", "riscv64"],
        fields: {
          Dev: "uint64",
          Ino: "uint64",
          Mode: "uint32",
          Nlink: "uint32",
          Uid: "uint32",
          Gid: "uint32",
          Rdev: "uint64",
          _pad1: "uint64",
          Size: "int64",
          Blksize: "int32",
          _pad2: "int32",
          Blocks: "int64",
          Atim: "Timespec",
          Mtim: "Timespec",
          Ctim: "Timespec",
          _unused4: "uint32",
          _unused5: "uint32",
        },
      },
      {
        // struct stat64 of arch/mips for o32, then x/sys's Pad5 [14]int32: 56 bytes libc's stat
        // has and the kernel neither has nor writes, kept so the size equals x/sys's.
        arches: ["mips", "mipsle"],
        fields: {
          Dev: "uint32",
          Pad1: "[3]int32", // st_pad0
          Ino: "uint64",
          Mode: "uint32",
          Nlink: "uint32",
          Uid: "uint32",
          Gid: "uint32",
          Rdev: "uint32",
          Pad2: "[3]int32", // st_pad1
          Size: "int64",
          Atim: "Timespec",
          Mtim: "Timespec",
          Ctim: "Timespec",
          Blksize: "int32",
          Pad4: "int32", // st_pad2
          Blocks: "int64",
          Pad5: "[14]int32",
        },
      },
      {
        // struct stat of arch/mips for n64, with each pair of 32-bit st_*time/st_*time_nsec
        // widened to a Timespec as x/sys does: the kernel's own layout has 32-bit times, so the
        // wrappers fill this struct from statx (see specs/syscalls/file-meta.ts).
        arches: ["mips64", "mips64le"],
        fields: {
          Dev: "uint32",
          Pad1: "[3]uint32", // st_pad0
          Ino: "uint64",
          Mode: "uint32",
          Nlink: "uint32",
          Uid: "uint32",
          Gid: "uint32",
          Rdev: "uint32",
          Pad2: "[3]uint32", // st_pad1
          Size: "int64",
          Atim: "Timespec",
          Mtim: "Timespec",
          Ctim: "Timespec",
          Blksize: "uint32",
          Pad4: "uint32", // st_pad2
          Blocks: "int64",
        },
      },
      {
        // struct stat of arch/powerpc for ppc64.
        arches: ["ppc64", "ppc64le"],
        fields: {
          Dev: "uint64",
          Ino: "uint64",
          Nlink: "uint64",
          Mode: "uint32",
          Uid: "uint32",
          Gid: "uint32",
          Rdev: "uint64",
          Size: "int64",
          Blksize: "int64",
          Blocks: "int64",
          Atim: "Timespec",
          Mtim: "Timespec",
          Ctim: "Timespec",
          _unused4: "uint64",
          _unused5: "uint64",
          _unused6: "uint64",
        },
      },
      {
        // struct stat of arch/s390 for s390x.
        arches: ["s390x"],
        fields: {
          Dev: "uint64",
          Ino: "uint64",
          Nlink: "uint64",
          Mode: "uint32",
          Uid: "uint32",
          Gid: "uint32",
          _pad1: "uint32",
          Rdev: "uint64",
          Size: "int64",
          Atim: "Timespec",
          Mtim: "Timespec",
          Ctim: "Timespec",
          Blksize: "int64",
          Blocks: "int64",
          _unused: "[3]uint64",
        },
      },
    ],
  },
});
