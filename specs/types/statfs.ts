/**
 * Filesystem statistics: what statfs and fstatfs fill on 64-bit arches and statfs64 and fstatfs64
 * on 32-bit ones (include/uapi/asm-generic/statfs.h, arch/<arch>/include/uapi/asm/statfs.h).
 * Signedness follows x/sys where it differs from the C type.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Fsid: {
    c: "__kernel_fsid_t",
    fields: { Val: "[2]int32" },
  },
  Statfs_t: {
    c: "struct statfs",
    // arm's struct statfs64 is __attribute__((packed,aligned(4))): 84 bytes. It is laid out
    // unpacked here, as x/sys does: the same offsets and 4 bytes of tail padding (88), a size
    // arm's statfs64 entry accepts and treats as 84.
    variants: [
      {
        // struct statfs64 of asm-generic, with 32-bit words.
        arches: ["386", "arm"],
        fields: {
          Type: "int32",
          Bsize: "int32",
          Blocks: "uint64",
          Bfree: "uint64",
          Bavail: "uint64",
          Files: "uint64",
          Ffree: "uint64",
          Fsid: "Fsid",
          Namelen: "int32",
          Frsize: "int32",
          Flags: "int32",
          Spare: "[4]int32",
        },
      },
      {
        // struct statfs of asm-generic, 64-bit.
        arches: ["amd64", "arm64", "loong64", "ppc64", "ppc64le", "riscv64"],
        fields: {
          Type: "int64",
          Bsize: "int64",
          Blocks: "uint64",
          Bfree: "uint64",
          Bavail: "uint64",
          Files: "uint64",
          Ffree: "uint64",
          Fsid: "Fsid",
          Namelen: "int64",
          Frsize: "int64",
          Flags: "int64",
          Spare: "[4]int64",
        },
      },
      {
        // struct statfs64 of arch/mips for o32.
        arches: ["mips", "mipsle"],
        fields: {
          Type: "int32",
          Bsize: "int32",
          Frsize: "int32",
          _pad: "int32",
          Blocks: "uint64",
          Bfree: "uint64",
          Files: "uint64",
          Ffree: "uint64",
          Bavail: "uint64",
          Fsid: "Fsid",
          Namelen: "int32",
          Flags: "int32",
          Spare: "[5]int32",
        },
      },
      {
        // struct statfs of arch/mips for n64.
        arches: ["mips64", "mips64le"],
        fields: {
          Type: "int64",
          Bsize: "int64",
          Frsize: "int64",
          Blocks: "uint64",
          Bfree: "uint64",
          Files: "uint64",
          Ffree: "uint64",
          Bavail: "uint64",
          Fsid: "Fsid",
          Namelen: "int64",
          Flags: "int64",
          Spare: "[5]int64",
        },
      },
      {
        // struct statfs of arch/s390 for s390x: 32-bit words but for the counts. Its f_spare has
        // 5 words; x/sys declares 4 and a padding word, and so does this.
        arches: ["s390x"],
        fields: {
          Type: "uint32",
          Bsize: "uint32",
          Blocks: "uint64",
          Bfree: "uint64",
          Bavail: "uint64",
          Files: "uint64",
          Ffree: "uint64",
          Fsid: "Fsid",
          Namelen: "uint32",
          Frsize: "uint32",
          Flags: "uint32",
          Spare: "[4]uint32",
          _spare4: "uint32",
        },
      },
    ],
  },
});
