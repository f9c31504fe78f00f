/**
 * The C runtime of the protocols: sgwire.h, written by hand in c/ beside this file, shipped with
 * the tool and copied by gen into the output as `c/sgwire.h`, beside the headers that include it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "../../core/generated-file.js";
import { packageRoot } from "../../core/package-root.js";

/**
 * The runtime's header, as generated headers include it, and the prefix of every name it
 * declares: `sgwire_*` functions, `struct sgwire_*`, `SGWIRE_*` macros.
 */
export const cRuntime = { header: "sgwire.h", prefix: "sgwire" } as const;

/** The runtime's source file, relative to the package root. */
export const cRuntimeSourcePath = `generator/protocol/runtime/c/${cRuntime.header}`;

let cached: string | undefined;

/** The runtime header as the tool ships it. */
export function cRuntimeSource(): string {
  cached ??= readFileSync(join(packageRoot(), cRuntimeSourcePath), "utf8");
  return cached;
}

/** The runtime header as gen writes it: the shipped file, with a note under its SPDX line that it is a copy. */
export function cRuntimeFile(): GeneratedFile {
  const [spdx, ...rest] = cRuntimeSource().split("\n");
  const note = `/* Copied by syscallgen from its ${cRuntimeSourcePath}; DO NOT EDIT. */`;
  return { path: `c/${cRuntime.header}`, content: [spdx, note, ...rest].join("\n") };
}
