/**
 * Mistakes in arch specs, mistakes only visible when resolving one arch (too many words, a layout
 * Go cannot match), and the all-at-once reporting of independent mistakes.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import { SpecErrors, formatDiagnostic } from "../../generator/core/diagnostics.js";
import { writeFiles } from "../../generator/core/write/write-files.js";
import { materialize, positionIn, testCases, type SpecMistake } from "./bad-spec-case.js";

describe("arch specs", () => {
  testCases([
    {
      name: "no-pair-order",
      description: "386 is 32-bit but says nothing about pairOrder",
      edits: [{ file: "arch/386.ts", find: '  pairOrder: "low-first",\n', replace: "" }],
      file: "arch/386.ts",
      at: "bits: ^32",
      message: "arch 386 is 32-bit: it needs pairOrder and pairAlign to pass 64-bit arguments",
    },
    {
      // Every entry of the fixture's mips table is in another table too, so no syscall spec
      // becomes unknown: the empty table is the only error.
      name: "empty-syscall-table",
      description: "mips has an empty syscall table",
      // A RegExp because spelling out the table would copy it from the fixture.
      edits: [{ file: "arch/mips.ts", find: /syscalls: \{[^}]*\}/, replace: "syscalls: {}" }],
      file: "arch/mips.ts",
      at: "syscalls: ^{}",
      message: "arch mips has no syscall numbers",
    },
  ]);
});

describe("mistakes found while resolving one arch, reported at the spec", () => {
  testCases([
    {
      // Without the reordering, arm_fadvise64_64 on arm is fd, pad, offset (2 words), length
      // (2 words), advice: 7 words, and arm's syscall package passes at most 6.
      name: "too-many-words-on-arm",
      description: "arm's Fadvise variant is not reordered, so it needs 7 words",
      edits: [
        {
          file: "syscalls/file-io.ts",
          find: '{ kernel: "arm_fadvise64_64", args: ["fd", "advice", "offset", "length"] }',
          replace: '{ kernel: "arm_fadvise64_64" }',
        },
      ],
      file: "syscalls/file-io.ts",
      at: "^Fadvise: {",
      message: "Fadvise needs 7 register words for arm_fadvise64_64 on arm, but the syscall package passes at most 6",
    },
    {
      // Packed, the u64 follows the u32 at offset 4, where Go cannot put a uint64 on amd64.
      // Fails until resolve stops resolving wrappers against a failed layout: amd64 then has no
      // structs at all and SigprocMask's `set:size` throws a plain Error (see the report).
      name: "packed-uint64-at-offset-4",
      description: "EpollEvent's data is a uint64, at offset 4 when packed on amd64",
      edits: [{ file: "types/structs.ts", find: 'Data: { type: "[2]uint32", alignAs: "uint64" }', replace: 'Data: "uint64"' }],
      file: "types/structs.ts",
      at: "^EpollEvent: {",
      message: "EpollEvent.Data is at offset 4 in C on amd64, but Go aligns uint64 to 8",
    },
  ]);
});

describe("mistakes that must be reported, not crash the generator", () => {
  testCases([
    {
      // Fails until validateConstants checks integers before calling BigInt (a RangeError today).
      name: "fractional-constant",
      description: "a constant's value is not an integer",
      edits: [{ file: "constants/open.ts", find: "O_CLOEXEC: 0x80000", replace: "O_CLOEXEC: 1.5" }],
      file: "constants/open.ts",
      at: "O_CLOEXEC: ^1.5",
      message: "O_CLOEXEC",
    },
    {
      // A struct cannot hold itself: one error at the struct, not one per arch. Fails until the
      // cycle is found by validate (today layout throws on every arch, and the wrappers that
      // need Timespec's layout then throw a plain Error).
      name: "struct-contains-itself",
      description: "Flock_t has a Flock_t field",
      edits: [{ file: "types/structs.ts", find: 'Pid: "int32" }', replace: 'Pid: "int32", Next: "Flock_t" }' }],
      file: "types/structs.ts",
      at: "^Flock_t: {",
      message: "Flock_t contains itself",
    },
  ]);
});

describe("three independent mistakes", () => {
  const mistakes: SpecMistake = {
    name: "three-mistakes",
    description: "three independent mistakes in two files",
    edits: [
      { file: "syscalls/events.ts", find: '"p:pair"', replace: '"p"' },
      { file: "syscalls/events.ts", find: '"in *EpollEvent"', replace: '"in *EpollEvnt"' },
      { file: "types/structs.ts", find: 'Pid: "int32"', replace: 'pid: "int32"' },
    ],
  };
  let specsDir: string;
  let outDir: string;
  let thrown: unknown;

  beforeAll(() => {
    specsDir = materialize(mistakes);
    outDir = mkdtempSync(join(tmpdir(), "syscallgen-out-"));
    // What the CLI does with the library: generate, then write. Generating must fail first.
    try {
      writeFiles(outDir, generate({ specs: [specsDir], bundledSpecs: false, cwd: specsDir }).files);
    } catch (e) {
      thrown = e;
    }
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  test("are all reported at once, sorted by file, line and column", () => {
    expect(thrown).toBeInstanceOf(SpecErrors);
    const { diagnostics, message } = thrown as SpecErrors;
    // validate checks structs before syscalls, so sorting is what puts syscalls/ first.
    const expected = [
      { pos: positionIn(specsDir, "syscalls/events.ts", 'args: [^"p", "flags"]'), message: "Pipe2: a []int parameter is passed as `p:pair`" },
      { pos: positionIn(specsDir, "syscalls/events.ts", 'event: ^"in *EpollEvnt"'), message: "EpollCtl: unknown type `EpollEvnt` in `*EpollEvnt`" },
      { pos: positionIn(specsDir, "types/structs.ts", '^pid: "int32"'), message: "field name `pid` must start with an upper-case letter to be exported" },
    ];
    expect(diagnostics.map((d) => d.pos)).toEqual(expected.map((e) => e.pos));
    expected.forEach((e, i) => expect(diagnostics[i]!.message).toContain(e.message));
    // The error's text is one `file:line:col: error: message` line per diagnostic, in that order.
    expect(message.split("\n")).toEqual(diagnostics.map(formatDiagnostic));
    expect(message.split("\n")[0]).toMatch(/^syscalls\/events\.ts:\d+:\d+: error: Pipe2: /);
  });

  test("leave the output directory untouched", () => {
    expect(readdirSync(outDir)).toEqual([]);
  });
});
