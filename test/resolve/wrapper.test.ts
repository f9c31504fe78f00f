/**
 * Unit tests of chooseVariant and resolveWrapper with hand-built arches: which kernel entry a spec
 * uses, which syscall package function carries its words, and the word-count limit.
 */
import { describe, expect, test } from "vitest";
import type { CallIR, WrapperIR } from "../../generator/syscall/ir.js";
import { WrapperError, resolveWrapper } from "../../generator/syscall/resolve/wrapper.js";
import { chooseVariant } from "../../generator/syscall/spec/variants.js";
import type { ArchSpec } from "../../generator/syscall/spec/arch.js";
import type { SyscallSpec } from "../../generator/syscall/spec/syscall.js";
import { amd64Abi, armAbi, i386Abi, mipsAbi, withTable } from "./abi-arches.js";

const pos = { file: "syscalls/test.ts", line: 7, column: 3 };

/** The error `fn` throws; fails the test when it returns. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return expect.unreachable("expected an error");
}

/** The wrapper with the fields of its only call, or undefined when the arch has no entry for it. */
function resolve(spec: SyscallSpec, arch: ArchSpec, goName = "Call"): (WrapperIR & CallIR) | undefined {
  const w = resolveWrapper({ goName, spec, pos }, arch, new Map());
  if (!w) return undefined;
  expect(w.calls).toHaveLength(1);
  return { ...w, ...w.calls[0]! };
}

describe("chooseVariant", () => {
  const seek: SyscallSpec = {
    kernel: [
      { kernel: "_llseek", args: ["fd", "offset:hi", "offset:lo", "&off", "whence"] },
      { kernel: "lseek" },
    ],
    params: { fd: "int", offset: "int64", whence: "int" },
    results: { off: "int64" },
  };

  test("takes the first variant whose entry is in the arch's table", () => {
    // A 32-bit table has both _llseek and lseek: the first listed wins. A 64-bit one has only lseek.
    expect(chooseVariant(seek, withTable(armAbi, { lseek: 19, _llseek: 140 }))?.kernel).toBe("_llseek");
    expect(chooseVariant(seek, withTable(amd64Abi, { lseek: 8 }))?.kernel).toBe("lseek");
  });

  test("skips a variant whose `arches` leave the arch out, even when the table has the entry", () => {
    const spec: SyscallSpec = { kernel: [{ kernel: "mmap", arches: ["386"], argBlock: true }, { kernel: "mmap2" }], params: {} };
    expect(chooseVariant(spec, withTable(i386Abi, { mmap: 90, mmap2: 192 }))?.kernel).toBe("mmap");
    expect(chooseVariant(spec, withTable(mipsAbi, { mmap: 90, mmap2: 210 }))?.kernel).toBe("mmap2");
  });

  test("gives nothing when no variant fits, and the wrapper is then absent on the arch", () => {
    const spec: SyscallSpec = { kernel: "fadvise64_64", params: {} };
    const arch = withTable(armAbi, { arm_fadvise64_64: 270 });
    expect(chooseVariant(spec, arch)).toBeUndefined();
    expect(resolve(spec, arch)).toBeUndefined();
  });

  test("does not take an entry that only an inherited Object property has", () => {
    // The table is a plain object: `toString` is on its prototype, not one of its syscalls.
    expect(chooseVariant({ kernel: "toString" }, withTable(amd64Abi, { read: 0 }))).toBeUndefined();
  });
});

