/**
 * Mistakes in what specs declare: names declared twice, names Go cannot use, docs, and types that
 * name nothing declared. Each case changes or adds one file of the fixture.
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
      // Each duplicate is in a file that sorts after the fixture's, so the fixture's is the first.
      name: "duplicate-wrapper",
      description: "Pread is declared again in another syscalls file",
      edits: [
        {
          file: "syscalls/zz-more.ts",
          create: `import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Pread: {
    doc: "Pread reads from fd at offset.",
    kernel: "pread64",
    params: { fd: "int", p: "[]byte", offset: "int64" },
    results: { n: "int" },
  },
});
`,
        },
      ],
      file: "syscalls/zz-more.ts",
      at: "^Pread: {",
      message: `duplicate syscall wrapper \`Pread\` (first declared at syscalls/file-io.ts:${fixtureLine("syscalls/file-io.ts", "^Pread: {")})`,
    },
    {
      name: "duplicate-struct",
      description: "Timespec is declared again in another types file",
      edits: [
        {
          file: "types/zz-more.ts",
          create: `import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Timespec: {
    c: "struct timespec",
    fields: { Sec: "long", Nsec: "long" },
  },
});
`,
        },
      ],
      file: "types/zz-more.ts",
      at: "^Timespec: {",
      message: `duplicate struct \`Timespec\` (first declared at types/structs.ts:${fixtureLine("types/structs.ts", "^Timespec: {")})`,
    },
    {
      name: "duplicate-constant",
      description: "O_CLOEXEC is declared again, in another group of another constants file",
      edits: [
        {
          file: "constants/zz-more.ts",
          create: `import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  fd: {
    doc: "Descriptor flags.",
    values: {
      FD_CLOEXEC: 1,
      O_CLOEXEC: 0x80000,
    },
  },
});
`,
        },
      ],
      file: "constants/zz-more.ts",
      at: "^O_CLOEXEC: 0x80000",
      message: `duplicate constant \`O_CLOEXEC\` (first declared at constants/open.ts:${fixtureLine("constants/open.ts", "^O_CLOEXEC: 0x80000")})`,
    },
    {
      // x-amd64.ts sorts after amd64.ts, so it is the second declaration; an arch's position is
      // its defineArch call. A copy keeps everything but the name valid, so the duplicate is the
      // only error.
      name: "duplicate-arch",
      description: "amd64 is declared twice, in amd64.ts and in a copy of it",
      edits: [{ file: "arch/x-amd64.ts", copyOf: "arch/amd64.ts" }],
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
      description: "a wrapper is named with a Go keyword",
      edits: [
        {
          file: "syscalls/zz-more.ts",
          create: `import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  func: {
    kernel: "getpid",
    results: { pid: "int" },
    blocking: false,
    noError: true,
  },
});
`,
        },
      ],
      file: "syscalls/zz-more.ts",
      at: "^func: {",
      message: "syscall wrapper name `func` is a Go keyword",
    },
    {
      name: "keyword-field-name",
      description: "a struct field is named with a Go keyword",
      edits: [{ file: "types/structs.ts", find: 'Type: "int16"', replace: 'type: "int16"' }],
      file: "types/structs.ts",
      at: '^type: "int16"',
      message: "field name `type` is a Go keyword",
    },
    {
      name: "underscore-parameter",
      description: "a parameter name starts with `_`, which the generated code keeps for its own locals",
      edits: [
        {
          file: "syscalls/zz-more.ts",
          create: `import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  CloseFd: {
    doc: "CloseFd closes the descriptor.",
    kernel: "close",
    params: { _fd: "int" },
  },
});
`,
        },
      ],
      file: "syscalls/zz-more.ts",
      at: 'params: { ^_fd: "int" }',
      message: "parameter name `_fd` must not start with `_`",
    },
    {
      name: "result-named-err",
      description: "Getpid declares err itself",
      edits: [{ file: "syscalls/process.ts", find: 'results: { pid: "int" }', replace: 'results: { err: "int" }' }],
      file: "syscalls/process.ts",
      at: 'results: { ^err: "int" }',
      message: "Getpid: `err` is the error result every wrapper has",
    },
    {
      name: "doc-without-name",
      description: "Getpid's doc does not start with Getpid",
      edits: [{ file: "syscalls/process.ts", find: '"Getpid returns the process ID', replace: '"Returns the process ID' }],
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
      description: "EpollCtl points to an undeclared struct",
      edits: [{ file: "syscalls/events.ts", find: '"in *EpollEvent"', replace: '"in *EpollEvnt"' }],
      file: "syscalls/events.ts",
      at: 'event: ^"in *EpollEvnt"',
      message: "EpollCtl: unknown type `EpollEvnt` in `*EpollEvnt`: declare it as a struct",
    },
    {
      name: "unknown-field-type",
      description: "Flock_t.Pid has a C type name the spec language does not know",
      edits: [{ file: "types/structs.ts", find: 'Pid: "int32"', replace: 'Pid: "pid_t"' }],
      file: "types/structs.ts",
      at: 'Pid: ^"pid_t"',
      message: "Flock_t.Pid: unknown field type `pid_t`",
    },
    {
      name: "unexported-support-type",
      description: "EpollCtl points to a type the support file declares but does not export",
      edits: [{ file: "syscalls/events.ts", find: '"in *EpollEvent"', replace: '"in *timespec64"' }],
      file: "syscalls/events.ts",
      at: 'event: ^"in *timespec64"',
      // Specs may point to support.go's exported types (WaitStatus) only: timespec64 is its own.
      message: "EpollCtl: unknown type `timespec64` in `*timespec64`: declare it as a struct",
    },
    {
      name: "go-integer-as-field-type",
      description: "Flock_t.Pid has a Go integer type, whose size is not C's on every arch",
      edits: [{ file: "types/structs.ts", find: 'Pid: "int32"', replace: 'Pid: "uintptr"' }],
      file: "types/structs.ts",
      at: 'Pid: ^"uintptr"',
      message: "Flock_t.Pid: unknown field type `uintptr`",
    },
  ]);
});
