/**
 * A tiny concurrency limiter: vitest happily starts all 13 arches at once,
 * but on a 2-core runner parallel Go builds beyond a couple only thrash.
 */

/** Wraps async work so at most `max` run at the same time. */
export function createLimiter(max: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    active--;
    waiting.shift()?.();
  };
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((wake) => waiting.push(wake));
    active++;
    try {
      return await work();
    } finally {
      release();
    }
  };
}

/** Parallelism for heavy Go/qemu work: SYSCALLGEN_GO_JOBS, else 2. */
export function goJobs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env["SYSCALLGEN_GO_JOBS"] ?? "2");
  return Number.isInteger(n) && n > 0 ? n : 2;
}

/** The limiter shared by every Go build and run in this worker process. */
export const goLimit = createLimiter(goJobs());
