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
 * The largest frame the kernel may build on its stack: the header's own `<proto>_send_<msg>`
 * does, so in the kernel it exists only for frames up to this size (32-bit kernels warn at 1024
 * bytes per function, and CONFIG_WERROR makes that an error). The call runtime sends every frame
 * from buffers allocated at create, so the frames the kernel sends are otherwise as large as any.
 */
export const maxKernelStackFrame = 512;

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
