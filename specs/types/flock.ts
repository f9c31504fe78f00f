/**
 * A file lock for fcntl's F_GETLK, F_SETLK and F_SETLKW: struct flock on 64-bit arches and
 * struct flock64 on 32-bit ones (include/uapi/asm-generic/fcntl.h), which are laid out alike:
 * two shorts, two 64-bit offsets and a pid. On 32-bit arches the F_*LK constants are the kernel's
 * F_*LK64 ones, which only the fcntl64 entry accepts.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Flock_t: {
    c: "struct flock",
    fields: { Type: "int16", Whence: "int16", Start: "int64", Len: "int64", Pid: "int32" },
  },
});
