/**
 * Sending and waiting for signals.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Kill: {
    doc: "Kill sends the signal sig to the process or process group pid.",
    kernel: "kill",
    params: { pid: "int", sig: "syscall.Signal" },
    blocking: false,
  },
  Tgkill: {
    doc: "Tgkill sends the signal sig to the thread tid of the thread group tgid.",
    kernel: "tgkill",
    params: { tgid: "int", tid: "int", sig: "syscall.Signal" },
    blocking: false,
  },
  PidfdSendSignal: {
    doc: "PidfdSendSignal sends the signal sig to the process pidfd refers to.",
    kernel: "pidfd_send_signal",
    params: { pidfd: "int", sig: "syscall.Signal", info: "in *Siginfo", flags: "int" },
  },
  Signalfd: {
    doc: "Signalfd creates, or with fd other than -1 changes, a descriptor that reads the signals in sigmask.",
    // The kernel wants the sigset size, _NSIG/8: 128 signals on mips, 64 elsewhere.
    kernel: [
      {
        kernel: "signalfd4",
        arches: ["mips", "mipsle", "mips64", "mips64le"],
        args: ["fd", "sigmask", 16, "flags"],
      },
      { kernel: "signalfd4", args: ["fd", "sigmask", 8, "flags"] },
    ],
    params: { fd: "int", sigmask: "in *Sigset_t", flags: "int" },
    results: { newfd: "int" },
    blocking: false,
  },
  Pause: {
    doc: "Pause waits until a signal is delivered to the caller.",
    kernel: [
      { kernel: "pause" },
      // The asm-generic arches have no pause: ppoll on no descriptors, with no timeout, waits the same way.
      { kernel: "ppoll", args: [0, 0, 0, 0, 0] },
    ],
  },
});
