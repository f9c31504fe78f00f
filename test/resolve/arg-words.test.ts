/**
 * Unit tests of resolveArgWords: how kernel arguments become register words on each ABI. Every
 * expected word list is written from the calling convention named in the test, not from output.
 */
import { describe, expect, test } from "vitest";
import { resolveArgWords, type ArgContext } from "../../generator/syscall/resolve/arg-words.js";
import type { StructIR, WordIR } from "../../generator/syscall/ir.js";
import { parseParamType } from "../../generator/syscall/spec/param-type.js";
import type { ArchSpec } from "../../generator/syscall/spec/arch.js";
import type { KernelArg, ParamType } from "../../generator/syscall/spec/syscall.js";
import { amd64Abi, armAbi, i386Abi, mipsAbi } from "./abi-arches.js";

const timespec32: StructIR = {
  name: "Timespec",
  cName: "struct timespec",
  size: 8,
  align: 4,
  fields: [
    { name: "Sec", goType: "int32", offset: 0, size: 4 },
    { name: "Nsec", goType: "int32", offset: 4, size: 4 },
  ],
};

function ctx(arch: ArchSpec, params: Record<string, ParamType>, results: Record<string, string> = {}, structs: StructIR[] = []): ArgContext {
  return { arch, params: new Map(Object.entries(params).map(([name, type]) => [name, parseParamType(type)])), results: new Map(Object.entries(results)), structs: new Map(structs.map((s) => [s.name, s])) };
}

function words(arch: ArchSpec, args: KernelArg[], params: Record<string, ParamType>): WordIR[] {
  return resolveArgWords(args, ctx(arch, params)).words;
}

const fd = { kind: "value", param: "fd" } as const;
const zero = { kind: "const", value: 0 } as const;
const low = (param: string) => ({ kind: "low", param }) as const;
const high = (param: string) => ({ kind: "high", param }) as const;

describe("a 64-bit integer argument", () => {
  test("is one register word on a 64-bit arch, whatever slot it lands in", () => {
    // A 64-bit register holds the whole value: nothing to split, so nothing to order or align.
    expect(words(amd64Abi, ["fd", "offset"], { fd: "int", offset: "int64" })).toEqual([fd, { kind: "value", param: "offset" }]);
    expect(words(amd64Abi, ["offset"], { offset: "uint64" })).toEqual([{ kind: "value", param: "offset" }]);
  });

  test("goes low word first on low-first arches (arm, 386) and high word first on high-first ones (mips)", () => {
    // Slot 0 is even, so no arch needs alignment padding here and only pairOrder matters.
    const params = { offset: "int64" } as const;
    expect(words(armAbi, ["offset"], params)).toEqual([low("offset"), high("offset")]);
    expect(words(i386Abi, ["offset"], params)).toEqual([low("offset"), high("offset")]);
    expect(words(mipsAbi, ["offset"], params)).toEqual([high("offset"), low("offset")]);
  });

  test("after one word starts at slot 1, so arm and mips insert a zero word first and 386 does not", () => {
    // arm EABI and mips o32 pass a 64-bit value in an even/odd register pair; slot 1 is odd, so
    // the kernel expects slot 1 unused. i386 has no such rule (pairAlign "any").
    const params = { fd: "int", offset: "int64" } as const;
    expect(words(armAbi, ["fd", "offset"], params)).toEqual([fd, zero, low("offset"), high("offset")]);
    expect(words(mipsAbi, ["fd", "offset"], params)).toEqual([fd, zero, high("offset"), low("offset")]);
    expect(words(i386Abi, ["fd", "offset"], params)).toEqual([fd, low("offset"), high("offset")]);
  });

  test("after two words starts at even slot 2, so no arch pads", () => {
    const params = { fd: "int", advice: "int", offset: "int64" } as const;
    expect(words(armAbi, ["fd", "advice", "offset"], params)).toEqual([fd, { kind: "value", param: "advice" }, low("offset"), high("offset")]);
    expect(words(mipsAbi, ["fd", "advice", "offset"], params)).toEqual([fd, { kind: "value", param: "advice" }, high("offset"), low("offset")]);
  });

  test("counts slots in words, not arguments: a slice is two words, so pread's offset lands on slot 3 and is padded on arm and mips", () => {
    // pread64(fd, buf, count, offset): buf and count are the slice's two words, offset starts at
    // slot 3 (odd): arm and mips pad it to slot 4, 386 does not.
    const params = { fd: "int", p: "[]byte", offset: "int64" } as const;
    const slice = [{ kind: "prepared", step: 0 }, { kind: "length", param: "p" }] as const;
    expect(words(armAbi, ["fd", "p", "offset"], params)).toEqual([fd, ...slice, zero, low("offset"), high("offset")]);
    expect(words(mipsAbi, ["fd", "p", "offset"], params)).toEqual([fd, ...slice, zero, high("offset"), low("offset")]);
    expect(words(i386Abi, ["fd", "p", "offset"], params)).toEqual([fd, ...slice, low("offset"), high("offset")]);
    // Without fd the slice fills slots 0-1 and offset starts at even slot 2: no padding anywhere.
    expect(words(armAbi, ["p", "offset"], { p: "[]byte", offset: "int64" })).toEqual([...slice, low("offset"), high("offset")]);
  });

  test("two in a row after one word: the first is padded to slot 2, the second then starts at even slot 4", () => {
    // fadvise64_64(fd, offset, len, advice) on arm would be fd, pad, off(2-3), len(4-5), advice(6):
    // the seven words that made arm add arm_fadvise64_64 with advice moved forward.
    const params = { fd: "int", off: "int64", len: "int64", advice: "int" } as const;
    const advice = { kind: "value", param: "advice" } as const;
    expect(words(armAbi, ["fd", "off", "len", "advice"], params)).toEqual([fd, zero, low("off"), high("off"), low("len"), high("len"), advice]);
    expect(words(mipsAbi, ["fd", "off", "len", "advice"], params)).toEqual([fd, zero, high("off"), low("off"), high("len"), low("len"), advice]);
    expect(words(i386Abi, ["fd", "off", "len", "advice"], params)).toEqual([fd, low("off"), high("off"), low("len"), high("len"), advice]);
  });

  test("spelt as :hi and :lo is passed exactly as written: neither reordered by pairOrder nor padded", () => {
    // _llseek(fd, offset_high, offset_low, result, whence) takes two independent 32-bit words
    // on every arch; the spec writes the kernel's order, so mips and arm and 386 agree.
    const params = { fd: "int", offset: "int64" } as const;
    for (const arch of [armAbi, mipsAbi, i386Abi]) {
      expect(words(arch, ["fd", "offset:hi", "offset:lo"], params), arch.goarch).toEqual([fd, high("offset"), low("offset")]);
    }
  });

  test("as :pages is one word, a prepared page count, never split even on 32-bit arches", () => {
    // mmap2 takes the offset in 4096-byte units in a single unsigned long.
    for (const arch of [armAbi, mipsAbi, i386Abi]) {
      const out = resolveArgWords(["fd", "offset:pages"], ctx(arch, { fd: "int", offset: "int64" }));
      expect(out.words, arch.goarch).toEqual([fd, { kind: "prepared", step: 0 }]);
      expect(out.prepare).toEqual([{ kind: "pages", param: "offset", pageSize: 4096 }]);
    }
  });
});

