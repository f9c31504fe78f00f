/**
 * Checks syscall specs beyond what TypeScript's types can say: names, references between
 * parameters, results and kernel arguments, and that every kernel entry exists somewhere.
 */
import type { DiagnosticSink } from "../../core/diagnostics.js";
import { keyPosOf, posOf } from "../../core/literal.js";
import { argForms, parseKernelArg, type ArgForm } from "../spec/kernel-arg.js";
import { isKernelRelease } from "../spec/kernel-release.js";
import { isPointerType, parseParamType, type ParsedParamType } from "../spec/param-type.js";
import type { SyscallInput } from "../spec/spec-set.js";
import { callChain, chainGap, resultSpec, variantsOf } from "../spec/variants.js";
import type { ArchSpec } from "../spec/arch.js";
import { goIntegers, type SyscallSpec, type SyscallVariant } from "../spec/syscall.js";
import { isOneOf } from "../spec/one-of.js";
import { checkGoName } from "./names.js";

const isInteger = (goType: string) => isOneOf(goIntegers, goType);

/** The parameter types a kernel argument form applies to. */
const formApplies: Record<ArgForm, (type: ParsedParamType, structs: Set<string>) => boolean> = {
  hi: (t) => t.goType === "int64" || t.goType === "uint64",
  lo: (t) => t.goType === "int64" || t.goType === "uint64",
  ptr: (t) => t.goType.startsWith("[]"),
  len: (t) => t.goType.startsWith("[]"),
  pages: (t) => t.goType === "int64",
  time64: (t) => t.goType === "*Timespec",
  pair: (t) => t.goType === "[]int",
  size: (t, structs) => t.goType.startsWith("*") && structs.has(t.goType.slice(1)),
  statx: (t, structs) => t.goType === "*Stat_t" && structs.has("Statx_t") && structs.has("Timespec"),
  mapping: (t) => t.goType === "[]byte",
};

/** Reports every problem in the syscall specs. `namedTypes` are the types a pointer may point to. */
export function validateSyscalls(inputs: SyscallInput[], arches: ArchSpec[], namedTypes: Set<string>, structs: Set<string>, constants: Set<string>, sink: DiagnosticSink): void {
  const seen = new Map<string, SyscallInput>();
  for (const input of inputs) {
    const earlier = seen.get(input.goName);
    if (earlier) sink.error(input.pos, `duplicate syscall wrapper \`${input.goName}\` (first declared at ${earlier.pos.file}:${earlier.pos.line})`);
    seen.set(input.goName, input);
    checkGoName(input.goName, "syscall wrapper", input.pos, sink);
    const doc = input.spec.doc;
    if (doc !== undefined && !doc.startsWith(`${input.goName} `)) {
      sink.error(posOf(input.spec, "doc"), `${input.goName}: a doc comment starts with the wrapper's name, as Go doc comments do`);
    }
    validateOne(input.goName, input.spec, arches, { namedTypes, structs, constants }, sink);
    validateChains(input.goName, input.spec, arches, sink);
  }
}

interface KnownNames {
  namedTypes: Set<string>;
  structs: Set<string>;
  constants: Set<string>;
}

