/**
 * Prints a wrapper's system calls. One call is one statement; several (a call guarded by a
 * parameter's value, a newer entry that falls back on ENOSYS) become nested ifs over shared
 * return-value and errno variables. Which calls exist and when each is made was decided by
 * resolve. Statements are indented relative to the function body.
 */
import type { CallIR, MissingIR, WordIR, WrapperIR } from "../ir.js";
import { goLocalName } from "../../core/go-names.js";
import { goLocals } from "./go-locals.js";
import { goWord } from "./go-words.js";

const { r0, e1 } = goLocals;

/** What the statements assign the syscall's results to (`_` for one nothing reads). */
interface Targets {
  r0: string;
  e1: string;
}

/** The statements that make the calls and leave their results in the return-value and errno variables. */
export function goCallLines(w: WrapperIR, usesR0: boolean): string[] {
  if (w.calls.length === 1) {
    const assign = usesR0 || w.hasError ? `${usesR0 ? r0 : "_"}, _, ${w.hasError ? e1 : "_"} := ` : "";
    return callStatement(w, w.calls[0]!, assign, 0);
  }
  // ENOSYS checks read the errno even in a wrapper that returns no error.
  const readsE1 = w.hasError || w.calls.some((c) => c.newer);
  const targets: Targets = { r0: usesR0 ? r0 : "_", e1: readsE1 ? e1 : "_" };
  const declared = [...(usesR0 ? [`var ${r0} uintptr`] : []), ...(readsE1 ? [`var ${e1} syscall.Errno`] : [])];
  return [...declared, ...chainLines(w, w.calls, targets, 0)];
}

/** The calls from `calls[0]` on: a guarded call's else branch goes on to the rest. */
function chainLines(w: WrapperIR, calls: CallIR[], targets: Targets, depth: number): string[] {
  const [call, ...rest] = calls;
  if (!call) return [];
  const tabs = "\t".repeat(depth);
  if (call.guards.length === 0) return attemptLines(w, call, rest, targets, depth);
  const condition = call.guards.map((g) => `${goLocalName(g.param)} == ${g.value}`).join(" && ");
  return [`${tabs}if ${condition} {`, ...attemptLines(w, call, rest, targets, depth + 1), `${tabs}} else {`, ...chainLines(w, rest, targets, depth + 1), `${tabs}}`];
}

/** One call and what follows an ENOSYS from a newer entry. */
function attemptLines(w: WrapperIR, call: CallIR, rest: CallIR[], targets: Targets, depth: number): string[] {
  const tabs = "\t".repeat(depth);
  const lines = callStatement(w, call, `${targets.r0}, _, ${targets.e1} = `, depth);
  if (!call.newer) return lines;
  return [...lines, `${tabs}if ${e1} == syscall.ENOSYS {`, ...missingLines(w, call.newer.missing, rest, targets, depth + 1), `${tabs}}`];
}

/** What a wrapper does when a newer entry is missing: report an errno, or make the next call. */
function missingLines(w: WrapperIR, missing: MissingIR, rest: CallIR[], targets: Targets, depth: number): string[] {
  switch (missing.kind) {
    case "errno":
      return [`${"\t".repeat(depth)}${e1} = ${missing.errno}`];
    case "next":
      return chainLines(w, rest, targets, depth);
  }
}

function callStatement(w: WrapperIR, call: CallIR, assign: string, depth: number): string[] {
  const tabs = "\t".repeat(depth);
  const word = (x: WordIR) => goWord(x, w.prepare);
  const block = call.block ? [`${tabs}${goLocals.block} := [${call.block.length}]uintptr{${call.block.map(word).join(", ")}}`] : [];
  return [...block, `${tabs}${assign}syscall.${call.entry.func}(${[call.sysnum, ...call.words.map(word)].join(", ")})`];
}

/**
 * A doc sentence for a wrapper whose calls depend on the kernel or on a parameter, so the
 * minimum kernel and the fallback are in `go doc`; empty for a wrapper with one plain call.
 */
export function kernelNote(w: WrapperIR): string {
  if (!w.calls.some((c) => c.newer)) return "";
  const phrases = w.calls.map((call, i) => {
    const previous = w.calls[i - 1];
    const lead = !previous ? "It calls " : previous.guards.length === 0 && previous.newer?.missing.kind === "next" ? ", or on older kernels " : ", otherwise ";
    const since = call.newer ? ` (Linux ${call.newer.since} and later${missingNote(call.newer.missing)})` : "";
    const when = call.guards.length > 0 ? ` when ${call.guards.map((g) => `${g.param} is ${g.value}`).join(" and ")}` : "";
    return `${lead}${call.kernelName}${since}${when}`;
  });
  return `${phrases.join("")}.`;
}

/** What the kernel note adds about a kernel without a newer entry. */
function missingNote(missing: MissingIR): string {
  switch (missing.kind) {
    case "errno":
      return `; ${missing.errno} on older kernels`;
    case "next":
      return "";
  }
}
