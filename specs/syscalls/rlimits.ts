/**
 * Resource limits. Every wrapper uses prlimit64, whose struct rlimit64 ({cur, max uint64} on
 * every arch) is the layout of x/sys's Rlimit.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Getrlimit: {
    doc: "Getrlimit stores the caller's soft and hard limits for resource in rlim.",
    kernel: [{ kernel: "prlimit64", args: [0, "resource", 0, "rlim"] }],
    params: { resource: "int", rlim: "out *Rlimit" },
    blocking: false,
  },
  Setrlimit: {
    doc: "Setrlimit sets the caller's soft and hard limits for resource from rlim.",
    kernel: [{ kernel: "prlimit64", args: [0, "resource", "rlim", 0] }],
    params: { resource: "int", rlim: "in *Rlimit" },
    blocking: false,
  },
  Prlimit: {
    doc: "Prlimit sets the limits of process pid for resource from newlimit and stores the old ones in old; either may be nil.",
    kernel: "prlimit64",
    params: { pid: "int", resource: "int", newlimit: "in *Rlimit", old: "out *Rlimit" },
    blocking: false,
  },
});
