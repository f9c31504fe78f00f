/**
 * The fixed facts of the wire format that no spec chooses: the frame header, the frame size
 * limits, and the log message every protocol has. Validation, layout and both printers read
 * them here.
 *
 * Wire format: a 16-byte frame header, then the payload. Every integer is little-endian on every
 * arch. A frame is at most PIPE_BUF (4096) bytes, so one write of it is atomic on a pipe.
 */

/** Size of the frame header. */
export const frameHeaderSize = 16;

/** Largest frame: one pipe write of at most PIPE_BUF bytes is atomic. */
export const maxFrameSize = 4096;

/**
 * The kernel encodes a message it sends on its stack, so those frames stay well under the
 * kernel's 2048-byte stack frame warning; frames from the helper are read into the caller's buffer.
 */
export const maxKernelSentFrame = 1024;

/** Offsets of the frame header's fields: magic u32, version u16, type u16, length u32, seq u32. */
export const frameHeader = { magic: 0, version: 4, type: 6, length: 8, seq: 12 } as const;

/** The message every protocol has: a log line from the helper, printed by the driver at its level. */
export const logMessage = {
  name: "log",
  id: 0,
  textMax: 239,
  levels: ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"],
} as const;

/** The enum of the log message's printk levels, which every protocol has too. */
export const logLevelEnum = "log_level";
