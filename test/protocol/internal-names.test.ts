/**
 * Spec names that are also the generated code's own (the Go codec's encodeText and decodePayload,
 * the C header's locals and members, the call glue's locals and its dispatcher's Handle, libc's
 * and the kernel's macros) are accepted and compile:
 * the generated names are kept apart from them by construction, or renamed (`errno_`).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import { compileHeaders, scratch, vetGoPackages } from "./random/compile-outputs.js";

const work = scratch("internal-names");
afterAll(() => work.dispose());

const spec = `import { defineProtocol } from "syscallgen/spec";

export default defineProtocol({
  name: "codec",
  version: 1,
  magic: 0x434f4445,
  enums: { value: { width: "u16", values: { zero: 0, is_zero: 1, put8: 2 } } },
  structs: {
    text: { fields: { encode: "u8", decode: "u16", set: { string: 7 } } },
    blob: { fields: { len: "u16", data: { bytes: 6 }, text: "text" } },
    header: { fields: { magic: "u32", version: "u16", type: "value", seq: "u32", blob: { array: "blob", length: 2 } } },
  },
  messages: {
    payload: { id: 1, direction: "both", fields: { header: "header", p: "u8", out: "u8", b: "u8", m: "u8", i: "u8" } },
    text_bytes: { id: 2, direction: "to-kernel", fields: { errno: "s32", current: "u8", int: "u8", fallthrough: "u8", frame: { string: 15 } } },
    get_payload: { id: 3, direction: "to-helper", fields: { size: "u32", accept: "u8", r: "u8", fd: "s32", buf: { bytes: 8 } } },
    check_header: { id: 4, direction: "both", fields: { level: "u8", kind: "value", error: "s32", put_header: "blob" } },
    dispatch: { id: 5, direction: "to-kernel", fields: { rt: "u8", ops: "u8", h: "u8", payload: "u8", type: "u16", req: "u8", reply: "u8" } },
    desc: { id: 6, direction: "to-helper", fields: { d: "u8", t: "u8", msg: "u8", opts: "u8" } },
  },
  calls: { handle: { request: "get_payload", reply: "text_bytes", timeoutMs: 100 }, handle_tick: { request: "desc", reply: "text_bytes", timeoutMs: 1 } },
});
`;

test("a protocol named after the codec's helpers, with those names everywhere, compiles", async () => {
  const file = path.join(work.root, "codec.ts");
  writeFileSync(file, spec);
  const fixture = path.join(import.meta.dirname, "../fixtures/mini-specs");
  const { files } = generate({ specs: [fixture], bundledSpecs: false, protocols: [file], cwd: work.root, arches: [], goImportPrefix: "rt" });
  const outputs = [{ label: "codec", files: files.filter((f) => f.path.startsWith("c/") || f.path.startsWith("go/codec/")) }];
  expect(outputs[0]!.files.map((f) => f.path).sort()).toEqual([
    "c/codec.h",
    "c/codec_helper.c",
    "c/sgwire.h",
    "c/sgwire_helper.c",
    "c/sgwire_helper.h",
    "go/codec/codec.go",
    "go/codec/conn.go",
    "go/codec/protocol.go",
    "go/codec/serve.go",
    "go/codec/types.go",
  ]);
  expect(await compileHeaders(work.root, outputs)).toEqual([]);
  expect(await vetGoPackages(work.root, outputs)).toBeNull();
});
