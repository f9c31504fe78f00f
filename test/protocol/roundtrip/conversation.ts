/**
 * The conversation the C peer and the Go helper hold: every golden vector of a message that may
 * travel to the helper, sent by the peer, then every golden vector of a message that may travel to
 * the kernel, sent by the helper, each with a sequence number of its own.
 */
import type { ProtocolIR, WireMessageIR } from "../../../generator/protocol/ir.js";
import { demoIR } from "../go/demo-ir.js";
import { demoVectors } from "../go/demo-vectors.js";
import type { Vector } from "../go/vector-encoder.js";

/** One frame of the conversation. */
export interface Frame {
  /** How reports name it: the message and the vector's index in the golden list. */
  name: string;
  message: WireMessageIR;
  /** Its sequence number in this conversation, not the vector's: see {@link conversationSeq}. */
  seq: number;
  vector: Vector;
}

/** Both halves of the conversation, in the order they are sent. */
export interface Conversation {
  ir: ProtocolIR;
  toHelper: Frame[];
  toKernel: Frame[];
}

/**
 * The seq of the k-th frame (from 1): the golden vectors reuse small seqs across messages, and
 * distinct ones let a dropped, repeated or reordered frame show as a seq mismatch. Multiplying by an
 * odd constant is a bijection mod 2^32, so they never repeat nor are 0 (which Conn.Log sends, and
 * the peer reads as the helper's own voice), and they fill all four bytes, so a byte-order slip
 * cannot keep one intact.
 */
export function conversationSeq(k: number): number {
  return Math.imul(k, 0x9e3779b1) >>> 0;
}

/** The demo conversation, from the Go side's golden vectors. */
export function demoConversation(): Conversation {
  const ir = demoIR();
  const vectors = demoVectors(ir);
  const frames = vectors.map((vector, i) => {
    const message = ir.messages.find((m) => m.name === vector.message);
    if (!message) throw new Error(`vector ${i} is of unknown message ${vector.message}`);
    return { name: `${vector.message} vector ${i}`, message, seq: 0, vector };
  });
  const toHelper = frames.filter((f) => f.message.direction !== "to-kernel");
  const toKernel = frames.filter((f) => f.message.direction !== "to-helper");
  // Copies: a message sent both ways appears in both halves with two seqs.
  const numbered = [...toHelper, ...toKernel].map((f, i) => ({ ...f, seq: conversationSeq(i + 1) }));
  return { ir, toHelper: numbered.slice(0, toHelper.length), toKernel: numbered.slice(toHelper.length) };
}

/** The messages of `ir` whose frames appear in `frames`, each once, in type order. */
export function messagesIn(ir: ProtocolIR, frames: Frame[]): WireMessageIR[] {
  return ir.messages.filter((m) => frames.some((f) => f.message.name === m.name));
}
