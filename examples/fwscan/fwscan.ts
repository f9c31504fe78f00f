/**
 * The protocol between the fwscan driver and its embedded Go helper. The driver streams a
 * firmware container to the helper in chunks (call `load`), asks it to check the container (call
 * `scan`: the section table comes back as a stream of `sections` notifications, then the
 * verdict), and fetches each checked section's bytes when it needs them (call `extract`), so the
 * kernel never parses the container itself nor keeps a copy of it.
 */
import { defineProtocol } from "syscallgen/spec";

export default defineProtocol({
  name: "fwscan",
  doc: "Driver <-> embedded Go helper protocol of the fwscan example: a firmware container checked in user space.",
  version: 1,
  magic: 0x46575343, // "FWSC"
  liveness: { intervalMs: 1000, timeoutMs: 5000 },
  enums: {
    kind: {
      doc: "What a section holds: tells the driver where it goes in the device; none in an unused entry.",
      width: "u8",
      // none: the entries of a sections message past its count, and an extract that failed.
      values: { none: 0, code: 1, data: 2, config: 3, signature: 4 },
    },
    verdict: {
      doc: "The outcome of a scan: ok, or the first rule the container breaks.",
      width: "u8",
      values: {
        ok: 0,
        empty: 1, // nothing loaded
        bad_magic: 2, // not an FWC1 container, or a version the helper does not know
        truncated: 3, // shorter than its header, its section table or its declared size
        bad_table: 4, // more than 64 sections, or an unknown kind, or a name that is not text
        bad_bounds: 5, // a section outside the payload area, or overlapping another
        bad_crc: 6, // a section whose CRC-32 does not match its bytes
      },
    },
  },
  structs: {
    section: {
      doc: "One entry of a container's section table, as the helper checked it.",
      fields: { name: { string: 15 }, kind: "kind", offset: "u32", length: "u32", crc32: "u32" },
    },
  },
  messages: {
    load: {
      id: 1,
      direction: "to-helper",
      doc: "Bytes of the image at offset; offset 0 starts a new image, any other must be where the last chunk ended.",
      // A 4,024-byte frame: 16 of header, 4 + 2 + 4000 of payload, 2 of pad. The runtime sends it
      // from a buffer allocated at create, never from the stack.
      fields: { offset: "u32", data: { bytes: 4000 } },
    },
    loaded: {
      id: 2,
      direction: "to-kernel",
      doc: "The answer to load: status 0 or a negative errno, and the image's size so far.",
      fields: { status: "s32", size: "u32" },
    },
    scan: {
      id: 3,
      direction: "to-helper",
      doc: "Check the image loaded so far.",
      fields: {},
    },
    sections: {
      id: 4,
      direction: "to-kernel",
      doc: "Part of the section table of a scan: count entries from index first, sent before the scan's verdict.",
      fields: { first: "u16", count: "u8", section: { array: "section", length: 8 } },
    },
    scanned: {
      id: 5,
      direction: "to-kernel",
      doc: "The answer to scan: the verdict, the section it is about (bad_table, bad_bounds, bad_crc), the number of sections and the image's size.",
      fields: { verdict: "verdict", section: "u16", sections: "u16", size: "u32" },
    },
    extract: {
      id: 6,
      direction: "to-helper",
      doc: "Send up to 4064 bytes of section index, from offset within it, of the last scan that passed.",
      fields: { index: "u16", offset: "u32" },
    },
    extracted: {
      id: 7,
      direction: "to-kernel",
      doc: "The answer to extract: status 0 or a negative errno, the section's kind and length, and the bytes.",
      // The largest frame there is: 16 of header, 4 + 1 + 3 + 4 + 2 + 4064 of payload, 2 of pad: PIPE_BUF, 4096.
      fields: { status: "s32", kind: "kind", length: "u32", data: { bytes: 4064 } },
    },
  },
  calls: {
    load: { request: "load", reply: "loaded", timeoutMs: 2000, doc: "Appends a chunk to the image the helper holds." },
    scan: { request: "scan", reply: "scanned", timeoutMs: 5000, doc: "Checks the image; its sections arrive first, as notifications." },
    extract: { request: "extract", reply: "extracted", timeoutMs: 2000, doc: "Fetches a piece of a checked section." },
  },
});
