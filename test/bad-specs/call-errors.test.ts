/**
 * Mistakes in how a syscall spec maps to kernel entries and arguments. Each case folder changes one
 * syscall file of the fixture.
 */
import { describe } from "vitest";
import { testCases } from "./bad-spec-case.js";

describe("kernel entries", () => {
  testCases([
    {
      // With a plain string kernel, the error points at that string.
      name: "unknown-kernel-entry",
      file: "syscalls/process.ts",
      at: 'kernel: ^"getpidd"',
      message: "Getpid: unknown syscall `getpidd`: no arch's table has it",
    },
    {
      // mmap is in the 386, amd64 and mips tables but not in arm's.
      name: "arches-without-entry",
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
      file: "syscalls/file-io.ts",
      at: '"whence", ^"flags"]',
      message: "Seek: kernel argument `flags` names no parameter",
    },
    {
      name: "unknown-form",
      file: "syscalls/file-io.ts",
      at: '^"offset:high"',
      // Only the start: the list of known forms grows with the spec language.
      message: "Seek: unknown argument form `:high` (known: hi, lo, ",
    },
    {
      name: "form-does-not-apply",
      file: "syscalls/file-io.ts",
      at: '^"fd:hi"',
      message: "Seek: `:hi` does not apply to `fd int`",
    },
    {
      name: "address-names-no-result",
      file: "syscalls/file-io.ts",
      at: '^"&pos"',
      message: "Seek: `&pos` names no result",
    },
    {
      // An error about the variant as a whole points at its object literal.
      name: "parameter-not-passed",
      file: "syscalls/file-io.ts",
      at: '^{ kernel: "_llseek"',
      message: "Seek: parameter `whence` is not passed to `_llseek`",
    },
    {
      name: "two-return-results",
      file: "syscalls/process.ts",
      at: 'results: ^{ pid: "int", ppid: "int" }',
      message: "Getpid: only one result can come from the return value of `getpid`",
    },
    {
      name: "int-slice-without-pair",
      file: "syscalls/events.ts",
      at: 'args: [^"p", "flags"]',
      message: "Pipe2: a []int parameter is passed as `p:pair`",
    },
    {
      name: "undeclared-or-constant",
      file: "syscalls/file-io.ts",
      at: '^"flags|O_LARGEFILES"',
      message: "Openat: `O_LARGEFILES` in `flags|O_LARGEFILES` is not a declared constant",
    },
  ]);
});
