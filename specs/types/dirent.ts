/**
 * A directory entry as getdents64 writes it: struct linux_dirent64 (include/linux/dirent.h). Its
 * d_name is a flexible array; x/sys gives it 256 C chars, int8 or uint8 depending on the arch.
 * Entries in the buffer are Reclen bytes apart, not the size of this struct.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Dirent: {
    c: "struct linux_dirent64",
    fields: { Ino: "uint64", Off: "int64", Reclen: "uint16", Type: "uint8", Name: "[256]int8" },
    variants: [
      {
        arches: ["arm", "ppc64", "ppc64le", "riscv64"],
        fields: { Ino: "uint64", Off: "int64", Reclen: "uint16", Type: "uint8", Name: "[256]uint8" },
      },
    ],
  },
});
