/**
 * Whole-system information and control: names, statistics, randomness and reboot.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Uname: {
    doc: "Uname stores the names and version of the running kernel in buf.",
    kernel: "uname",
    params: { buf: "out *Utsname" },
    blocking: false,
  },
  Sysinfo: {
    doc: "Sysinfo stores memory, swap, load and uptime statistics in info.",
    kernel: "sysinfo",
    params: { info: "out *Sysinfo_t" },
    blocking: false,
  },
  Sethostname: {
    doc: "Sethostname sets the host name of the caller's UTS namespace to p.",
    kernel: "sethostname",
    params: { p: "[]byte" },
  },
  Getrandom: {
    doc: "Getrandom fills buf with random bytes from the kernel.",
    kernel: "getrandom",
    params: { buf: "[]byte", flags: "int" },
    results: { n: "int" },
  },
  Reboot: {
    doc: "Reboot reboots, halts or powers off the system, or changes Ctrl-Alt-Del handling, as cmd says.",
    // LINUX_REBOOT_MAGIC1 0xfee1dead and LINUX_REBOOT_MAGIC2 0x28121969 (linux/reboot.h); no arg.
    kernel: [{ kernel: "reboot", args: [4276215469, 672274793, "cmd", 0] }],
    params: { cmd: "int" },
  },
});
