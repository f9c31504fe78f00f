/**
 * A terminal's window size for TIOCGWINSZ and TIOCSWINSZ: struct winsize
 * (include/uapi/asm-generic/termios.h and the arch overrides, all alike).
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Winsize: {
    c: "struct winsize",
    fields: { Row: "uint16", Col: "uint16", Xpixel: "uint16", Ypixel: "uint16" },
  },
});
