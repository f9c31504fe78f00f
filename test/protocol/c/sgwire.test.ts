/**
 * The C runtime, sgwire.h, tested directly in user space on the host, i386 and big-endian s390x
 * (under qemu): sgwire-test.c checks its loads and stores byte by byte, its checks of padding,
 * strings, blobs and frame headers against a protocol table of its own, and its whole-frame I/O
 * over real pipes with short reads and writes, EINTR and end of file. And the facts of the wire
 * format that the runtime writes down in C agree with the generator's (spec/wire-format.ts), and
 * every name the runtime declares is under its prefix, where no spec name can reach.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cRuntime, cRuntimeFile, cRuntimeSource, cRuntimeSourcePath } from "../../../generator/protocol/runtime/c-runtime.js";
import { frameHeader, frameHeaderSize, logMessage, maxFrameSize } from "../../../generator/protocol/spec/wire-format.js";
import { execOrThrow } from "../../support/exec.js";
import { repoRoot } from "../../support/cli.js";
import { C_TESTS, headerDir, removeHeaderDirs, requireTarget, targets } from "./c-support.js";

afterAll(removeHeaderDirs);

const source = cRuntimeSource();

describe.each(targets())("sgwire.h on $name", (t) => {
  test("passes its unit tests", async () => {
    requireTarget(t);
    const dir = headerDir(`sgwire-${t.name}`);
    const exe = path.join(dir, "sgwire-test");
    await execOrThrow(`${t.cc} sgwire-test.c`, t.cc, [...t.flags, "-O2", "-I", dir, path.join(C_TESTS, "sgwire-test.c"), "-o", exe]);
    const [cmd, ...args] = [...t.run, exe];
    const r = await execOrThrow(`sgwire-test on ${t.name}`, cmd!, args, { timeoutMs: 120_000 });
    process.stdout.write(`sgwire-test on ${t.name}: ${r.stdout.trim()}\n`);
    expect(r.stdout, r.output).toMatch(/^\d{3,} checks, 0 failures$/m);
  });
});

/** The value of `#define name value` in the runtime. */
function defined(name: string): string | undefined {
  return new RegExp(`^#define ${name}\\s+(\\S+)$`, "m").exec(source)?.[1];
}

test("the runtime's constants and header offsets are the wire format's", () => {
  expect(Number(defined("SGWIRE_HEADER_SIZE"))).toBe(frameHeaderSize);
  expect(Number(defined("SGWIRE_MAX_FRAME"))).toBe(maxFrameSize);
  const getHeader = source.slice(source.indexOf("static inline void sgwire_get_header("));
  const reads = [...getHeader.slice(0, getHeader.indexOf("\n}\n")).matchAll(/h->(\w+) = sgwire_get_u\d+\(frame(?: \+ (\d+))?\);/g)];
  expect(Object.fromEntries(reads.map((m) => [m[1], Number(m[2] ?? 0)]))).toEqual(frameHeader);
  // sgwire_printk_log() takes the wire values of every protocol's log_level enum as the kernel's
  // LOGLEVEL_* (0 to 7, from <linux/kern_levels.h>), which name the same levels in the same order.
  const kernelOrder = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];
  expect([...logMessage.levels]).toEqual(kernelOrder);
  const levels = [...source.matchAll(/case LOGLEVEL_([A-Z]+):/g)].map((m) => m[1]!.toLowerCase());
  expect(levels.sort()).toEqual([...kernelOrder].sort());
});

test("every name sgwire.h declares is under its prefix", () => {
  const macros = [...source.matchAll(/^#define (\w+)/gm)].map((m) => m[1]!);
  const functions = [...source.matchAll(/^static inline [^(]*?\b(\w+)\(/gm)].map((m) => m[1]!);
  const tags = [...source.matchAll(/^struct (\w+) \{$/gm)].map((m) => m[1]!);
  expect(functions.length).toBeGreaterThan(20);
  // The include guard, and C11's static_assert, defined only where <assert.h> has none.
  const outside = [...macros, ...functions, ...tags].filter((n) => !n.toLowerCase().startsWith(`${cRuntime.prefix}_`));
  expect(outside).toEqual(["_SYSCALLGEN_SGWIRE_H", "static_assert"]);
});

test("gen copies the shipped file, with its SPDX line first and a note that it is a copy", () => {
  const shipped = readFileSync(path.join(repoRoot, cRuntimeSourcePath), "utf8");
  const copy = cRuntimeFile();
  expect(copy.path).toBe("c/sgwire.h");
  const lines = copy.content.split("\n");
  expect(lines[0]).toBe("/* SPDX-License-Identifier: GPL-2.0 OR MIT */");
  expect(lines[1]).toBe(`/* Copied by syscallgen from its ${cRuntimeSourcePath}; DO NOT EDIT. */`);
  expect([lines[0], ...lines.slice(2)].join("\n")).toBe(shipped);
});
