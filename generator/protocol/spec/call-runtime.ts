/**
 * The fixed facts of the call runtime that a spec's `calls` and `liveness` are checked against
 * (runtime/DESIGN.md): which message ids a spec may use, and the ranges and defaults of the
 * timeouts.
 */

/** Message ids a spec may give: 0 is the log message, 0xff00 to 0xffff the control frames. */
export const specMessageIds = { min: 1, max: 0xfeff } as const;

/** The type numbers of the runtime's control frames, the same in every protocol. */
export const controlFrameIds = { min: 0xff00, max: 0xffff } as const;

/** A call's timeout, in milliseconds. */
export const callTimeoutMs = { min: 1, max: 600_000 } as const;

/** The heartbeat's ranges, in milliseconds: the timeout must also exceed the interval. */
export const livenessLimits = { intervalMs: { min: 100, max: 60_000 }, timeoutMs: { max: 600_000 } } as const;

/** The heartbeat of a spec that declares none. */
export const defaultLiveness = { intervalMs: 1000, timeoutMs: 5000 } as const;
