/**
 * Mistakes in what specs declare: names declared twice, names Go cannot use, docs, and types that
 * name nothing declared. Each case folder changes or adds one file of the fixture.
 */
import { describe } from "vitest";
import { fixturePosition, testCases } from "./bad-spec-case.js";

/** The line the fixture's own declaration is on, which a duplicate's message must cite. */
function fixtureLine(file: string, snippet: string): number {
  return fixturePosition(file, snippet).line;
}

describe("duplicate declarations are reported at the second one, citing the first", () => {
  testCases([
    {
      name: "duplicate-wrapper",
      file: "syscalls/zz-more.ts",
      at: "^Pread: {",
      message: `duplicate syscall wrapper \`Pread\` (first declared at syscalls/file-io.ts:${fixtureLine("syscalls/file-io.ts", "^Pread: {")})`,
    },
    {
      name: "duplicate-struct",
      file: "types/zz-more.ts",
      at: "^Timespec: {",
      message: `duplicate struct \`Timespec\` (first declared at types/structs.ts:${fixtureLine("types/structs.ts", "^Timespec: {")})`,
    },
    {
      name: "duplicate-constant",
      file: "constants/zz-more.ts",
      at: "^O_CLOEXEC: 0x80000",
      message: `duplicate constant \`O_CLOEXEC\` (first declared at constants/open.ts:${fixtureLine("constants/open.ts", "^O_CLOEXEC: 0x80000")})`,
    },
    {
      // x-amd64.ts sorts after amd64.ts, so it is the second declaration; an arch's position is
      // its defineArch call.
      name: "duplicate-arch",
      file: "arch/x-amd64.ts",
      at: 'goarch: ^"amd64"',
      message: `duplicate arch \`amd64\` (first declared at arch/amd64.ts:${fixtureLine("arch/amd64.ts", "export default ^defineArch({")})`,
    },
  ]);
});

describe("names Go cannot use", () => {
  testCases([
    {
      name: "keyword-wrapper-name",
      file: "syscalls/zz-more.ts",
      at: "^func: {",
      message: "syscall wrapper name `func` is a Go keyword",
    },
    {
      name: "keyword-field-name",
      file: "types/structs.ts",
      at: '^type: "int16"',
      message: "field name `type` is a Go keyword",
    },
    {
      name: "underscore-parameter",
      file: "syscalls/zz-more.ts",
      at: 'params: { ^_fd: "int" }',
      message: "parameter name `_fd` must not start with `_`",
    },
    {
      name: "result-named-err",
      file: "syscalls/process.ts",
      at: 'results: { ^err: "int" }',
      message: "Getpid: `err` is the error result every wrapper has",
    },
    {
      name: "doc-without-name",
      file: "syscalls/process.ts",
      at: 'doc: ^"Returns the process ID',
      message: "Getpid: a doc comment starts with the wrapper's name",
    },
  ]);
});

describe("types that name nothing declared", () => {
  testCases([
    {
      name: "unknown-pointer-type",
      file: "syscalls/events.ts",
      at: 'event: ^"*EpollEvnt"',
      message: "EpollCtl: unknown type `EpollEvnt` in `*EpollEvnt`: declare it as a struct",
    },
    {
      name: "unknown-field-type",
      file: "types/structs.ts",
      at: 'Pid: ^"pid_t"',
      message: "Flock_t.Pid: unknown field type `pid_t`",
    },
  ]);
});
