/**
 * ts-morph, loaded with require. It is a CommonJS package; importing it from an ES module makes
 * Node scan its source for export names first, which costs more than a tenth of a second per run.
 */
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";

const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;

/** ts-morph's runtime values. */
export const { Node, Project, SyntaxKind, ts } = tsMorph;
