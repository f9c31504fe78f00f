/**
 * Reads a spec's object literal from the syntax tree into plain data, remembering where each value
 * came from. Reading the tree instead of running the file keeps specs declarative and lets every
 * later error point at the exact property that caused it.
 */
import type { Node as TsNode } from "ts-morph";
import { Node, SyntaxKind } from "./ts-morph-runtime.js";
import type { DiagnosticSink, SourcePos } from "./diagnostics.js";

/** A value a spec can hold. */
export type Literal = string | number | bigint | boolean | Literal[] | { [key: string]: Literal };

/**
 * A position kept as an offset until an error needs it: most values never appear in an error,
 * and turning ten thousand offsets into lines up front costs more than the rest of the read.
 */
interface LazyPos {
  node: TsNode;
  file: string;
}

interface Positions {
  self: LazyPos;
  /** Position of each property's value (or each array item, by index). */
  members: Map<string, LazyPos>;
  /** Position of each property's name. */
  keys: Map<string, LazyPos>;
}

const positions = new WeakMap<object, Positions>();

/** Whether a value was read from a spec file (and so has positions), not built in code. */
export function isFromSpec(value: object): boolean {
  return positions.has(value);
}

/** Where an object or array literal starts, or where one of its members' values is. */
export function posOf(container: object, member?: string | number): SourcePos {
  const p = positions.get(container);
  if (!p) throw new Error("posOf: value was not read from a spec");
  const lazy = member === undefined ? p.self : (p.members.get(String(member)) ?? p.self);
  return nodePos(lazy.node, lazy.file);
}

/** Where the name of a property is written (for errors about the name itself). */
export function keyPosOf(container: object, key: string): SourcePos {
  const p = positions.get(container);
  if (!p) throw new Error("keyPosOf: value was not read from a spec");
  const lazy = p.keys.get(key) ?? p.self;
  return nodePos(lazy.node, lazy.file);
}

/** The position of a node in the form errors use. */
export function nodePos(node: TsNode, file: string): SourcePos {
  const { line, column } = node.getSourceFile().getLineAndColumnAtPos(node.getStart());
  return { file, line, column };
}

/** Reads `node` as a literal; reports anything computed and returns undefined for it. */
export function readLiteral(node: TsNode, file: string, sink: DiagnosticSink): Literal | undefined {
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node)) {
    return readLiteral(node.getExpression(), file, sink);
  }
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isNumericLiteral(node)) return readNumber(node.getText());
  if (Node.isBigIntLiteral(node)) return BigInt(node.getText().slice(0, -1).replace(/_/g, ""));
  if (node.getKind() === SyntaxKind.TrueKeyword) return true;
  if (node.getKind() === SyntaxKind.FalseKeyword) return false;
  if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.MinusToken) {
    const operand = readLiteral(node.getOperand(), file, sink);
    if (typeof operand === "number" || typeof operand === "bigint") return -operand;
  }
  if (Node.isArrayLiteralExpression(node)) return readArray(node.getElements(), node, file, sink);
  if (Node.isObjectLiteralExpression(node)) return readObject(node, file, sink);
  sink.error(nodePos(node, file), `a spec value must be a literal, not \`${shorten(node.getText())}\`: specs declare data, they do not compute it`);
  return undefined;
}

function readNumber(text: string): number | bigint {
  const clean = text.replace(/_/g, "");
  const n = Number(clean);
  return Number.isSafeInteger(n) || !/^(0[xob])?[0-9a-f]+$/i.test(clean) ? n : BigInt(clean);
}

function readArray(elements: TsNode[], node: TsNode, file: string, sink: DiagnosticSink): Literal[] {
  const out: Literal[] = [];
  const members = new Map<string, LazyPos>();
  for (const element of elements) {
    const value = readLiteral(element, file, sink);
    if (value === undefined) continue;
    members.set(String(out.length), { node: element, file });
    out.push(value);
  }
  positions.set(out, { self: { node, file }, members, keys: members });
  return out;
}

function readObject(node: TsNode, file: string, sink: DiagnosticSink): { [key: string]: Literal } {
  const out: { [key: string]: Literal } = {};
  const members = new Map<string, LazyPos>();
  const keys = new Map<string, LazyPos>();
  for (const property of node.asKindOrThrow(SyntaxKind.ObjectLiteralExpression).getProperties()) {
    if (!Node.isPropertyAssignment(property)) {
      sink.error(nodePos(property, file), `only \`name: value\` properties are allowed in a spec, not \`${shorten(property.getText())}\``);
      continue;
    }
    const nameNode = property.getNameNode();
    if (Node.isComputedPropertyName(nameNode)) {
      sink.error(nodePos(nameNode, file), "a computed property name is not allowed in a spec");
      continue;
    }
    const key = Node.isStringLiteral(nameNode) || Node.isNumericLiteral(nameNode) ? String(nameNode.getLiteralValue()) : nameNode.getText();
    const initializer = property.getInitializerOrThrow();
    const value = readLiteral(initializer, file, sink);
    if (value === undefined) continue;
    out[key] = value;
    members.set(key, { node: initializer, file });
    keys.set(key, { node: nameNode, file });
  }
  positions.set(out, { self: { node, file }, members, keys });
  return out;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > 40 ? `${line.slice(0, 37)}...` : line;
}
