/**
 * The C spelling of the wire's integers, declared once: for each size the member types and the
 * runtime's load and store (sgwire.h). Members hold native-endian values; 8-byte ones need no
 * alignment attribute, since every offset is explicit (the layout aligns 8-byte fields to 8, and
 * C aligns them to 8 or less, so C never adds padding of its own).
 */
import type { WireTypeIR } from "../ir.js";

/** The sizes of the wire's integers, enums and bools included. */
export type IntSize = Extract<WireTypeIR, { kind: "int" }>["size"];

/** What C says about an integer of one size. */
export interface CInt {
  unsigned: string;
  signed: string;
  /** sgwire's little-endian load, e.g. `sgwire_get_u16`. */
  get: string;
  /** sgwire's little-endian store. */
  put: string;
}

const cInt = (bits: number): CInt => ({ unsigned: `__u${bits}`, signed: `__s${bits}`, get: `sgwire_get_u${bits}`, put: `sgwire_put_u${bits}` });

/** Every integer size's C spelling. */
export const cInts: Record<IntSize, CInt> = { 1: cInt(8), 2: cInt(16), 4: cInt(32), 8: cInt(64) };
