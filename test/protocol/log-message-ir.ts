/**
 * The log message every protocol has, written out by hand as IR for the printers' golden tests:
 * what layout must make of wire-format.ts's logMessage (a level byte, a 240-byte string, a
 * 7-byte pad to the 8-byte frame alignment).
 */
import type { WireMessageIR } from "../../generator/protocol/ir.js";
import { logLevelEnum, logMessage } from "../../generator/protocol/spec/wire-format.js";

export const logMessageIR: WireMessageIR = {
  name: logMessage.name,
  doc: "A line the helper logs through the driver, printed at its printk level.",
  id: 0,
  direction: "to-kernel",
  size: 248,
  align: 1,
  fields: [
    { name: "level", type: { kind: "enum", name: logLevelEnum, size: 1 }, offset: 0, size: 1 },
    { name: "text", type: { kind: "string", max: 239 }, offset: 1, size: 240 },
  ],
  pads: [{ offset: 241, size: 7 }],
};
