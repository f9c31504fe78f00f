/**
 * Resolve decisions on the mini-specs fixture (amd64, arm, mips, 386), loaded once through the
 * library entry point. Each expectation follows from the ABI rule in its test's title: the arch
 * facts are in test/fixtures/mini-specs/arch/, the reasoning is in the comments.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { generate, type GenerateResult } from "../../generator/generate.js";
import type { ArchIR, CallIR, StructIR, WordIR, WrapperIR } from "../../generator/syscall/ir.js";

/** The valid spec folder every resolve and bad-spec test starts from. */
const fixtureDir = join(import.meta.dirname, "../fixtures/mini-specs");

type Arch = "amd64" | "arm" | "mips" | "386";
const arches: Arch[] = ["386", "amd64", "arm", "mips"];
const thirtyTwoBit: Arch[] = ["386", "arm", "mips"];

let result: GenerateResult;
beforeAll(() => {
  result = generate({ specs: [fixtureDir], bundledSpecs: false, cwd: fixtureDir });
});

function ir(arch: Arch): ArchIR {
  const found = result.irs.find((i) => i.goarch === arch);
  if (!found) throw new Error(`no IR for ${arch}`);
  return found;
}

/** A wrapper of the fixture, which makes one call on every arch, with that call's fields. */
function wrapper(arch: Arch, goName: string): WrapperIR & CallIR {
  const found = ir(arch).wrappers.find((w) => w.goName === goName);
  if (!found) throw new Error(`${goName} is not resolved on ${arch}`);
  if (found.calls.length !== 1) throw new Error(`${goName} makes ${found.calls.length} calls on ${arch}`);
  return { ...found, ...found.calls[0]! };
}

function struct(arch: Arch, name: string): StructIR {
  const found = ir(arch).structs.find((s) => s.name === name);
  if (!found) throw new Error(`${name} is not laid out on ${arch}`);
  return found;
}

function constant(arch: Arch, name: string): bigint | undefined {
  return ir(arch)
    .constants.flatMap((g) => g.constants)
    .find((c) => c.name === name)?.value;
}

const v = (param: string): WordIR => ({ kind: "value", param });
const lo = (param: string): WordIR => ({ kind: "low", param });
const hi = (param: string): WordIR => ({ kind: "high", param });
const zero: WordIR = { kind: "const", value: 0 };

describe("the fixture", () => {
  test("resolves all four arches in GOARCH order", () => {
    expect(result.irs.map((i) => i.goarch)).toEqual(arches);
    expect(result.irs.map((i) => [i.bits, i.endian])).toEqual([
      [32, "little"],
      [64, "little"],
      [32, "little"],
      [32, "big"],
    ]);
  });

  test("syscall numbers add the arch's numberOffset: mips o32 numbers start at 4000", () => {
    // getpid is 20 in the i386, arm and o32 tables and 39 in the x86-64 one; o32 adds 4000.
    const getpid = (arch: Arch) => ir(arch).sysnums.find((s) => s.goName === "SYS_GETPID")?.number;
    expect(getpid("mips")).toBe(4020);
    expect(getpid("arm")).toBe(20);
    expect(getpid("386")).toBe(20);
    expect(getpid("amd64")).toBe(39);
  });
});

