/**
 * Reading a syscall spec's variants: which of them an arch can use, in what order a wrapper tries
 * them there, and what keeps that order from serving every call. Validation and resolution both
 * ask, so the answers live with the spec language rather than in either stage.
 */
import type { SourcePos } from "../../core/diagnostics.js";
import { isFromSpec, posOf } from "../../core/literal.js";
import type { ArchSpec } from "./arch.js";
import { compareReleases } from "./kernel-release.js";
import type { SyscallInput } from "./spec-set.js";
import type { ResultSpec, SyscallSpec, SyscallVariant } from "./syscall.js";

/** The variants of a spec in the order they are tried. */
export function variantsOf(spec: SyscallSpec): SyscallVariant[] {
  return typeof spec.kernel === "string" ? [{ kernel: spec.kernel }] : spec.kernel;
}

/** Whether the arch can use a variant: its entry is in the table and the arch is not excluded. */
export function variantFits(variant: SyscallVariant, arch: ArchSpec): boolean {
  return (variant.arches?.includes(arch.goarch) ?? true) && Object.hasOwn(arch.kernel.syscalls, variant.kernel);
}

/** The first variant the arch can use without a run-time condition. */
export function chooseVariant(spec: SyscallSpec, arch: ArchSpec): SyscallVariant | undefined {
  return variantsOf(spec).find((v) => v.when === undefined && variantFits(v, arch));
}

/** Whether a variant's entry is newer than the oldest kernel the arch supports. */
export function isNewerThanOldest(variant: SyscallVariant, arch: ArchSpec): boolean {
  return variant.since !== undefined && compareReleases(variant.since, arch.oldestKernel) > 0;
}

/**
 * The variants a wrapper may call on an arch, in the order it tries them: variants with a `when`
 * before the first unconditional one, that one, and, while a variant is newer than the arch's
 * oldest kernel and falls back to the next, the variants after it.
 */
export function callChain(spec: SyscallSpec, arch: ArchSpec): SyscallVariant[] {
  const chain: SyscallVariant[] = [];
  for (const variant of variantsOf(spec).filter((v) => variantFits(v, arch))) {
    chain.push(variant);
    const fallsThrough = variant.when !== undefined || (isNewerThanOldest(variant, arch) && variant.missing === undefined);
    if (!fallsThrough) break;
  }
  return chain;
}

/** Normalises a result declaration to its object form. */
export function resultSpec(declared: string | ResultSpec): ResultSpec {
  return typeof declared === "string" ? { type: declared as ResultSpec["type"] } : declared;
}

/**
 * Where a variant is written: its own literal, or the `kernel` property of a one-entry spec (the
 * wrapper's name for a spec built in code, as unit tests do).
 */
export function variantPos(input: SyscallInput, variant: SyscallVariant): SourcePos {
  if (!isFromSpec(input.spec)) return input.pos;
  return typeof input.spec.kernel === "string" ? posOf(input.spec, "kernel") : posOf(variant);
}

/**
 * What keeps a chain from serving every call on an arch (validation reports it): its last
 * variant is guarded, or is newer than the oldest kernel with no fallback and no `missing`.
 */
export function chainGap(chain: SyscallVariant[], arch: ArchSpec): "guarded" | "no-fallback" | undefined {
  const last = chain[chain.length - 1];
  if (!last) return undefined;
  if (last.when !== undefined) return "guarded";
  return isNewerThanOldest(last, arch) && last.missing === undefined ? "no-fallback" : undefined;
}