describe("entry point and arity", () => {
  const table = { getpid: 20, epoll_ctl: 251, fadvise64: 254 };
  const ints = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, "int" as const]));

  test("up to 3 words use Syscall (arity 3), 4 to 6 use Syscall6, 7 to 9 use Syscall9", () => {
    const arch = withTable(mipsAbi, table);
    const cases: [number, string, number][] = [
      [0, "Syscall", 3],
      [3, "Syscall", 3],
      [4, "Syscall6", 6],
      [6, "Syscall6", 6],
      [7, "Syscall9", 9],
      [9, "Syscall9", 9],
    ];
    for (const [count, func, arity] of cases) {
      const w = resolve({ kernel: "epoll_ctl", params: ints(count) }, arch)!;
      expect(w.entry, `${count} words`).toEqual({ func, arity });
    }
  });

  test("a call that never blocks uses RawSyscall or RawSyscall6 by the same word counts", () => {
    const arch = withTable(armAbi, table);
    expect(resolve({ kernel: "getpid", blocking: false }, arch)!.entry).toEqual({ func: "RawSyscall", arity: 3 });
    expect(resolve({ kernel: "epoll_ctl", params: ints(4), blocking: false }, arch)!.entry).toEqual({ func: "RawSyscall6", arity: 6 });
  });

  test("the words are zero-filled to exactly the entry's arity", () => {
    // Five real words on Syscall6 leave one slot; zero is what the kernel ignores there.
    const w = resolve({ kernel: "epoll_ctl", params: ints(5) }, withTable(amd64Abi, table))!;
    expect(w.words).toHaveLength(6);
    expect(w.words.slice(0, 5)).toEqual(Array.from({ length: 5 }, (_, i) => ({ kind: "value", param: `a${i}` })));
    expect(w.words[5]).toEqual({ kind: "const", value: 0 });
  });

  test("seven words are refused on arm (at most 6) and reported at the spec, but fit Syscall9 on mips", () => {
    // fd, off and len as int64, advice: fd(0), pad(1), off(2-3), len(4-5), advice(6) on both.
    const spec: SyscallSpec = { kernel: "fadvise64", params: { fd: "int", off: "int64", len: "int64", advice: "int" } };
    expect(() => resolve(spec, withTable(armAbi, table), "Fadvise")).toThrow(WrapperError);
    expect(() => resolve(spec, withTable(armAbi, table), "Fadvise")).toThrow(
      "Fadvise needs 7 register words for fadvise64 on arm, but the syscall package passes at most 6",
    );
    expect(thrownBy(() => resolve(spec, withTable(armAbi, table), "Fadvise"))).toMatchObject({ pos });
    const onMips = resolve(spec, withTable(mipsAbi, table), "Fadvise")!;
    expect(onMips.entry).toEqual({ func: "Syscall9", arity: 9 });
    expect(onMips.words.slice(7)).toEqual([{ kind: "const", value: 0 }, { kind: "const", value: 0 }]);
  });

  test("an argBlock variant passes one word, the block's address, whatever the block holds", () => {
    // Six words in memory, one in a register: Syscall with the address and two zero words.
    const spec: SyscallSpec = {
      kernel: [{ kernel: "mmap", argBlock: true, args: ["a0", "a1", "a2", "a3", "a4", "a5", 0] }],
      params: ints(6),
    };
    const w = resolve(spec, withTable(i386Abi, { mmap: 90 }))!;
    expect(w.entry).toEqual({ func: "Syscall", arity: 3 });
    expect(w.words).toEqual([{ kind: "block" }, { kind: "const", value: 0 }, { kind: "const", value: 0 }]);
    expect(w.block).toHaveLength(7);
  });
});

describe("results and the wrapper's shape", () => {
  test("a result is from the return value unless the kernel writes it through &name", () => {
    const spec: SyscallSpec = {
      kernel: [{ kernel: "_llseek", args: ["fd", "offset:hi", "offset:lo", "&off", "whence"] }, { kernel: "lseek" }],
      params: { fd: "int", offset: "int64", whence: "int" },
      results: { off: "int64" },
    };
    expect(resolve(spec, withTable(armAbi, { _llseek: 140 }))!.results).toEqual([{ kind: "memory", name: "off", goType: "int64" }]);
    expect(resolve(spec, withTable(amd64Abi, { lseek: 8 }))!.results).toEqual([{ kind: "return", name: "off", goType: "int64" }]);
  });

  test("noError drops the error result; the sysnum is SYS_ and the upper-cased kernel name", () => {
    const w = resolve({ kernel: "getpid", results: { pid: "int" }, noError: true, blocking: false }, withTable(i386Abi, { getpid: 20 }), "Getpid")!;
    expect(w.hasError).toBe(false);
    expect(w.sysnum).toBe("SYS_GETPID");
    expect(w.exported).toBe(true);
  });
});