describe("variant choice per arch", () => {
  test("Seek uses _llseek where the table has it (every 32-bit arch) and lseek on amd64", () => {
    for (const arch of thirtyTwoBit) expect(wrapper(arch, "Seek").kernelName, arch).toBe("_llseek");
    expect(wrapper("amd64", "Seek").kernelName).toBe("lseek");
  });

  test("Mmap uses mmap2 on the 32-bit arches and mmap on amd64", () => {
    for (const arch of thirtyTwoBit) expect(wrapper(arch, "Mmap").kernelName, arch).toBe("mmap2");
    expect(wrapper("amd64", "Mmap").kernelName).toBe("mmap");
  });

  test("Fadvise takes the first entry each table has: fadvise64_64 on 386, arm_fadvise64_64 on arm, fadvise64 on mips and amd64", () => {
    expect(wrapper("386", "Fadvise").kernelName).toBe("fadvise64_64");
    expect(wrapper("arm", "Fadvise").kernelName).toBe("arm_fadvise64_64");
    expect(wrapper("mips", "Fadvise").kernelName).toBe("fadvise64");
    expect(wrapper("amd64", "Fadvise").kernelName).toBe("fadvise64");
  });

  test("ClockGettime and FcntlFlock use the 64-bit-safe entries (clock_gettime64, fcntl64) on 32-bit arches only", () => {
    for (const arch of thirtyTwoBit) {
      expect(wrapper(arch, "ClockGettime").kernelName, arch).toBe("clock_gettime64");
      expect(wrapper(arch, "FcntlFlock").kernelName, arch).toBe("fcntl64");
    }
    expect(wrapper("amd64", "ClockGettime").kernelName).toBe("clock_gettime");
    expect(wrapper("amd64", "FcntlFlock").kernelName).toBe("fcntl");
  });

  test("OldMmap, restricted to 386, is absent on amd64 and mips although their tables have mmap", () => {
    expect(wrapper("386", "OldMmap").kernelName).toBe("mmap");
    for (const arch of ["amd64", "arm", "mips"] as const) {
      expect(ir(arch).absent, arch).toEqual(["OldMmap"]);
      expect(ir(arch).wrappers.map((w) => w.goName), arch).not.toContain("OldMmap");
    }
    expect(ir("386").absent).toEqual([]);
  });

  test("the wrappers are sorted by Go name", () => {
    const names = ir("386").wrappers.map((w) => w.goName);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(15);
  });
});

describe("calls chosen at run time", () => {
  const calls = (arch: Arch, goName: string) => ir(arch).wrappers.find((w) => w.goName === goName)!.calls;

  test("Fchmodat: fchmodat when flags is 0, else fchmodat2, which is newer than 5.10 and gives EOPNOTSUPP without it", () => {
    for (const arch of arches) {
      const [guarded, other] = calls(arch, "Fchmodat");
      expect(guarded, arch).toMatchObject({ kernelName: "fchmodat", guards: [{ param: "flags", value: 0 }] });
      expect(other, arch).toMatchObject({ kernelName: "fchmodat2", guards: [], newer: { since: "6.6", missing: { kind: "errno", errno: "EOPNOTSUPP" } } });
    }
  });

  test("Close falls back from close_range to close only where the oldest kernel predates close_range (5.9)", () => {
    // The fixture's mips declares 5.4 as its oldest kernel, the others 5.10.
    expect(calls("mips", "Close").map((c) => [c.kernelName, c.newer?.missing.kind])).toEqual([["close_range", "next"], ["close", undefined]]);
    for (const arch of ["386", "amd64", "arm"] as const) expect(calls(arch, "Close").map((c) => c.kernelName), arch).toEqual(["close_range"]);
  });
});

