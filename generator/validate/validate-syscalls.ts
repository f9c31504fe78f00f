/**
 * Checks syscall specs beyond what TypeScript's types can say: names, references between
 * parameters, results and kernel arguments, and that every kernel entry exists somewhere.
 */
import type { DiagnosticSink } from "../load/diagnostics.js";
import { keyPosOf, posOf } from "../load/literal.js";
import { argForms, parseKernelArg, type ArgForm } from "../resolve/arg-words.js";
import { resultSpec, variantsOf, type SyscallInput } from "../resolve/wrapper.js";
import type { ArchSpec } from "../spec/arch.js";
import type { ParamType, SyscallSpec } from "../spec/syscall.js";
import { checkGoName } from "./names.js";

const integerTypes = new Set(["int", "uint", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "uintptr"]);

/** The parameter types a kernel argument form applies to. */
const formApplies: Record<ArgForm, (type: ParamType, structs: Set<string>) => boolean> = {
  hi: (t) => t === "int64" || t === "uint64",
  lo: (t) => t === "int64" || t === "uint64",
  ptr: (t) => t.startsWith("[]"),
  len: (t) => t.startsWith("[]"),
  pages: (t) => t === "int64",
  time64: (t) => t === "*Timespec",
  pair: (t) => t === "[]int",
  size: (t, structs) => t.startsWith("*") && structs.has(t.slice(1)),
  statx: (t, structs) => t === "*Stat_t" && structs.has("Statx_t") && structs.has("Timespec"),
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
  }
}

interface KnownNames {
  namedTypes: Set<string>;
  structs: Set<string>;
  constants: Set<string>;
}

function validateOne(goName: string, spec: SyscallSpec, arches: ArchSpec[], known: KnownNames, sink: DiagnosticSink): void {
  const { namedTypes, structs } = known;
  const params = spec.params ?? {};
  for (const [name, type] of Object.entries(params)) {
    const at = keyPosOf(params, name);
    checkGoName(name, "parameter", at, sink, { local: true });
    const pointee = type.replace(/^(\*|\[\])/, "");
    if (type !== pointee && !integerTypes.has(pointee) && !namedTypes.has(pointee) && pointee !== "byte") {
      sink.error(posOf(params, name), `${goName}: unknown type \`${pointee}\` in \`${type}\`: declare it as a struct`);
    }
  }
  const results = Object.entries(spec.results ?? {}).map(([name, declared]) => [name, resultSpec(declared)] as const);
  for (const [name, result] of results) {
    checkGoName(name, "result", keyPosOf(spec.results!, name), sink, { local: true });
    if (Object.hasOwn(params, name)) sink.error(keyPosOf(spec.results!, name), `${goName}: result \`${name}\` has the name of a parameter`);
    if (name === "err") sink.error(keyPosOf(spec.results!, name), `${goName}: \`err\` is the error result every wrapper has; do not declare it`);
    if (result.type === "[]byte" && (!result.length || !integerTypes.has(params[result.length] ?? ""))) {
      sink.error(posOf(spec.results!, name), `${goName}: a []byte result needs \`length\`, the name of an integer parameter`);
    }
  }
  const needsError = Object.values(params).some((t) => t === "string" || t === "[]int");
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
    const args = variant.args ?? Object.keys(params);
    const used = new Set<string>();
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
      const type = params[parsed.name];
      if (type === undefined) return sink.error(at, `${goName}: kernel argument \`${arg}\` names no parameter`);
      used.add(parsed.name);
      if (parsed.orConstant !== undefined) {
        if (!known.constants.has(parsed.orConstant)) sink.error(at, `${goName}: \`${parsed.orConstant}\` in \`${arg}\` is not a declared constant`);
        if (!integerTypes.has(type)) sink.error(at, `${goName}: \`${arg}\` ORs a constant into \`${parsed.name} ${type}\`, which is not an integer`);
      } else if (parsed.form === undefined) {
        if (type === "[]int") sink.error(at, `${goName}: a []int parameter is passed as \`${parsed.name}:pair\``);
      } else if (!(argForms as readonly string[]).includes(parsed.form)) {
        sink.error(at, `${goName}: unknown argument form \`:${parsed.form}\` (known: ${argForms.join(", ")})`);
      } else if (!formApplies[parsed.form](type, structs)) {
        sink.error(at, `${goName}: \`:${parsed.form}\` does not apply to \`${parsed.name} ${type}\``);
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
