/**
 * Unit tests of layoutStructs: C offsets from each arch's data model, and the explicit padding that
 * makes Go's layout equal C's. Expected offsets are computed by hand from the C alignment rules
 * stated in each test, never read back from the generator.
 */
import { describe, expect, test } from "vitest";
import { LayoutError, layoutStructs } from "../../generator/syscall/resolve/layout.js";
import type { StructInput } from "../../generator/syscall/spec/spec-set.js";
import type { FieldIR, StructIR } from "../../generator/syscall/ir.js";
import type { ArchSpec } from "../../generator/syscall/spec/arch.js";
import type { StructSpec } from "../../generator/syscall/spec/types.js";
import { amd64Abi, armAbi, i386Abi, mipsAbi } from "./abi-arches.js";

const pos = { file: "types/test.ts", line: 3, column: 3 };

function input(name: string, spec: StructSpec): StructInput {
  return { name, spec, pos };
}

function layOne(arch: ArchSpec, spec: StructSpec, others: StructInput[] = []): StructIR {
  const { structs, errors } = layoutStructs([input("T", spec), ...others], arch);
  // A struct that cannot be laid out comes back as an error; surface the first one.
  if (errors.length > 0) throw errors[0];
  return structs.find((s) => s.name === "T")!;
}

const pad = (offset: number, size: number): FieldIR => ({ name: "_", goType: `[${size}]byte`, offset, size });

/** struct flock64: two shorts, then two 64-bit members, then an int. */
const flock: StructSpec = { c: "struct flock64", fields: { Type: "int16", Whence: "int16", Start: "int64", Len: "int64", Pid: "int32" } };

describe("a 64-bit member after 32 bits of smaller ones", () => {
  test("on arm and mips C aligns it to 8, which Go would not do on 32-bit, so 4 padding bytes are made explicit", () => {
    // int64Align 8: Start rounds up from offset 4 to 8, Len follows at 16, Pid at 24; the struct
    // aligns to 8, so its size rounds 28 up to 32. Go aligns int64 to only 4 on 32-bit arches and
    // would put Start at 4: the `_ [4]byte` at 4 is what keeps Go's layout equal to C's.
    for (const arch of [armAbi, mipsAbi]) {
      const t = layOne(arch, flock);
      expect(t.fields, arch.goarch).toEqual([
        { name: "Type", goType: "int16", offset: 0, size: 2 },
        { name: "Whence", goType: "int16", offset: 2, size: 2 },
        pad(4, 4),
        { name: "Start", goType: "int64", offset: 8, size: 8 },
        { name: "Len", goType: "int64", offset: 16, size: 8 },
        { name: "Pid", goType: "int32", offset: 24, size: 4 },
        pad(28, 4),
      ]);
      expect(t.size).toBe(32);
      expect(t.align).toBe(8);
    }
  });

  test("on 386 (int64Align 4) C packs it right after at offset 4, no padding at all, size 24", () => {
    // i386's C aligns long long to 4 inside structs: Start 4, Len 12, Pid 20, end 24, align 4.
    const t = layOne(i386Abi, flock);
    expect(t.fields.map((f) => [f.name, f.offset])).toEqual([
      ["Type", 0],
      ["Whence", 2],
      ["Start", 4],
      ["Len", 12],
      ["Pid", 20],
    ]);
    expect(t.size).toBe(24);
    expect(t.align).toBe(4);
  });

  test("on amd64 C aligns it to 8 too; the gap Go would also leave is still written out", () => {
    // Same offsets as arm: the generator states every C gap explicitly rather than relying on Go.
    const t = layOne(amd64Abi, flock);
    expect(t.fields.filter((f) => f.name === "_")).toEqual([pad(4, 4), pad(28, 4)]);
    expect(t.fields.find((f) => f.name === "Start")!.offset).toBe(8);
    expect(t.size).toBe(32);
  });
});