describe("64-bit arguments as register words", () => {
  test("Pread's offset: one word on amd64; after fd and the slice's two words it would start at odd slot 3", () => {
    // amd64: fd, p, len(p), offset -> Syscall6 with 2 zero words.
    expect(wrapper("amd64", "Pread").words).toEqual([v("fd"), { kind: "prepared", step: 0 }, { kind: "length", param: "p" }, v("offset"), zero, zero]);
    // 386 (low-first, any slot): no padding, 5 words, one zero word to fill Syscall6.
    expect(wrapper("386", "Pread").words.slice(3)).toEqual([lo("offset"), hi("offset"), zero]);
    // arm (low-first, even): pad slot 3, the halves in slots 4-5. mips: the same, high word first.
    expect(wrapper("arm", "Pread").words.slice(3)).toEqual([zero, lo("offset"), hi("offset")]);
    expect(wrapper("mips", "Pread").words.slice(3)).toEqual([zero, hi("offset"), lo("offset")]);
  });

  test("Fadvise on mips: fd, pad, offset high/low, length high/low, advice: 7 words, so Syscall9", () => {
    // o32 fadvise64 takes two 64-bit values after one word: offset is padded to slot 2, length
    // then starts at even slot 4, advice is slot 6; 7 words exceed Syscall6.
    const w = wrapper("mips", "Fadvise");
    expect(w.entry).toEqual({ func: "Syscall9", arity: 9 });
    expect(w.words).toEqual([v("fd"), zero, hi("offset"), lo("offset"), hi("length"), lo("length"), v("advice"), zero, zero]);
  });

  test("Fadvise on arm: the reordered variant puts advice second, so offset starts at even slot 2 and no pad is needed", () => {
    const w = wrapper("arm", "Fadvise");
    expect(w.words).toEqual([v("fd"), v("advice"), lo("offset"), hi("offset"), lo("length"), hi("length")]);
    expect(w.entry).toEqual({ func: "Syscall6", arity: 6 });
  });

  test("Fadvise on 386 and amd64 needs no padding: 6 words low-first on 386, 4 single words on amd64", () => {
    expect(wrapper("386", "Fadvise").words).toEqual([v("fd"), lo("offset"), hi("offset"), lo("length"), hi("length"), v("advice")]);
    expect(wrapper("amd64", "Fadvise").words).toEqual([v("fd"), v("offset"), v("length"), v("advice"), zero, zero]);
  });

  test("Seek's _llseek spells the halves high then low on every 32-bit arch and returns the offset through memory", () => {
    for (const arch of thirtyTwoBit) {
      const w = wrapper(arch, "Seek");
      expect(w.words, arch).toEqual([v("fd"), hi("offset"), lo("offset"), { kind: "resultAddress", result: "off" }, v("whence"), zero]);
      expect(w.results, arch).toEqual([{ kind: "memory", name: "off", goType: "int64" }]);
    }
    expect(wrapper("amd64", "Seek").words).toEqual([v("fd"), v("offset"), v("whence")]);
    expect(wrapper("amd64", "Seek").results).toEqual([{ kind: "return", name: "off", goType: "int64" }]);
  });

  test("Mmap's offset is one page-count word on 32-bit arches and the byte offset itself on amd64", () => {
    for (const arch of thirtyTwoBit) {
      const w = wrapper(arch, "Mmap");
      expect(w.words[5], arch).toEqual({ kind: "prepared", step: 0 });
      expect(w.prepare, arch).toEqual([{ kind: "pages", param: "offset", pageSize: 4096 }]);
      expect(w.results, arch).toEqual([{ kind: "mapping", name: "data", lengthParam: "length" }]);
    }
    expect(wrapper("amd64", "Mmap").words[5]).toEqual(v("offset"));
  });
});

