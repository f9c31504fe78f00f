/**
 * Golden tests of the Go protocol printer, in the style of Go's stringer golden test: a tiny
 * protocol IR written by hand (one enum, one struct with a string and a blob, one message with a
 * bool, a signed integer and pads, beside the log message every protocol has), and for each
 * printer function the Go it must print, written by hand from the wire rules and sgwire's API,
 * not copied from the printer's output. The whole-package checks (gofmt, go vet, the Go tests)
 * are elsewhere; these pin down one declaration at a time.
 */
import { describe, expect, test } from "vitest";
import type { ProtocolIR, WireMessageIR, WireStructIR } from "../../../generator/protocol/ir.js";
import { fieldStatements } from "../../../generator/protocol/print-go/go-codec.js";
import { goProtocolPrinter } from "../../../generator/protocol/print-go/go-emit.js";
import { goProtocolNames } from "../../../generator/protocol/resolve/go-names.js";
import { layoutProtocol } from "../../../generator/protocol/resolve/layout.js";
import { defineProtocol } from "../../../generator/protocol/spec/language.js";
import { logLevelEnum, logMessage } from "../../../generator/protocol/spec/wire-format.js";
import { logMessageIR as log } from "../log-message-ir.js";

/** label: a string of at most 5 bytes (6 on the wire) at 0, bytes of at most 4 (a u16 and 4) at 6. */
const label: WireStructIR = {
  name: "label",
  doc: "A label.",
  size: 12,
  align: 2,
  fields: [
    { name: "name", type: { kind: "string", max: 5 }, offset: 0, size: 6 },
    { name: "data", type: { kind: "bytes", max: 4 }, offset: 6, size: 6 },
  ],
  pads: [],
};

/** paint: color u8 at 0, on at 1, a 2-byte pad, total s32 at 4, label at 8, a pad to 24. */
const paint: WireMessageIR = {
  name: "paint",
  doc: "Paints a label.",
  id: 7,
  direction: "to-helper",
  size: 24,
  align: 4,
  fields: [
    { name: "color", type: { kind: "enum", name: "color", size: 1 }, offset: 0, size: 1 },
    { name: "on", type: { kind: "bool" }, offset: 1, size: 1 },
    { name: "total", type: { kind: "int", size: 4, signed: true }, offset: 4, size: 4 },
    { name: "label", type: { kind: "struct", name: "label" }, offset: 8, size: 12 },
  ],
  pads: [
    { offset: 2, size: 2 },
    { offset: 20, size: 4 },
  ],
};

const tiny: ProtocolIR = {
  name: "tiny",
  doc: "",
  version: 2,
  magic: 0x54494e59,
  enums: [
    { name: logLevelEnum, doc: "", size: 1, values: logMessage.levels.map((name, value) => ({ name, value })) },
    { name: "color", doc: "A color.", size: 1, values: [{ name: "red", value: 1 }, { name: "blue", value: 2 }] },
  ],
  structs: [label],
  messages: [log, paint],
  maxPayload: 248,
  calls: [],
  notifications: { toKernel: [], toHelper: ["paint"] },
  liveness: { intervalMs: 1000, timeoutMs: 5000 },
};

/** Go source as the tests write it: indented with the test, tabs as two spaces; printed with tabs. */
function go(text: string): string {
  const lines = text.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent).replace(/^((?:  )*)/, (s) => "\t".repeat(s.length / 2))).join("\n");
}

describe("the hand-written IR", () => {
  test("is what layout makes of its spec (the printer's input is a real one)", () => {
    const laid = layoutProtocol(
      defineProtocol({
        name: "tiny",
        version: 2,
        magic: 0x54494e59,
        enums: { color: { doc: "A color.", width: "u8", values: { red: 1, blue: 2 } } },
        structs: { label: { doc: "A label.", fields: { name: { string: 5 }, data: { bytes: 4 } } } },
        messages: { paint: { id: 7, direction: "to-helper", doc: "Paints a label.", fields: { color: "color", on: "bool", total: "s32", label: "label" } } },
      }),
    );
    expect(laid.structs).toEqual(tiny.structs);
    expect(laid.messages).toEqual(tiny.messages);
    expect(laid.enums.find((e) => e.name === "color")).toEqual(tiny.enums[1]);
    expect(laid.maxPayload).toBe(tiny.maxPayload);
    expect([laid.calls, laid.notifications, laid.liveness]).toEqual([tiny.calls, tiny.notifications, tiny.liveness]);
  });
});

