/**
 * The protocol domain's resolve stage: each validated spec laid out once, its frames checked
 * against the size limits and its generated names against each other, every problem reported
 * at the declaration that causes it.
 */
import type { DiagnosticSink } from "../../core/diagnostics.js";
import { keyPosOf } from "../../core/literal.js";
import type { ProtocolIR } from "../ir.js";
import type { ProtocolSpec } from "../spec/language.js";
import { frameHeaderSize, logMessage, maxFrameSize } from "../spec/wire-format.js";
import { layoutProtocol } from "./layout.js";
import { checkProtocolNames } from "./name-clashes.js";

/** Lays out each spec, reporting frames that are too large and names that clash. */
export function resolveProtocols(specs: ProtocolSpec[], sink: DiagnosticSink): ProtocolIR[] {
  return specs.map((spec) => {
    const ir = layoutProtocol(spec);
    checkFrameSizes(spec, ir, sink);
    checkProtocolNames(spec, ir, sink);
    return ir;
  });
}

function checkFrameSizes(spec: ProtocolSpec, ir: ProtocolIR, sink: DiagnosticSink): void {
  for (const message of ir.messages) {
    const frame = frameHeaderSize + message.size;
    if (message.id === logMessage.id) continue;
    const at = keyPosOf(spec.messages, message.name);
    if (frame > maxFrameSize) {
      sink.error(at, `message \`${message.name}\` needs a ${frame}-byte frame; a frame must fit PIPE_BUF (${maxFrameSize}) so one write of it is atomic`);
    }
  }
}