function validateOne(goName: string, spec: SyscallSpec, arches: ArchSpec[], known: KnownNames, sink: DiagnosticSink): void {
  const { namedTypes, structs } = known;
  const declared = spec.params ?? {};
  const params: Record<string, ParsedParamType> = Object.fromEntries(Object.entries(declared).map(([name, type]) => [name, parseParamType(type)]));
  for (const [name, { goType: type, direction }] of Object.entries(params)) {
    const at = keyPosOf(declared, name);
    checkGoName(name, "parameter", at, sink, { local: true });
    const pointee = type.replace(/^(\*|\[\])/, "");
    if (type !== pointee && !isInteger(pointee) && !namedTypes.has(pointee) && pointee !== "byte") {
      sink.error(posOf(declared, name), `${goName}: unknown type \`${pointee}\` in \`${type}\`: declare it as a struct`);
    }
    if (isPointerType(type) && direction === undefined) {
      sink.error(posOf(declared, name), `${goName}: \`${name} ${type}\` is a pointer: say whether the kernel reads it, writes it or both ("in ${type}", "out ${type}" or "inout ${type}")`);
    }
  }
  const results = Object.entries(spec.results ?? {}).map(([name, declared]) => [name, resultSpec(declared)] as const);
  for (const [name, result] of results) {
    checkGoName(name, "result", keyPosOf(spec.results!, name), sink, { local: true });
    if (Object.hasOwn(params, name)) sink.error(keyPosOf(spec.results!, name), `${goName}: result \`${name}\` has the name of a parameter`);
    if (name === "err") sink.error(keyPosOf(spec.results!, name), `${goName}: \`err\` is the error result every wrapper has; do not declare it`);
    if (result.type === "[]byte" && (!result.length || !isInteger(params[result.length]?.goType ?? ""))) {
      sink.error(posOf(spec.results!, name), `${goName}: a []byte result needs \`length\`, the name of an integer parameter`);
    }
  }
  const needsError = Object.values(params).some((t) => t.goType === "string" || t.goType === "[]int");
  if (spec.noError && needsError) sink.error(posOf(spec, "noError"), `${goName}: noError is not possible with a string or []int parameter, which can fail before the call`);

  for (const variant of variantsOf(spec)) {
    const variantPos = typeof spec.kernel === "string" ? posOf(spec, "kernel") : posOf(variant);
    const withEntry = arches.filter((a) => Object.hasOwn(a.kernel.syscalls, variant.kernel));
    if (withEntry.length === 0) {
      sink.error(variantPos, `${goName}: unknown syscall \`${variant.kernel}\`: no arch's table has it`);
    } else {
      for (const arch of variant.arches ?? []) {
        if (!withEntry.some((a) => a.goarch === arch)) sink.error(posOf(variant, "arches"), `${goName}: \`${variant.kernel}\` has no number on ${arch}`);
      }
    }
    validateRunTimeChoice(goName, variant, params, arches, sink);
    const args = variant.args ?? Object.keys(params);
    // A parameter the variant is guarded on need not be passed: its value is known when it runs.
    const used = new Set<string>(Object.keys(variant.when ?? {}));
    const fromMemory = new Set<string>();
    args.forEach((arg, i) => {
      const at = variant.args ? posOf(variant.args, i) : variantPos;
      const parsed = parseKernelArg(arg);
      if (parsed.kind === "const" || parsed.kind === "emptyPath") return;
      if (parsed.kind === "result") {
        if (!results.some(([name]) => name === parsed.name)) sink.error(at, `${goName}: \`&${parsed.name}\` names no result`);
        fromMemory.add(parsed.name);
        return;
      }
      const parsedType = params[parsed.name];
      if (parsedType === undefined) return sink.error(at, `${goName}: kernel argument \`${arg}\` names no parameter`);
      const type = parsedType.goType;
      used.add(parsed.name);
      if (parsed.orConstant !== undefined) {
        if (!known.constants.has(parsed.orConstant)) sink.error(at, `${goName}: \`${parsed.orConstant}\` in \`${arg}\` is not a declared constant`);
        if (!isInteger(type)) sink.error(at, `${goName}: \`${arg}\` ORs a constant into \`${parsed.name} ${type}\`, which is not an integer`);
      } else if (parsed.form === undefined) {
        if (type === "[]int") sink.error(at, `${goName}: a []int parameter is passed as \`${parsed.name}:pair\``);
      } else if (!isOneOf(argForms, parsed.form)) {
        sink.error(at, `${goName}: unknown argument form \`:${parsed.form}\` (known: ${argForms.join(", ")})`);
      } else if (!formApplies[parsed.form](parsedType, structs)) {
        sink.error(at, `${goName}: \`:${parsed.form}\` does not apply to \`${parsed.name} ${declared[parsed.name]}\``);
      }
    });
    for (const name of Object.keys(params)) {
      if (!used.has(name)) sink.error(variantPos, `${goName}: parameter \`${name}\` is not passed to \`${variant.kernel}\``);
    }
    const fromReturn = results.filter(([name, r]) => !fromMemory.has(name) && r.type !== "[2]int");
    if (fromReturn.length > 1) sink.error(posOf(spec, "results"), `${goName}: only one result can come from the return value of \`${variant.kernel}\``);
    for (const [name, r] of results) {
      if (r.type === "[2]int" && !fromMemory.has(name)) sink.error(variantPos, `${goName}: the [2]int result \`${name}\` must be passed as \`&${name}\``);
    }
  }
}

