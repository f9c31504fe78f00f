/** Arithmetic both layouts (C structs per arch, protocol frames) share. */

/** `n` rounded up to a multiple of `align`. */
export function roundUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}
