/**
 * Linux release numbers as specs write them ("5.10", "6.6", "6.12.117"): compared numerically,
 * so "6.10" is newer than "6.9", which a string comparison gets wrong.
 */

const releaseSyntax = /^\d+\.\d+(\.\d+)?$/;

/** Whether `text` is a release number: major.minor, optionally .sublevel. */
export function isKernelRelease(text: string): boolean {
  return releaseSyntax.test(text);
}

/** Negative, zero or positive as release `a` is older than, the same as, or newer than `b`. */
export function compareReleases(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
