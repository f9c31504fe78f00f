/**
 * Name rules shared by every spec kind: a declared name must be a Go identifier and not a keyword.
 */
import type { DiagnosticSink, SourcePos } from "../../core/diagnostics.js";
import { isGoIdentifier, isGoKeyword } from "../../core/go-names.js";

/**
 * Reports a name Go cannot use. A local (parameter or result) may not start with `_`, which the
 * generated code keeps for its own variables.
 */
export function checkGoName(name: string, what: string, pos: SourcePos, sink: DiagnosticSink, opts: { local?: boolean; exported?: boolean } = {}): void {
  if (!isGoIdentifier(name)) return sink.error(pos, `${what} name \`${name}\` is not a Go identifier`);
  if (isGoKeyword(name)) return sink.error(pos, `${what} name \`${name}\` is a Go keyword`);
  if (opts.local && name.startsWith("_")) return sink.error(pos, `${what} name \`${name}\` must not start with \`_\`: the generated code uses those names`);
  if (opts.exported && !/^[A-Z]/.test(name)) sink.error(pos, `${what} name \`${name}\` must start with an upper-case letter to be exported`);
}
