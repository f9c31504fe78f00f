/**
 * A signal set with x/sys's layout: libc's 1024-bit sigset_t, an array of unsigned longs. The
 * kernel reads and writes only its first _NSIG/8 bytes (8, or 16 on mips), the size the
 * rt_sig* calls and signalfd4 must be given.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Sigset_t: {
    c: "sigset_t",
    variants: [
      { arches: ["386", "arm", "mips", "mipsle"], fields: { Val: "[32]ulong" } },
      {
        arches: ["amd64", "arm64", "loong64", "mips64", "mips64le", "ppc64", "ppc64le", "riscv64", "s390x"],
        fields: { Val: "[16]ulong" },
      },
    ],
  },
});
