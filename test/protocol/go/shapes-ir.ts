/**
 * A protocol using every shape the spec language allows, nested every way the codec handles
 * (arrays of enums, bools, strings, blobs, structs and arrays; structs holding strings), to check
 * that the emitter prints valid, gofmt-clean Go for more than the demo.
 */
import type { ProtocolIR } from "../../../generator/protocol/ir.js";
import { layoutProtocol } from "../../../generator/protocol/resolve/layout.js";
import { defineProtocol } from "../../../generator/protocol/spec/language.js";

/** The shapes protocol, laid out. */
export function shapesIR(): ProtocolIR {
  return layoutProtocol(
    defineProtocol({
      name: "shapes",
      version: 3,
      magic: 0x53485053,
      enums: { mode: { width: "u32", values: { off: 0, on: 4294967295 } }, color: { width: "u16", values: { red: 7, blue: 9 } } },
      structs: {
        label: { fields: { text: { string: 15 }, hue: "color" } },
        cell: { fields: { labels: { array: "label", length: 2 }, flags: { array: "bool", length: 3 }, wide: "s64" } },
      },
      messages: {
        grid: { id: 0xfeff, direction: "to-helper", fields: { cells: { array: { array: "cell", length: 2 }, length: 2 }, tiny: "s8", modes: { array: "mode", length: 2 } } },
        lists: {
          id: 10,
          direction: "both",
          fields: { names: { array: { string: 7 }, length: 3 }, blobs: { array: { bytes: 5 }, length: 2 }, matrix: { array: { array: "u8", length: 3 }, length: 2 }, signed: { array: "s8", length: 4 } },
        },
        empty_string: { id: 11, direction: "to-kernel", fields: { s: { string: 0 }, b: { bytes: 0 } } },
      },
      // The largest request and the longest timeout; lists travels both ways, a notification each way.
      calls: { draw: { request: "grid", reply: "empty_string", timeoutMs: 600_000 } },
    }),
  );
}
