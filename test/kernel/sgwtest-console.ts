/**
 * Reading what init.sh's sgwtest phase prints: the driver's counters before and after each step
 * ("SGWTEST stats <step>-before: calls=1 replies=1 ...", written to /dev/kmsg so that each is one
 * printk record, which the console never splices into another line), and the console of one
 * step, from its "SGWTEST step <step>" line to the next step's, where the runtime's and the
 * driver's kernel lines about it are (the runtime prints some from its threads and works, a
 * little after the shell's command that caused them returned, but before the next step began:
 * each step starts by waiting for a fresh helper).
 */
import type { ConsoleChecks } from "./kernel-run.js";

/** The counters of the driver's stats file (struct sgwire_helper_stats, and events). */
export type SgwStats = Readonly<Record<string, number>>;

/** Every "SGWTEST stats <label>: k=v ..." line of the console, by label; a label seen twice fails. */
export function sgwStats(c: ConsoleChecks): ReadonlyMap<string, SgwStats> {
  const all = new Map<string, SgwStats>();
  for (const m of c.log.matchAll(/^\[\s*\d+\.\d+\] SGWTEST stats (\S+): (.*)$/gm)) {
    const label = m[1] ?? "";
    if (all.has(label)) c.fail(`two SGWTEST stats lines labelled ${label}`);
    const counters: Record<string, number> = {};
    for (const kv of (m[2] ?? "").trim().split(/\s+/)) {
      const [k, v] = kv.split("=");
      if (k === undefined || v === undefined || !/^\d+$/.test(v)) c.fail(`SGWTEST stats ${label}: bad counter "${kv}"`);
      counters[k] = Number(v);
    }
    all.set(label, counters);
  }
  return all;
}

/** How each counter changed over a step: after minus before; fails if either line is missing. */
export function stepDelta(c: ConsoleChecks, stats: ReadonlyMap<string, SgwStats>, step: string): SgwStats {
  const before = stats.get(`${step}-before`);
  const after = stats.get(`${step}-after`);
  if (!before || !after) c.fail(`step ${step}: no SGWTEST stats ${step}-before and ${step}-after lines`);
  const delta: Record<string, number> = {};
  for (const k of Object.keys(after)) delta[k] = (after[k] ?? 0) - (before[k] ?? 0);
  return delta;
}

/** The console of one step: from its "SGWTEST step" line to the next one's, or to the end. */
export function stepText(c: ConsoleChecks, step: string): string {
  const start = c.log.indexOf(`\nSGWTEST step ${step}\n`);
  if (start < 0) c.fail(`no SGWTEST step ${step} line`);
  const next = c.log.indexOf("\nSGWTEST step ", start + 1);
  return c.log.slice(start, next < 0 ? undefined : next);
}

/** The first match of re (multiline) in a step's console; fails with the step named if none. */
export function inStep(c: ConsoleChecks, step: string, re: RegExp): RegExpExecArray {
  const m = new RegExp(re.source, re.flags.includes("m") ? re.flags : `${re.flags}m`).exec(stepText(c, step));
  if (!m) c.fail(`step ${step}: no console line matches ${re}`);
  return m;
}

/** A kernel line of the console: its printk stamp, then text matching re's source. */
export function kline(re: RegExp | string): RegExp {
  return new RegExp(`^\\[[ \\d.]+\\] ${typeof re === "string" ? re : re.source}`, "m");
}