describe("other argument forms", () => {
  test("a string path is one word, the address of a prepared NUL-terminated copy", () => {
    const out = resolveArgWords(["dirfd", "path"], ctx(armAbi, { dirfd: "int", path: "string" }));
    expect(out.words).toEqual([{ kind: "value", param: "dirfd" }, { kind: "prepared", step: 0 }]);
    expect(out.prepare).toEqual([{ kind: "path", param: "path" }]);
  });

  test("preparation steps are listed in the order their arguments appear, and words refer to them by index", () => {
    // Each preparation is its own step; a second one must not reuse step 0.
    const out = resolveArgWords(["path", "p"], ctx(amd64Abi, { path: "string", p: "[]byte" }));
    expect(out.prepare).toEqual([{ kind: "path", param: "path" }, { kind: "slice", param: "p" }]);
    expect(out.words).toEqual([{ kind: "prepared", step: 0 }, { kind: "prepared", step: 1 }, { kind: "length", param: "p" }]);
  });

  test(":ptr and :len pass one half of a slice each, in the order written", () => {
    const out = resolveArgWords(["p:len", "p:ptr"], ctx(mipsAbi, { p: "[]byte" }));
    expect(out.words).toEqual([{ kind: "length", param: "p" }, { kind: "prepared", step: 0 }]);
    expect(out.prepare).toEqual([{ kind: "slice", param: "p" }]);
  });

  test(":pair passes the address of a prepared int32[2]", () => {
    const out = resolveArgWords(["p:pair", "flags"], ctx(i386Abi, { p: "[]int", flags: "int" }));
    expect(out.words).toEqual([{ kind: "prepared", step: 0 }, { kind: "value", param: "flags" }]);
    expect(out.prepare).toEqual([{ kind: "pair", param: "p" }]);
  });

  test("&name of a [2]int result passes a prepared int32[2] the kernel fills; of an integer result, the result itself", () => {
    const pair = resolveArgWords(["domain", "&fd"], ctx(amd64Abi, { domain: "int" }, { fd: "[2]int" }));
    expect(pair.words).toEqual([{ kind: "value", param: "domain" }, { kind: "prepared", step: 0 }]);
    expect(pair.prepare).toEqual([{ kind: "resultPair", result: "fd" }]);
    expect([...pair.memoryResults]).toEqual(["fd"]);

    const offset = resolveArgWords(["fd", "&off"], ctx(armAbi, { fd: "int" }, { off: "int64" }));
    expect(offset.words).toEqual([fd, { kind: "resultAddress", result: "off" }]);
    expect(offset.prepare).toEqual([]);
    expect([...offset.memoryResults]).toEqual(["off"]);
  });

  test('"" is the empty-path word, its own kind: no step, no parameter', () => {
    // statx(fd, "", AT_EMPTY_PATH, mask, buf) asks about fd itself through an empty path.
    const out = resolveArgWords(["fd", "", 0x1000], ctx(amd64Abi, { fd: "int" }));
    expect(out.words).toEqual([fd, { kind: "emptyPath" }, { kind: "const", value: 0x1000 }]);
    expect(out.prepare).toEqual([]);
  });

  test(":size is a constant word equal to the pointed-to struct's size on this arch", () => {
    const sigset: StructIR = { name: "Sigset_t", cName: "sigset_t", size: 16, align: 4, fields: [{ name: "Val", goType: "[4]uint32", offset: 0, size: 16 }] };
    const out = resolveArgWords(["set", "set:size"], ctx(mipsAbi, { set: "in *Sigset_t" }, {}, [sigset]));
    expect(out.words).toEqual([{ kind: "pointer", param: "set" }, { kind: "const", value: 16 }]);
  });

  test(":time64 prepares a 64-bit-time copy typed from the arch's Timespec fields", () => {
    const out = resolveArgWords(["clockid", "ts:time64"], ctx(armAbi, { clockid: "int32", ts: "out *Timespec" }, {}, [timespec32]));
    expect(out.words).toEqual([{ kind: "value", param: "clockid" }, { kind: "prepared", step: 0 }]);
    expect(out.prepare).toEqual([{ kind: "time64", param: "ts", secType: "int32", nsecType: "int32", copyIn: false, copyOut: true }]);
  });

  test(":time64 copies an input in and never back, an output back and never in, an inout both ways", () => {
    // ClockNanosleep's request is read by the kernel: writing it back would write the caller's input.
    const copies = (direction: string) => {
      const out = resolveArgWords(["ts:time64"], ctx(armAbi, { ts: `${direction} *Timespec` as ParamType }, {}, [timespec32]));
      const step = out.prepare[0]!;
      return step.kind === "time64" ? [step.copyIn, step.copyOut] : [];
    };
    expect(copies("in")).toEqual([true, false]);
    expect(copies("out")).toEqual([false, true]);
    expect(copies("inout")).toEqual([true, true]);
  });

  test(":mapping passes a whole mapping's address (a checked step) and its length", () => {
    const out = resolveArgWords(["b:mapping"], ctx(armAbi, { b: "[]byte" }));
    expect(out.words).toEqual([{ kind: "prepared", step: 0 }, { kind: "length", param: "b" }]);
    expect(out.prepare).toEqual([{ kind: "mapping", param: "b" }]);
  });

  test("a step another call of the wrapper already prepared is shared, a new one gets the next index", () => {
    const first = resolveArgWords(["dirfd", "path", "mode"], ctx(amd64Abi, { dirfd: "int", path: "string", mode: "uint32", p: "[]byte" }));
    const second = resolveArgWords(["dirfd", "path", "p"], { ...ctx(amd64Abi, { dirfd: "int", path: "string", mode: "uint32", p: "[]byte" }), prepared: first.prepare });
    expect(second.prepare.map((s) => s.kind)).toEqual(["path", "slice"]);
    expect(second.uses).toEqual([0, 1]);
    expect(second.words[1]).toEqual({ kind: "prepared", step: 0 });
  });

  test("name|CONST is one word, the parameter OR-ed with the named constant (whose per-arch value the emitter prints)", () => {
    // A plain int is one word on every arch, and OR-ing a constant into it does not widen it.
    for (const arch of [amd64Abi, armAbi, mipsAbi, i386Abi]) {
      expect(words(arch, ["flags|O_LARGEFILE"], { flags: "int" }), arch.goarch).toEqual([{ kind: "value", param: "flags", orConstant: "O_LARGEFILE" }]);
    }
  });

  test("a number is a constant word, and counts as a slot for the even-slot rule", () => {
    // In `[0, "offset"]` the constant takes slot 0, so offset starts at slot 1 (odd) and is padded.
    expect(words(armAbi, [0, "offset"], { offset: "int64" })).toEqual([zero, zero, low("offset"), high("offset")]);
    expect(words(i386Abi, [7], {})).toEqual([{ kind: "const", value: 7 }]);
  });

  test("a pointer or unsafe.Pointer is one word on every arch", () => {
    for (const arch of [amd64Abi, armAbi, mipsAbi, i386Abi]) {
      expect(words(arch, ["buf", "raw"], { buf: "*Timespec", raw: "unsafe.Pointer" }), arch.goarch).toEqual([
        { kind: "pointer", param: "buf" },
        { kind: "pointer", param: "raw" },
      ]);
    }
  });
});