/** Checks `since`, `when` and `missing`, the fields that make a choice at run time. */
function validateRunTimeChoice(goName: string, variant: SyscallVariant, params: Record<string, ParsedParamType>, arches: ArchSpec[], sink: DiagnosticSink): void {
  if (variant.since !== undefined && !isKernelRelease(variant.since)) {
    sink.error(posOf(variant, "since"), `${goName}: since "${variant.since}" is not a Linux release such as "6.6"`);
  }
  if (variant.missing !== undefined) {
    if (variant.since === undefined) sink.error(posOf(variant, "missing"), `${goName}: \`missing\` says what a kernel without \`${variant.kernel}\` gives, which needs \`since\``);
    const lacking = arches.filter((a) => !Object.hasOwn(a.kernel.errno, variant.missing!)).map((a) => a.goarch);
    if (lacking.length > 0) sink.error(posOf(variant, "missing"), `${goName}: \`${variant.missing}\` is not an errno name on ${lacking.join(", ")}`);
  }
  for (const [param, value] of Object.entries(variant.when ?? {})) {
    const type = params[param]?.goType;
    if (type === undefined) sink.error(keyPosOf(variant.when!, param), `${goName}: \`when\` names \`${param}\`, which is not a parameter`);
    else if (!isInteger(type)) sink.error(keyPosOf(variant.when!, param), `${goName}: \`when\` compares \`${param} ${type}\`, which is not an integer`);
    if (!Number.isInteger(value)) sink.error(posOf(variant.when!, param), `${goName}: \`when\` needs a whole number for \`${param}\``);
  }
}

/**
 * Every arch must have a call for every parameter value and every supported kernel: each problem
 * is reported once, at the variant, with the arches it shows on.
 */
function validateChains(goName: string, spec: SyscallSpec, arches: ArchSpec[], sink: DiagnosticSink): void {
  const gaps = new Map<SyscallVariant, { kind: string; arches: ArchSpec[] }>();
  for (const arch of arches) {
    const chain = callChain(spec, arch);
    const kind = chainGap(chain, arch);
    if (!kind) continue;
    const last = chain[chain.length - 1]!;
    const gap = gaps.get(last) ?? { kind, arches: [] };
    gap.arches.push(arch);
    gaps.set(last, gap);
  }
  for (const [variant, gap] of gaps) {
    const at = typeof spec.kernel === "string" ? posOf(spec, "kernel") : posOf(variant);
    if (gap.kind === "guarded") {
      const names = gap.arches.map((a) => a.goarch).join(", ");
      sink.error(at, `${goName}: no variant without \`when\` follows \`${variant.kernel}\` on ${names}, so some calls would have no kernel entry to use`);
    } else {
      const byOldest = [...new Set(gap.arches.map((a) => a.oldestKernel))].map((oldest) => `${gap.arches.filter((a) => a.oldestKernel === oldest).map((a) => a.goarch).join(", ")} (${oldest})`);
      sink.error(at, `${goName}: \`${variant.kernel}\` needs Linux ${variant.since}, newer than the oldest supported kernel on ${byOldest.join(" and ")}: add a variant to fall back to, or say what the wrapper returns without it (\`missing: "ENOSYS"\`)`);
    }
  }
}