describe("entry points", () => {
  test("Getpid never blocks and takes no argument: RawSyscall with three zero words, and no error result", () => {
    for (const arch of arches) {
      const w = wrapper(arch, "Getpid");
      expect(w.entry, arch).toEqual({ func: "RawSyscall", arity: 3 });
      expect(w.words, arch).toEqual([zero, zero, zero]);
      expect(w.hasError, arch).toBe(false);
    }
  });

  test("SigprocMask never blocks and passes 4 words: RawSyscall6, zero-filled to 6", () => {
    for (const arch of arches) {
      const w = wrapper(arch, "SigprocMask");
      expect(w.entry, arch).toEqual({ func: "RawSyscall6", arity: 6 });
      expect(w.words.slice(4), arch).toEqual([zero, zero]);
    }
  });

  test("ClockGettime never blocks and passes 2 words: RawSyscall; the 32-bit arches copy a 64-bit-time Timespec", () => {
    for (const arch of arches) expect(wrapper(arch, "ClockGettime").entry, arch).toEqual({ func: "RawSyscall", arity: 3 });
    // On 32-bit arches Timespec's fields are longs, i.e. int32, which the copy converts from.
    for (const arch of thirtyTwoBit) {
      expect(wrapper(arch, "ClockGettime").prepare, arch).toEqual([{ kind: "time64", param: "ts", secType: "int32", nsecType: "int32", copyIn: false, copyOut: true }]);
    }
    expect(wrapper("amd64", "ClockGettime").words).toEqual([v("clockid"), { kind: "pointer", param: "ts" }, zero]);
  });

  test("blocking calls of 3 words or fewer use Syscall, 4 to 6 Syscall6", () => {
    // FcntlFlock: fd, cmd, lk = 3 words. Pipe2: the pair's address and flags = 2. EpollCtl: 4.
    // Socketpair: 3 ints and the result's address = 4. Openat: 4.
    for (const arch of arches) {
      expect(wrapper(arch, "FcntlFlock").entry.func, arch).toBe("Syscall");
      expect(wrapper(arch, "Pipe2").entry.func, arch).toBe("Syscall");
      expect(wrapper(arch, "EpollCtl").entry.func, arch).toBe("Syscall6");
      expect(wrapper(arch, "Socketpair").entry.func, arch).toBe("Syscall6");
      expect(wrapper(arch, "Openat").entry.func, arch).toBe("Syscall6");
    }
    // Seek: 5 words with _llseek, 3 with lseek.
    expect(wrapper("arm", "Seek").entry.func).toBe("Syscall6");
    expect(wrapper("amd64", "Seek").entry.func).toBe("Syscall");
  });

  test("OldMmap on 386 passes its six words in a block: Syscall with the block's address", () => {
    const w = wrapper("386", "OldMmap");
    expect(w.entry).toEqual({ func: "Syscall", arity: 3 });
    expect(w.words).toEqual([{ kind: "block" }, zero, zero]);
    expect(w.block).toEqual(["addr", "length", "prot", "flags", "fd", "offset"].map(v));
  });

  test("every wrapper on every arch passes exactly its entry's arity of words", () => {
    for (const arch of arches) for (const w of ir(arch).wrappers) for (const c of w.calls) expect(c.words, `${arch} ${w.goName}`).toHaveLength(c.entry.arity);
  });
});

describe("other forms", () => {
  test("Pipe2 passes its []int as a prepared int32[2]; Socketpair gets its [2]int from one the kernel fills", () => {
    for (const arch of arches) {
      expect(wrapper(arch, "Pipe2").prepare, arch).toEqual([{ kind: "pair", param: "p" }]);
      const sp = wrapper(arch, "Socketpair");
      expect(sp.prepare, arch).toEqual([{ kind: "resultPair", result: "fd" }]);
      expect(sp.words.slice(0, 4), arch).toEqual([v("domain"), v("typ"), v("proto"), { kind: "prepared", step: 0 }]);
      expect(sp.results, arch).toEqual([{ kind: "memory", name: "fd", goType: "[2]int" }]);
    }
  });

  test("Openat copies its path and ORs O_LARGEFILE into flags", () => {
    const w = wrapper("arm", "Openat");
    expect(w.prepare).toEqual([{ kind: "path", param: "path" }]);
    expect(w.words.slice(0, 4)).toEqual([v("dirfd"), { kind: "prepared", step: 0 }, { kind: "value", param: "flags", orConstant: "O_LARGEFILE" }, v("mode")]);
  });

  test("SigprocMask's set:size word is sizeof(sigset_t) on the arch: 8, except 16 on mips (128 signals)", () => {
    // _NSIG is 64 on x86 and arm (one 8-byte long on amd64, two 4-byte longs on 386 and arm) and
    // 128 on mips (four 4-byte longs).
    const expected: Record<Arch, number> = { amd64: 8, "386": 8, arm: 8, mips: 16 };
    for (const arch of arches) {
      expect(wrapper(arch, "SigprocMask").words[3], arch).toEqual({ kind: "const", value: expected[arch] });
      expect(struct(arch, "Sigset_t").size, arch).toBe(expected[arch]);
    }
  });
});