describe("word-sized and composite members", () => {
  test("long and ulong are the arch's word: int32/uint32 on 32-bit, int64/uint64 on 64-bit", () => {
    const spec: StructSpec = { c: "struct timespec", fields: { Sec: "long", Nsec: "ulong" } };
    expect(layOne(i386Abi, spec).fields).toEqual([
      { name: "Sec", goType: "int32", offset: 0, size: 4 },
      { name: "Nsec", goType: "uint32", offset: 4, size: 4 },
    ]);
    expect(layOne(amd64Abi, spec).fields).toEqual([
      { name: "Sec", goType: "int64", offset: 0, size: 8 },
      { name: "Nsec", goType: "uint64", offset: 8, size: 8 },
    ]);
  });

  test("an array is its element repeated: size multiplies, alignment is the element's", () => {
    // [3]uint16 is 6 bytes aligned to 2, so the int32 after it rounds 7 (after the byte) up to 8.
    const t = layOne(armAbi, { c: "struct t", fields: { A: "[3]uint16", B: "uint8", C: "int32" } });
    expect(t.fields).toEqual([
      { name: "A", goType: "[3]uint16", offset: 0, size: 6 },
      { name: "B", goType: "uint8", offset: 6, size: 1 },
      pad(7, 1),
      { name: "C", goType: "int32", offset: 8, size: 4 },
    ]);
    expect(t.size).toBe(12);
  });

  test("a nested struct is placed at its own C alignment: 8 on arm when it holds an int64, 4 on 386", () => {
    // Inner { int64 } aligns like int64: int64Align. After a 4-byte member it starts at 8 on arm
    // (pad 4) and at 4 on 386 (no pad).
    const inner = input("Inner", { c: "struct inner", fields: { V: "int64" } });
    const outer: StructSpec = { c: "struct outer", fields: { A: "int32", In: "Inner" } };
    expect(layOne(armAbi, outer, [inner]).fields).toEqual([
      { name: "A", goType: "int32", offset: 0, size: 4 },
      pad(4, 4),
      { name: "In", goType: "Inner", offset: 8, size: 8 },
    ]);
    expect(layOne(i386Abi, outer, [inner]).fields).toEqual([
      { name: "A", goType: "int32", offset: 0, size: 4 },
      { name: "In", goType: "Inner", offset: 4, size: 8 },
    ]);
  });

  test("a field name starting with _ is reserved space and is emitted as _", () => {
    const t = layOne(amd64Abi, { c: "struct t", fields: { A: "int32", _reserved: "[4]uint8" } });
    expect(t.fields).toEqual([
      { name: "A", goType: "int32", offset: 0, size: 4 },
      { name: "_", goType: "[4]uint8", offset: 4, size: 4 },
    ]);
  });

  test("structs come back in name order and nested ones are laid out once", () => {
    const all = layoutStructs([input("Zeta", { c: "z", fields: { I: "Alpha" } }), input("Alpha", { c: "a", fields: { V: "int32" } })], armAbi).structs;
    expect(all.map((s) => s.name)).toEqual(["Alpha", "Zeta"]);
  });
});

describe("tail padding", () => {
  test("the size rounds up to the struct's C alignment and the tail bytes are an explicit field", () => {
    // { int64; int32 }: 12 bytes of members. Aligned to 8 (amd64, arm, mips) the size is 16 with
    // a 4-byte tail; aligned to 4 (386) the size stays 12 with no tail.
    const spec: StructSpec = { c: "struct t", fields: { A: "int64", B: "int32" } };
    for (const arch of [amd64Abi, armAbi, mipsAbi]) {
      const t = layOne(arch, spec);
      expect(t.size, arch.goarch).toBe(16);
      expect(t.fields.at(-1), arch.goarch).toEqual(pad(12, 4));
    }
    const t386 = layOne(i386Abi, spec);
    expect(t386.size).toBe(12);
    expect(t386.fields.some((f) => f.name === "_")).toBe(false);
  });

  test("a byte after an int32 leaves 3 tail bytes on every arch", () => {
    for (const arch of [amd64Abi, armAbi, mipsAbi, i386Abi]) {
      const t = layOne(arch, { c: "struct t", fields: { A: "uint32", B: "uint8" } });
      expect(t.size, arch.goarch).toBe(8);
      expect(t.fields.at(-1), arch.goarch).toEqual(pad(5, 3));
    }
  });
});