describe("goProtocolPrinter(tiny)", () => {
  const p = goProtocolPrinter(tiny);

  test("an enum: its type, its values, and Valid", () => {
    expect(p.enumType("Color")).toBe(go(`
      // Color is the enum color, a uint8 on the wire. A color.
      type Color uint8

      // The values of Color.
      const (
        ColorRed  Color = 1
        ColorBlue Color = 2
      )

      // Valid reports whether e is one of the values of Color: a frame holding another is malformed.
      func (e Color) Valid() bool {
        switch e {
        case ColorRed, ColorBlue:
          return true
        }
        return false
      }
    `));
  });

  test("a struct type: a string and a blob, each a type of its bound", () => {
    expect(p.structType("Label")).toBe(go(`
      // Label is the struct label, 12 bytes on the wire. A label.
      type Label struct {
        Name String5
        Data Bytes4
      }
    `));
  });

  test("a message's payload type", () => {
    expect(p.structType("Paint")).toBe(go(`
      // Paint is the payload of the message paint (type 7, driver to helper, a 24-byte payload). Paints a
      // label.
      type Paint struct {
        Color Color
        On    bool
        Total int32
        Label Label
      }
    `));
  });

  test("a string type's methods go through sgwire", () => {
    expect(p.textType("String5")).toBe(go(`
      // String5 holds a string field of at most 5 bytes in place, NUL included, so a message
      // carries its text without a pointer and decoding it copies instead of allocating.
      type String5 [6]byte

      // Set stores s, cut at 5 bytes or at a NUL in it, and reports whether all of s was stored.
      func (t *String5) Set(s string) bool { return sgwire.SetText(t[:], s) }

      // Bytes returns the text up to its NUL: a view of t, not a copy.
      func (t *String5) Bytes() []byte { return sgwire.TextBytes(t[:]) }

      // String returns a copy of the text; unlike Bytes it allocates.
      func (t String5) String() string { return string(sgwire.TextBytes(t[:])) }
    `));
  });

  test("encode of a struct: a string and a blob, each refused when it breaks its rule", () => {
    expect(p.encodeMethod("Label")).toBe(go(`
      // encode writes m into b, exactly 12 bytes with zero pads; false if m breaks a wire rule.
      func (m *Label) encode(b []byte) bool {
        if !sgwire.EncodeText(b[0:6], m.Name[:]) {
          return false
        }
        if !sgwire.EncodeBlob(b[6:12], m.Data.Len, m.Data.Data[:]) {
          return false
        }
        return true
      }
    `));
  });

  test("decode of a struct", () => {
    expect(p.decodeMethod("Label")).toBe(go(`
      // decode reads b, exactly 12 bytes, into m; false if b breaks a wire rule.
      func (m *Label) decode(b []byte) bool {
        if !sgwire.DecodeText(m.Name[:], b[0:6]) {
          return false
        }
        if !sgwire.DecodeBlob(&m.Data.Len, m.Data.Data[:], b[6:12]) {
          return false
        }
        return true
      }
    `));
  });

  test("encode of a message: enum checked, bool, pads zeroed, signed int as unsigned, nested struct", () => {
    expect(p.encodeMethod("Paint")).toBe(go(`
      // encode writes m into b, exactly 24 bytes with zero pads; false if m breaks a wire rule.
      func (m *Paint) encode(b []byte) bool {
        if !m.Color.Valid() {
          return false
        }
        sgwire.PutUint8(b[0:], uint8(m.Color))
        b[1] = sgwire.BoolByte(m.On)
        sgwire.Zero(b[2:4])
        sgwire.PutUint32(b[4:], uint32(m.Total))
        if !m.Label.encode(b[8:20]) {
          return false
        }
        sgwire.Zero(b[20:24])
        return true
      }
    `));
  });

  test("decode of a message: every rule checked in offset order", () => {
    expect(p.decodeMethod("Paint")).toBe(go(`
      // decode reads b, exactly 24 bytes, into m; false if b breaks a wire rule.
      func (m *Paint) decode(b []byte) bool {
        if m.Color = Color(sgwire.Uint8(b[0:])); !m.Color.Valid() {
          return false
        }
        if !sgwire.DecodeBool(&m.On, b[1]) {
          return false
        }
        if !sgwire.IsZero(b[2:4]) {
          return false
        }
        m.Total = int32(sgwire.Uint32(b[4:]))
        if !m.Label.decode(b[8:20]) {
          return false
        }
        if !sgwire.IsZero(b[20:24]) {
          return false
        }
        return true
      }
    `));
  });

  test("a message's sender on the Conn", () => {
    expect(p.conn()).toContain(go(`
      // SendPaint sends m as one frame with sequence number seq, in one write unless the pipe takes it in
      // pieces. EINVAL if this side may not send a Paint, or as EncodeFrame.
      func (c *Conn) SendPaint(seq uint32, m *Paint) error {
        return c.conn.Send(m.EncodeFrame(c.conn.SendBuffer(), seq))
      }
    `));
  });
});