describe("struct layout per arch", () => {
  test("Flock_t: Start at 8 with 4 explicit padding bytes on amd64, arm and mips (int64Align 8), at 4 on 386", () => {
    // Two int16s end at 4. C aligns int64 to int64Align: 8 pads 4 bytes (and the 28-byte end is
    // rounded up to 32), 4 does not (size 4+8+8+4 = 24).
    for (const arch of ["amd64", "arm", "mips"] as const) {
      const s = struct(arch, "Flock_t");
      expect(s.fields.map((f) => [f.name, f.offset]), arch).toEqual([
        ["Type", 0],
        ["Whence", 2],
        ["_", 4],
        ["Start", 8],
        ["Len", 16],
        ["Pid", 24],
        ["_", 28],
      ]);
      expect(s.size, arch).toBe(32);
    }
    const s386 = struct("386", "Flock_t");
    expect(s386.fields.map((f) => [f.name, f.offset])).toEqual([
      ["Type", 0],
      ["Whence", 2],
      ["Start", 4],
      ["Len", 12],
      ["Pid", 20],
    ]);
    expect(s386.size).toBe(24);
  });

  test("EpollEvent is packed on amd64 only: 12 bytes there and on 386 (data aligned to 4), 16 on arm and mips", () => {
    expect(struct("amd64", "EpollEvent").size).toBe(12);
    expect(struct("386", "EpollEvent").size).toBe(12);
    for (const arch of ["arm", "mips"] as const) {
      const s = struct(arch, "EpollEvent");
      expect(s.size, arch).toBe(16);
      expect(s.fields.map((f) => [f.name, f.offset, f.goType]), arch).toEqual([
        ["Events", 0, "uint32"],
        ["_", 4, "[4]byte"],
        ["Data", 8, "[2]uint32"],
      ]);
    }
  });

  test("Timespec's longs are 4 bytes on 32-bit arches and 8 on amd64", () => {
    for (const arch of thirtyTwoBit) expect(struct(arch, "Timespec").fields.map((f) => f.goType), arch).toEqual(["int32", "int32"]);
    expect(struct("amd64", "Timespec").fields.map((f) => f.goType)).toEqual(["int64", "int64"]);
    expect(struct("amd64", "Timespec").size).toBe(16);
  });
});

describe("constants", () => {
  test("a per-arch value overrides `all`; an arch without one gets `all`", () => {
    // O_LARGEFILE: asm-generic 0100000 (386), arm 0400000, mips 0x2000, and 0 on amd64 where
    // every open is large.
    expect(constant("amd64", "O_LARGEFILE")).toBe(0n);
    expect(constant("386", "O_LARGEFILE")).toBe(0x8000n);
    expect(constant("arm", "O_LARGEFILE")).toBe(0x20000n);
    expect(constant("mips", "O_LARGEFILE")).toBe(0x2000n);
    // O_DIRECTORY is overridden on arm only.
    expect(constant("arm", "O_DIRECTORY")).toBe(0x4000n);
    for (const arch of ["amd64", "386", "mips"] as const) expect(constant(arch, "O_DIRECTORY"), arch).toBe(0x10000n);
  });

  test("a plain value is the same everywhere, negative ones included", () => {
    for (const arch of arches) {
      expect(constant(arch, "O_CLOEXEC"), arch).toBe(0x80000n);
      expect(constant(arch, "AT_FDCWD"), arch).toBe(-100n);
    }
  });

  test("errno and signal values come from each arch's own table", () => {
    expect(constant("mips", "ENOSYS")).toBe(89n);
    expect(constant("arm", "ENOSYS")).toBe(38n);
    expect(constant("mips", "SIGUSR1")).toBe(16n);
    expect(constant("amd64", "SIGUSR1")).toBe(10n);
  });
});

describe("generated files", () => {
  test("each arch gets its own sysnum, syscall, types and errors file, next to the shared ones", () => {
    const paths = result.files.map((f) => f.path);
    for (const arch of arches) {
      for (const kind of ["zsysnum", "zsyscall", "ztypes", "zerrors"]) expect(paths, `${kind} ${arch}`).toContain(`go/rawsys/${kind}_linux_${arch}.go`);
    }
  });
});