describe("packed structs and alignAs", () => {
  /** struct epoll_event: a u32 then a u64 (written as two u32 so Go can place it anywhere). */
  const epoll: StructSpec = {
    c: "struct epoll_event",
    fields: { Events: "uint32", Data: { type: "[2]uint32", alignAs: "uint64" } },
    packed: ["amd64"],
  };

  test("packed on amd64: no member is aligned, so Data follows Events at 4 and the size is 12", () => {
    const t = layOne(amd64Abi, epoll);
    expect(t.fields).toEqual([
      { name: "Events", goType: "uint32", offset: 0, size: 4 },
      { name: "Data", goType: "[2]uint32", offset: 4, size: 8 },
    ]);
    expect(t.size).toBe(12);
    expect(t.align).toBe(1);
  });

  test("the same struct unpacked on amd64 aligns Data as a uint64 (alignAs): offset 8, size 16", () => {
    const t = layOne(amd64Abi, { ...epoll, packed: [] });
    expect(t.fields).toEqual([{ name: "Events", goType: "uint32", offset: 0, size: 4 }, pad(4, 4), { name: "Data", goType: "[2]uint32", offset: 8, size: 8 }]);
    expect(t.size).toBe(16);
  });

  test("packed only applies to the arches it lists: alignAs uint64 gives 8 on arm and mips, 4 on 386", () => {
    for (const arch of [armAbi, mipsAbi]) {
      const t = layOne(arch, epoll);
      expect(t.fields.find((f) => f.name === "Data")!.offset, arch.goarch).toBe(8);
      expect(t.size, arch.goarch).toBe(16);
    }
    const t386 = layOne(i386Abi, epoll);
    expect(t386.fields.find((f) => f.name === "Data")!.offset).toBe(4);
    expect(t386.size).toBe(12);
  });

  test("a uint64 at C offset 4 in a packed amd64 struct is refused: Go aligns uint64 to 8 there", () => {
    const spec: StructSpec = { c: "struct epoll_event", fields: { Events: "uint32", Data: "uint64" }, packed: ["amd64"] };
    expect(() => layOne(amd64Abi, spec)).toThrow(LayoutError);
    expect(() => layOne(amd64Abi, spec)).toThrow("T.Data is at offset 4 in C on amd64, but Go aligns uint64 to 8");
    // On 386 both C and Go align it to 4, so the same fields lay out fine (size 12).
    expect(layOne(i386Abi, spec).size).toBe(12);
  });

  test("a packed struct whose C size Go would round up is refused", () => {
    // { u32; u8 } packed is 5 bytes in C; Go rounds a struct holding a uint32 up to 8.
    const spec: StructSpec = { c: "struct t", fields: { A: "uint32", B: "uint8" }, packed: ["amd64"] };
    expect(() => layOne(amd64Abi, spec)).toThrow("T is 5 bytes in C on amd64 but Go would round it to 8");
  });

  test("a layout error carries the struct's position, so it is reported at the spec", () => {
    const spec: StructSpec = { c: "struct t", fields: { A: "uint8", B: "uint64" }, packed: ["amd64"] };
    let error: unknown;
    try {
      layOne(amd64Abi, spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LayoutError);
    expect((error as LayoutError).pos).toEqual(pos);
  });
});

describe("per-arch field lists", () => {
  test("an arch listed in a variant gets that variant's fields, every other arch the default fields", () => {
    // sigset_t holds _NSIG bits: 64 (one long on amd64, two on 32-bit) or 128 on mips (four longs).
    const spec: StructSpec = {
      c: "sigset_t",
      fields: { Val: "[2]ulong" },
      variants: [
        { arches: ["amd64"], fields: { Val: "[1]ulong" } },
        { arches: ["mips"], fields: { Val: "[4]ulong" } },
      ],
    };
    expect(layOne(amd64Abi, spec).fields).toEqual([{ name: "Val", goType: "[1]uint64", offset: 0, size: 8 }]);
    expect(layOne(mipsAbi, spec).fields).toEqual([{ name: "Val", goType: "[4]uint32", offset: 0, size: 16 }]);
    expect(layOne(armAbi, spec).fields).toEqual([{ name: "Val", goType: "[2]uint32", offset: 0, size: 8 }]);
  });

  test("a struct with only variants is absent on an arch no variant lists", () => {
    const all = layoutStructs([input("OnlyMips", { c: "struct m", variants: [{ arches: ["mips"], fields: { A: "int32" } }] })], armAbi).structs;
    expect(all).toEqual([]);
  });
});