/** The call glue's protocol: ask (n u32) answered by answer (ok), and note sent both ways. */
const chat: ProtocolIR = {
  name: "chat",
  doc: "",
  version: 1,
  magic: 0x43484154,
  enums: [tiny.enums[0]!],
  structs: [],
  messages: [
    log,
    { name: "ask", doc: "", id: 1, direction: "to-helper", size: 8, align: 4, fields: [{ name: "n", type: { kind: "int", size: 4, signed: false }, offset: 0, size: 4 }], pads: [{ offset: 4, size: 4 }] },
    { name: "answer", doc: "", id: 2, direction: "to-kernel", size: 8, align: 1, fields: [{ name: "ok", type: { kind: "bool" }, offset: 0, size: 1 }], pads: [{ offset: 1, size: 7 }] },
    { name: "note", doc: "", id: 3, direction: "both", size: 0, align: 1, fields: [], pads: [] },
  ],
  maxPayload: 248,
  calls: [{ name: "check", doc: "Checks n.", request: "ask", reply: "answer", timeoutMs: 500 }],
  notifications: { toKernel: ["note"], toHelper: ["note"] },
  liveness: { intervalMs: 250, timeoutMs: 1500 },
};

describe("goProtocolPrinter(chat): the call glue", () => {
  const p = goProtocolPrinter(chat);

  test("Handlers: a method per call and per notification to the helper, then Tick; Serve wraps sgwire's", () => {
    expect(p.handlers()).toBe(go(`
      // Handlers is what the helper does with what the driver sends: one method per call, which fills
      // the reply Serve then sends, one per notification to the helper, and Tick. Serve calls them one
      // at a time on its goroutine, each message decoded into memory Serve reuses (valid until the
      // method returns), so handling a frame allocates nothing. A method that runs longer than the
      // driver's liveness timeout (1500 ms) gets the helper restarted.
      type Handlers interface {
        // Check answers the call check: it fills reply, which is sent when it returns. Checks n.
        Check(req *Ask, reply *Answer)
        // Note handles each note message the driver sends.
        Note(msg *Note)
        // Tick is called every ServeOptions.TickMs milliseconds (never when 0), between frames.
        Tick()
      }

      // ServeOptions are Serve's: the helper's name and the features it offers, in its hello, and the
      // Tick period.
      type ServeOptions = sgwire.ServeOptions

      // Serve runs the helper's side of the protocol on c: it sends hello, waits for the driver's
      // welcome, then answers the driver's pings and gives each call and notification to its method of
      // h, and calls h.Tick when due. It returns nil when the driver closes the pipe, and an error when
      // the stream is lost; a malformed frame whose header was sound is skipped and reported to the
      // driver in a log line.
      func Serve(c *Conn, h Handlers, opts ServeOptions) error {
        return sgwire.Serve(&c.conn, &dispatcher{h: h}, opts)
      }
    `));
  });

  test("the dispatcher: decode into the reused Msg, call the handler, encode a zeroed reply it filled", () => {
    expect(p.dispatcher()).toBe(go(`
      // dispatcher is the sgwire.Dispatcher of Serve: it decodes each frame into m, which it reuses,
      // calls its method of h, and encodes a call's reply.
      type dispatcher struct {
        h Handlers
        m Msg
      }

      // Handle decodes the payload of a frame of type t, calls its method, and for a call encodes the
      // reply into reply and returns its type and size. ErrBadMsg for a payload the decoder refuses or
      // a type that is no call's request nor a notification to the helper; ErrInval for a reply that
      // breaks a rule of the wire, which is not sent.
      func (d *dispatcher) Handle(t uint16, payload []byte, reply []byte) (uint16, int, error) {
        switch MsgType(t) {
        case MsgAsk:
          if !d.m.Ask.decode(payload) {
            return 0, 0, sgwire.ErrBadMsg
          }
          d.m.Answer = Answer{}
          d.h.Check(&d.m.Ask, &d.m.Answer)
          if !d.m.Answer.encode(reply[:AnswerSize]) {
            return 0, 0, sgwire.ErrInval
          }
          return uint16(MsgAnswer), AnswerSize, nil
        case MsgNote:
          if !d.m.Note.decode(payload) {
            return 0, 0, sgwire.ErrBadMsg
          }
          d.h.Note(&d.m.Note)
          return 0, 0, nil
        }
        return 0, 0, sgwire.ErrBadMsg
      }

      // Tick calls h's Tick.
      func (d *dispatcher) Tick() { d.h.Tick() }
    `));
  });

  test("the Conn gives the handshake's features and Stop of Serve", () => {
    expect(p.conn()).toContain(go(`
      // Features returns the feature bits the handshake of Serve agreed: those of the driver's welcome
      // that the helper offered in ServeOptions.Features; 0 before the welcome.
      func (c *Conn) Features() uint64 { return c.conn.Features() }

      // Stop asks Serve to end on purpose: once the handler or Tick that called it returns, Serve sends
      // bye with reason (0: asked to stop, or one of the helper's own) and returns nil, and the driver
      // does not start the helper again until it is told to. It is for Serve's goroutine: its handlers,
      // Tick, or the code that calls Serve.
      func (c *Conn) Stop(reason uint32) { c.conn.Stop(reason) }
    `));
  });
});

