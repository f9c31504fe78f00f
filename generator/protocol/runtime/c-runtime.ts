/**
 * The C runtime of the protocols, written by hand in c/ beside this file, shipped with the tool
 * and copied by gen into the output's `c/`, beside the protocol files that include it: sgwire.h,
 * the wire runtime every generated header includes (kernel and user space), and the kernel's call
 * runtime, sgwire_helper.h (the types a driver sees) and sgwire_helper.c (included by every
 * generated `<proto>_helper.c`).
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

/** The runtime's files, by name: the wire runtime, then the kernel's call runtime. */
export const cRuntimeFileNames = [cRuntime.header, "sgwire_helper.h", "sgwire_helper.c"] as const;

/** One of the runtime's files. */
export type CRuntimeFileName = (typeof cRuntimeFileNames)[number];

/** The folder of the runtime's sources, relative to the package root. */
export const cRuntimeSourceDir = "generator/protocol/runtime/c";

/** The runtime header's source file, relative to the package root. */
export const cRuntimeSourcePath = `${cRuntimeSourceDir}/${cRuntime.header}`;

const cached = new Map<CRuntimeFileName, string>();

/** A runtime file (the header by default) as the tool ships it. */
export function cRuntimeSource(name: CRuntimeFileName = cRuntime.header): string {
  let text = cached.get(name);
  if (text === undefined) {
    text = readFileSync(join(packageRoot(), cRuntimeSourceDir, name), "utf8");
    cached.set(name, text);
  }
  return text;
}

/**
 * A runtime file (the header by default) as gen writes it: the shipped file, with a note under
 * its SPDX line that it is a copy.
 */
export function cRuntimeFile(name: CRuntimeFileName = cRuntime.header): GeneratedFile {
  const [spdx, ...rest] = cRuntimeSource(name).split("\n");
  const note = `/* Copied by syscallgen from its ${cRuntimeSourceDir}/${name}; DO NOT EDIT. */`;
  return { path: `c/${name}`, content: [spdx, note, ...rest].join("\n") };
}

/** Every runtime file as gen writes it, beside the protocols' C files. */
export function cRuntimeFiles(): GeneratedFile[] {
  return cRuntimeFileNames.map((name) => cRuntimeFile(name));
}
