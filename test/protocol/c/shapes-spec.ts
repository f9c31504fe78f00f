/**
 * A protocol with every shape the spec language allows and the demo lacks: arrays of arrays, of
 * strings, of byte blobs (odd-sized, so elements are not 2-aligned), of enums, bools and structs
 * whose elements carry their own pads, enums of every width, C keywords as field names, a message
 * near the largest frame, type numbers far apart, and a doc too long for one line.
 */
import { defineProtocol } from "../../../generator/protocol/spec/language.js";

export const shapesSpec = defineProtocol({
  name: "shapes",
  version: 3,
  magic: 0x53484150,
  enums: {
    color: { width: "u8", values: { red: 1, green: 2, blue: 200 } },
    mode: { width: "u16", values: { off: 0, on: 0xffff } },
    big: { values: { a: 0, b: 0x7fffffff, c: 0xffffffff } },
  },
  structs: {
    inner: { fields: { c: "color", on: "bool", tag: { string: 5 }, blob: { bytes: 3 } } },
    outer: { fields: { default: "u8", inners: { array: "inner", length: 2 }, wide: "s64", flags: { array: "bool", length: 3 } } },
  },
  messages: {
    everything: {
      id: 7,
      direction: "to-helper",
      doc: "A message with one field of every shape, whose description is long enough on purpose that the header has to wrap it over several lines of its kernel-doc comment, which kernel-doc allows for the short description.",
      fields: {
        int: "s16",
        grid: { array: { array: "u16", length: 3 }, length: 2 },
        names: { array: { string: 7 }, length: 2 },
        blobs: { array: { bytes: 4 }, length: 2 },
        colors: { array: "color", length: 3 },
        outer: "outer",
        mode: "mode",
        big: "big",
        u64s: { array: "u64", length: 2 },
        s8: "s8",
      },
    },
    empty: { id: 0xfeff, direction: "both", fields: {} },
    bulk: { id: 300, direction: "to-kernel", fields: { data: { bytes: 4000 }, char: "u32" } },
  },
});

const inner = (c: string, on: boolean, tag: string, blob: string) => ({ c, on, tag, blob });

/** Values of each message, for the independent encoder. */
export const shapesSamples: [string, number, Record<string, unknown>][] = [
  [
    "everything",
    1,
    {
      int: -2,
      grid: [[1, 2, 65535], [4, 5, 6]],
      names: ["abc", "1234567"],
      blobs: ["", "a1b2c3"],
      colors: ["red", "blue", "green"],
      outer: { default: 9, inners: [inner("green", true, "hi", "ff"), inner("blue", false, "12345", "010203")], wide: "-1", flags: [true, false, true] },
      mode: "on",
      big: "c",
      u64s: ["81985529216486895", "18446744073709551615"],
      s8: -128,
    },
  ],
  ["empty", 2, {}],
  ["bulk", 3, { data: "5a".repeat(4000), char: 7 }],
  ["bulk", 4, { data: "", char: 0 }],
];