describe("fieldStatements", () => {
  const names = goProtocolNames(tiny);
  const grid = { kind: "array", length: 2, elementSize: 6, element: { kind: "array", length: 3, elementSize: 2, element: { kind: "int", size: 2, signed: true } } } as const;

  test("an array of arrays: a loop per level, each element at its offset", () => {
    expect(fieldStatements("decode", grid, { at: "8", size: 12, value: "m.Grid", depth: 0 }, names).join("\n")).toBe(go(`
      for i := range m.Grid {
        for j := range m.Grid[i] {
          m.Grid[i][j] = int16(sgwire.Uint16(b[8+i*6+j*2:]))
        }
      }
    `));
  });

  test("an array of u8 is its own wire image: one copy", () => {
    const bytes = { kind: "array", length: 3, elementSize: 1, element: { kind: "int", size: 1, signed: false } } as const;
    expect(fieldStatements("encode", bytes, { at: "5", size: 3, value: "m.Load", depth: 0 }, names)).toEqual(["copy(b[5:8], m.Load[:])"]);
    expect(fieldStatements("decode", bytes, { at: "5", size: 3, value: "m.Load", depth: 0 }, names)).toEqual(["copy(m.Load[:], b[5:8])"]);
  });

  test("a struct in an array: its bytes the call's only argument, spaced as gofmt spaces them", () => {
    const labels = { kind: "array", length: 2, elementSize: 12, element: { kind: "struct", name: "label" } } as const;
    expect(fieldStatements("encode", labels, { at: "0", size: 24, value: "m.Labels", depth: 0 }, names).join("\n")).toBe(go(`
      for i := range m.Labels {
        if !m.Labels[i].encode(b[i*12 : i*12+12]) {
          return false
        }
      }
    `));
  });
});
