/**
 * Prints a wrapper's system calls. One call is one statement; several (a call guarded by a
 * parameter's value, a newer entry that falls back on ENOSYS) become nested ifs over shared
 * `_r0` and `_e1` variables. Which calls exist and when each is made was decided by resolve.
 */
import type { CallIR, WrapperIR } from "../ir.js";
import { goLocalName } from "../../core/go-names.js";
import { goWord } from "./go-words.js";

/** What the statements assign the syscall's results to. */
interface Targets {
  r0: string;
  e1: string;
}

/** The lines (tab-indented) that make the calls and leave their results in `_r0` and `_e1`. */
export function goCallLines(w: WrapperIR, usesR0: boolean): string[] {
  if (w.calls.length === 1) {
    const assign = usesR0 || w.hasError ? `${usesR0 ? "_r0" : "_"}, _, ${w.hasError ? "_e1" : "_"} := ` : "";
    return callStatement(w.calls[0]!, assign, 1);
  }
  // ENOSYS checks read _e1 even in a wrapper that returns no error.
  const readsE1 = w.hasError || w.calls.some((c) => c.newer);
  const targets: Targets = { r0: usesR0 ? "_r0" : "_", e1: readsE1 ? "_e1" : "_" };
  const declared = [...(usesR0 ? ["\tvar _r0 uintptr"] : []), ...(readsE1 ? ["\tvar _e1 syscall.Errno"] : [])];
  return [...declared, ...chainLines(w.calls, targets, 1)];
}

/** The calls from `calls[0]` on: a guarded call's else branch goes on to the rest. */
function chainLines(calls: CallIR[], targets: Targets, depth: number): string[] {
  const [call, ...rest] = calls;
  if (!call) return [];
  const tabs = "\t".repeat(depth);
  if (call.guards.length === 0) return attemptLines(call, rest, targets, depth);
  const condition = call.guards.map((g) => `${goLocalName(g.param)} == ${g.value}`).join(" && ");
  return [`${tabs}if ${condition} {`, ...attemptLines(call, rest, targets, depth + 1), `${tabs}} else {`, ...chainLines(rest, targets, depth + 1), `${tabs}}`];
}

/** One call and what follows an ENOSYS from a newer entry. */
function attemptLines(call: CallIR, rest: CallIR[], targets: Targets, depth: number): string[] {
  const tabs = "\t".repeat(depth);
  const lines = callStatement(call, `${targets.r0}, _, ${targets.e1} = `, depth);
  if (!call.newer) return lines;
  const onMissing = call.newer.missing.kind === "errno" ? [`${tabs}\t_e1 = ${call.newer.missing.errno}`] : chainLines(rest, targets, depth + 1);
  return [...lines, `${tabs}if _e1 == syscall.ENOSYS {`, ...onMissing, `${tabs}}`];
}

function callStatement(call: CallIR, assign: string, depth: number): string[] {
  const tabs = "\t".repeat(depth);
  const block = call.block ? [`${tabs}_block := [${call.block.length}]uintptr{${call.block.map(goWord).join(", ")}}`] : [];
  return [...block, `${tabs}${assign}syscall.${call.entry.func}(${[call.sysnum, ...call.words.map(goWord)].join(", ")})`];
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
    const since = call.newer ? ` (Linux ${call.newer.since} and later${call.newer.missing.kind === "errno" ? `; ${call.newer.missing.errno} on older kernels` : ""})` : "";
    const when = call.guards.length > 0 ? ` when ${call.guards.map((g) => `${g.param} is ${g.value}`).join(" and ")}` : "";
    return `${lead}${call.kernelName}${since}${when}`;
  });
  return `${phrases.join("")}.`;
}
