/**
 * Mistakes in how a syscall spec maps to kernel entries and arguments. Each case changes one
 * syscall file of the fixture.
 */
import { describe } from "vitest";
import { testCases } from "./bad-spec-case.js";

describe("kernel entries", () => {
  testCases([
    {
      // With a plain string kernel, the error points at that string.
      name: "unknown-kernel-entry",
      description: "Getpid names an entry no table has",
      edits: [{ file: "syscalls/process.ts", find: 'kernel: "getpid",', replace: 'kernel: "getpidd",' }],
      file: "syscalls/process.ts",
      at: 'kernel: ^"getpidd"',
      message: "Getpid: unknown syscall `getpidd`: no arch's table has it",
    },
    {
      // mmap is in the 386, amd64 and mips tables but not in arm's.
      name: "arches-without-entry",
      description: "OldMmap is limited to arm too, whose table has no mmap",
      edits: [{ file: "syscalls/memory.ts", find: 'arches: ["386"]', replace: 'arches: ["386", "arm"]' }],
      file: "syscalls/memory.ts",
      at: 'arches: ^["386", "arm"]',
      message: "OldMmap: `mmap` has no number on arm",
    },
  ]);
});

describe("kernel arguments", () => {
  testCases([
    {
      name: "arg-names-no-parameter",
      description: "Seek passes a kernel argument that is no parameter",
      edits: [{ file: "syscalls/file-io.ts", find: '"&off", "whence"]', replace: '"&off", "whence", "flags"]' }],
      file: "syscalls/file-io.ts",
      at: '"whence", ^"flags"]',
      message: "Seek: kernel argument `flags` names no parameter",
    },
    {
      name: "unknown-form",
      description: "Seek uses a form that does not exist",
      edits: [{ file: "syscalls/file-io.ts", find: '"offset:hi"', replace: '"offset:high"' }],
      file: "syscalls/file-io.ts",
      at: '^"offset:high"',
      // Only the start: the list of known forms grows with the spec language.
      message: "Seek: unknown argument form `:high` (known: hi, lo, ",
    },
    {
      name: "form-does-not-apply",
      description: "Seek takes the high half of an int",
      edits: [{ file: "syscalls/file-io.ts", find: '["fd", "offset:hi"', replace: '["fd:hi", "offset:hi"' }],
      file: "syscalls/file-io.ts",
      at: '^"fd:hi"',
      message: "Seek: `:hi` does not apply to `fd int`",
    },
    {
      name: "address-names-no-result",
      description: "Seek passes the address of a result it does not declare",
      edits: [{ file: "syscalls/file-io.ts", find: '"&off"', replace: '"&pos"' }],
      file: "syscalls/file-io.ts",
      at: '^"&pos"',
      message: "Seek: `&pos` names no result",
    },
    {
      // An error about the variant as a whole points at its object literal.
      name: "parameter-not-passed",
      description: "Seek's _llseek variant leaves out whence",
      edits: [{ file: "syscalls/file-io.ts", find: '"&off", "whence"]', replace: '"&off"]' }],
      file: "syscalls/file-io.ts",
      at: '^{ kernel: "_llseek"',
      message: "Seek: parameter `whence` is not passed to `_llseek`",
    },
    {
      name: "two-return-results",
      description: "Getpid declares two results that would both come from the return value",
      edits: [{ file: "syscalls/process.ts", find: 'results: { pid: "int" }', replace: 'results: { pid: "int", ppid: "int" }' }],
      file: "syscalls/process.ts",
      at: 'results: ^{ pid: "int", ppid: "int" }',
      message: "Getpid: only one result can come from the return value of `getpid`",
    },
    {
      name: "int-slice-without-pair",
      description: "Pipe2 passes its []int without :pair",
      edits: [{ file: "syscalls/events.ts", find: '"p:pair"', replace: '"p"' }],
      file: "syscalls/events.ts",
      at: 'args: [^"p", "flags"]',
      message: "Pipe2: a []int parameter is passed as `p:pair`",
    },
    {
      name: "undeclared-or-constant",
      description: "Openat ORs in a constant nobody declared",
      edits: [{ file: "syscalls/file-io.ts", find: '"flags|O_LARGEFILE"', replace: '"flags|O_LARGEFILES"' }],
      file: "syscalls/file-io.ts",
      at: '^"flags|O_LARGEFILES"',
      message: "Openat: `O_LARGEFILES` in `flags|O_LARGEFILES` is not a declared constant",
    },
  ]);
});