describe("choices made at run time: `when`, `since` and `missing`", () => {
  const table = { fchmodat: 268, fchmodat2: 452, epoll_pwait: 281, epoll_pwait2: 441 };
  const calls = (spec: SyscallSpec, arch: ArchSpec) => resolveWrapper({ goName: "Call", spec, pos }, arch, new Map())!.calls;
  const fchmodat: SyscallSpec = {
    kernel: [
      { kernel: "fchmodat", args: ["dirfd", "path", "mode"], when: { flags: 0 } },
      { kernel: "fchmodat2", since: "6.6", missing: "EOPNOTSUPP" },
    ],
    params: { dirfd: "int", path: "string", mode: "uint32", flags: "int" },
  };

  test("a `when` variant comes first, guarded; the next one serves every other value", () => {
    const [guarded, other] = calls(fchmodat, withTable(amd64Abi, table));
    expect(guarded).toMatchObject({ kernelName: "fchmodat", guards: [{ param: "flags", value: 0 }], entry: { func: "Syscall", arity: 3 } });
    expect(other).toMatchObject({ kernelName: "fchmodat2", guards: [], entry: { func: "Syscall6", arity: 6 } });
  });

  test("an entry newer than the arch's oldest kernel says what a kernel without it gives", () => {
    // 6.6 is after 5.10: on a 5.10 kernel fchmodat2 is ENOSYS, which the wrapper turns into EOPNOTSUPP.
    expect(calls(fchmodat, withTable(amd64Abi, table))[1]!.newer).toEqual({ since: "6.6", missing: { kind: "errno", errno: "EOPNOTSUPP" } });
    // Where every supported kernel has the entry there is nothing to fall back from.
    expect(calls(fchmodat, withTable({ ...amd64Abi, oldestKernel: "6.6" }, table))[1]!.newer).toBeUndefined();
  });

  test("releases compare as numbers: 6.10 is newer than 6.9", () => {
    const spec: SyscallSpec = { kernel: [{ kernel: "fchmodat2", since: "6.10", missing: "ENOSYS" }], params: {} };
    expect(calls(spec, withTable({ ...amd64Abi, oldestKernel: "6.9" }, table))[0]!.newer?.since).toBe("6.10");
  });

  test("a newer entry without `missing` falls back on ENOSYS to the next variant the arch has", () => {
    const spec: SyscallSpec = {
      kernel: [{ kernel: "epoll_pwait2", since: "5.11", args: ["epfd", 0] }, { kernel: "epoll_pwait", args: ["epfd", 1] }],
      params: { epfd: "int" },
    };
    const [newer, older] = calls(spec, withTable(amd64Abi, table));
    expect(newer).toMatchObject({ kernelName: "epoll_pwait2", newer: { since: "5.11", missing: { kind: "next" } } });
    expect(older).toMatchObject({ kernelName: "epoll_pwait", guards: [] });
    expect(older!.newer).toBeUndefined();
    // An arch whose oldest kernel has the newer entry makes only that call.
    expect(calls(spec, withTable({ ...amd64Abi, oldestKernel: "5.15" }, table)).map((c) => c.kernelName)).toEqual(["epoll_pwait2"]);
  });

  test("calls share the steps they both need: one path copy for fchmodat and fchmodat2", () => {
    const w = resolveWrapper({ goName: "Fchmodat", spec: fchmodat, pos }, withTable(amd64Abi, table), new Map())!;
    expect(w.prepare).toEqual([{ kind: "path", param: "path" }]);
    expect(w.calls.map((c) => c.words[1])).toEqual([{ kind: "prepared", step: 0 }, { kind: "prepared", step: 0 }]);
  });

  test("a fallback that hands back an output in another form is refused", () => {
    // _llseek writes the offset through memory, lseek returns it: one wrapper cannot print both.
    const spec: SyscallSpec = {
      kernel: [{ kernel: "_llseek", since: "6.6", args: ["fd", "offset:hi", "offset:lo", "&off", "whence"] }, { kernel: "lseek" }],
      params: { fd: "int", offset: "int64", whence: "int" },
      results: { off: "int64" },
    };
    expect(() => calls(spec, withTable(armAbi, { _llseek: 140, lseek: 19 }))).toThrow("Call: `_llseek` and `lseek` hand back outputs in different forms");
  });
});
