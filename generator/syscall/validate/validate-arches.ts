/**
 * Checks arch specs: one per GOARCH, the 32-bit pair rules present where they are needed, and
 * imported tables present.
 */
import type { DiagnosticSink, SourcePos } from "../../core/diagnostics.js";
import { posOf } from "../../core/literal.js";
import type { SpecFile } from "../../core/load-specs.js";
import type { ArchSpec } from "../spec/arch.js";

/** Reports every problem in the arch specs. */
export function validateArches(files: SpecFile<ArchSpec>[], sink: DiagnosticSink): void {
  const seen = new Map<string, SourcePos>();
  for (const { data: arch, pos } of files) {
    const earlier = seen.get(arch.goarch);
    if (earlier) sink.error(posOf(arch, "goarch"), `duplicate arch \`${arch.goarch}\` (first declared at ${earlier.file}:${earlier.line})`);
    seen.set(arch.goarch, pos);
    if (arch.bits === 32 && (!arch.pairOrder || !arch.pairAlign)) {
      sink.error(posOf(arch, "bits"), `arch ${arch.goarch} is 32-bit: it needs pairOrder and pairAlign to pass 64-bit arguments`);
    }
    if (arch.bits === 64 && (arch.pairOrder || arch.pairAlign)) {
      sink.error(posOf(arch, "bits"), `arch ${arch.goarch} is 64-bit: pairOrder and pairAlign apply only to 32-bit arches`);
    }
    if (Object.keys(arch.kernel.syscalls).length === 0) {
      sink.error(posOf(arch.kernel, "syscalls"), `arch ${arch.goarch} has no syscall numbers: run \`syscallgen import --kernel <linux source>\``);
    }
    const numbers = new Map<number, string>();
    for (const [name, n] of Object.entries(arch.kernel.syscalls)) {
      if (!Number.isInteger(n) || n < 0) sink.error(posOf(arch.kernel.syscalls, name), `syscall \`${name}\` on ${arch.goarch}: ${n} is not a syscall number`);
      const other = numbers.get(n);
      if (other !== undefined) sink.error(posOf(arch.kernel.syscalls, name), `syscalls \`${other}\` and \`${name}\` have the same number ${n} on ${arch.goarch}`);
      numbers.set(n, name);
    }
  }
}
