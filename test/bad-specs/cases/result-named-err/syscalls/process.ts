// Bad-spec case result-named-err: Getpid declares err itself.
/**
 * Calls that never block (RawSyscall), one that cannot fail, a 64-bit-time copy and a struct size.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Getpid: {
    doc: "Getpid returns the process ID of the caller.",
    kernel: "getpid",
    results: { err: "int" },
    blocking: false,
    noError: true,
  },
  ClockGettime: {
    doc: "ClockGettime reads the clock clockid into ts.",
    kernel: [{ kernel: "clock_gettime64", args: ["clockid", "ts:time64"] }, { kernel: "clock_gettime" }],
    params: { clockid: "int32", ts: "*Timespec" },
    blocking: false,
  },
  SigprocMask: {
    doc: "SigprocMask changes the blocked signals as how says and stores the old set in oldset.",
    kernel: [{ kernel: "rt_sigprocmask", args: ["how", "set", "oldset", "set:size"] }],
    params: { how: "int", set: "*Sigset_t", oldset: "*Sigset_t" },
    blocking: false,
  },
});
