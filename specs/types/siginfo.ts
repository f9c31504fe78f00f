/**
 * Signal information as waitid and pidfd_send_signal take it: siginfo_t
 * (include/uapi/asm-generic/siginfo.h), 128 bytes. Three ints come first, si_code before si_errno
 * on mips (__ARCH_HAS_SWAPPED_SIGINFO); the union _sifields that follows holds pointers and longs,
 * so it is word-aligned, and is kept opaque here as x/sys does.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Siginfo: {
    c: "siginfo_t",
    fields: {
      Signo: "int32",
      Errno: "int32",
      Code: "int32",
      _sifields: { type: "[112]uint8", alignAs: "long" },
    },
    variants: [
      {
        arches: ["386", "arm"],
        fields: { Signo: "int32", Errno: "int32", Code: "int32", _sifields: { type: "[116]uint8", alignAs: "long" } },
      },
      {
        arches: ["mips", "mipsle"],
        fields: { Signo: "int32", Code: "int32", Errno: "int32", _sifields: { type: "[116]uint8", alignAs: "long" } },
      },
      {
        arches: ["mips64", "mips64le"],
        fields: { Signo: "int32", Code: "int32", Errno: "int32", _sifields: { type: "[112]uint8", alignAs: "long" } },
      },
    ],
  },
});
