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

describe("pointer directions", () => {
  testCases([
    {
      name: "pointer-without-direction",
      description: "EpollCtl's event pointer does not say whether the kernel reads or writes it",
      edits: [{ file: "syscalls/events.ts", find: '"in *EpollEvent"', replace: '"*EpollEvent"' }],
      file: "syscalls/events.ts",
      at: 'event: ^"*EpollEvent"',
      message: 'EpollCtl: `event *EpollEvent` is a pointer: say whether the kernel reads it, writes it or both ("in *EpollEvent", "out *EpollEvent" or "inout *EpollEvent")',
    },
  ]);
});

describe("choices made at run time", () => {
  const fchmodat2 = '{ kernel: "fchmodat2", since: "6.6", missing: "EOPNOTSUPP" }';
  testCases([
    {
      name: "since-not-a-release",
      description: "Fchmodat's fchmodat2 gives a since that is no Linux release number",
      edits: [{ file: "syscalls/file-io.ts", find: 'since: "6.6"', replace: 'since: "v6.6"' }],
      file: "syscalls/file-io.ts",
      at: 'since: ^"v6.6"',
      message: 'Fchmodat: since "v6.6" is not a Linux release such as "6.6"',
    },
    {
      name: "missing-without-since",
      description: "Fchmodat says what a kernel without fchmodat2 gives but not which kernel added it",
      edits: [{ file: "syscalls/file-io.ts", find: 'since: "6.6", ', replace: "" }],
      file: "syscalls/file-io.ts",
      at: 'missing: ^"EOPNOTSUPP"',
      message: "Fchmodat: `missing` says what a kernel without `fchmodat2` gives, which needs `since`",
    },
    {
      name: "missing-not-an-errno",
      description: "Fchmodat's missing names no errno",
      edits: [{ file: "syscalls/file-io.ts", find: 'missing: "EOPNOTSUPP"', replace: 'missing: "EOPNOTSUP"' }],
      file: "syscalls/file-io.ts",
      at: 'missing: ^"EOPNOTSUP"',
      message: "Fchmodat: `EOPNOTSUP` is not an errno name on 386, amd64, arm, mips",
    },
    {
      name: "newer-entry-without-fallback",
      description: "Fchmodat's fchmodat2 needs 6.6 and says nothing of older kernels",
      edits: [{ file: "syscalls/file-io.ts", find: fchmodat2, replace: '{ kernel: "fchmodat2", since: "6.6" }' }],
      file: "syscalls/file-io.ts",
      at: '^{ kernel: "fchmodat2", since: "6.6" }',
      message:
        'Fchmodat: `fchmodat2` needs Linux 6.6, newer than the oldest supported kernel on 386, amd64, arm (5.10) and mips (5.4): add a variant to fall back to, or say what the wrapper returns without it (`missing: "ENOSYS"`)',
    },
    {
      name: "guarded-variant-last",
      description: "Fchmodat's only unconditional variant is gone, so flags other than 0 have no call",
      edits: [{ file: "syscalls/file-io.ts", find: `,\n      ${fchmodat2},`, replace: "," }],
      file: "syscalls/file-io.ts",
      at: '^{ kernel: "fchmodat", args',
      message: "Fchmodat: no variant without `when` follows `fchmodat` on 386, amd64, arm, mips, so some calls would have no kernel entry to use",
    },
    {
      name: "when-names-no-parameter",
      description: "Fchmodat's guard names a parameter it does not have",
      edits: [{ file: "syscalls/file-io.ts", find: "when: { flags: 0 }", replace: "when: { flags: 0, umask: 0 }" }],
      file: "syscalls/file-io.ts",
      at: "when: { flags: 0, ^umask: 0 }",
      message: "Fchmodat: `when` names `umask`, which is not a parameter",
    },
    {
      name: "when-on-a-non-integer",
      description: "Fchmodat's guard compares a string parameter with a number",
      edits: [{ file: "syscalls/file-io.ts", find: "when: { flags: 0 }", replace: "when: { flags: 0, path: 0 }" }],
      file: "syscalls/file-io.ts",
      at: "when: { flags: 0, ^path: 0 }",
      message: "Fchmodat: `when` compares `path string`, which is not an integer",
    },
    {
      name: "when-value-not-whole",
      description: "Fchmodat's guard compares flags with a fraction",
      edits: [{ file: "syscalls/file-io.ts", find: "when: { flags: 0 }", replace: "when: { flags: 0.5 }" }],
      file: "syscalls/file-io.ts",
      at: "when: { flags: ^0.5 }",
      message: "Fchmodat: `when` needs a whole number for `flags`",
    },
    {
      // _llseek writes the offset through memory, lseek returns it: no single wrapper body does both.
      name: "fallback-with-other-outputs",
      description: "Seek falls back from _llseek to lseek at run time",
      edits: [{ file: "syscalls/file-io.ts", find: '{ kernel: "_llseek", args', replace: '{ kernel: "_llseek", since: "6.6", args' }],
      file: "syscalls/file-io.ts",
      at: '^{ kernel: "lseek" }',
      message: "Seek: `_llseek` and `lseek` hand back outputs in different forms; one wrapper cannot fall back from one to the other",
    },
  ]);
});
