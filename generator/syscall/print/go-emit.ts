/**
 * The Go emitter: prints the rawsys package from the per-arch IRs. A declaration whose text is the
 * same on every arch goes to a shared `_linux.go` file once; the rest go to per-arch files. Sharing
 * is decided over all arches, so generating one arch writes exactly the bytes `all` would.
 */
import type { GeneratedFile } from "../../core/generated-file.js";
import { goImportsUsed } from "../../core/go-imports.js";
import type { ArchIR, ConstantGroupIR, StructIR, WrapperIR } from "../ir.js";
import { supportSourceAs } from "../runtime/support.js";
import { constantGroupView, constantLines, structView, wrapperView, type ConstantLine } from "./go-view.js";
import { loadTemplates, type TemplateSet } from "../../core/handlebars-env.js";

/** The Go package: files every arch needs, and each arch's own files. */
export interface GoOutput {
  shared: GeneratedFile[];
  perArch: Map<string, GeneratedFile[]>;
}

let cachedTemplates: TemplateSet | undefined;

function templates(): TemplateSet {
  cachedTemplates ??= loadTemplates("generator/syscall/print/templates", {
    pad: (text: string, width: number) => text.padEnd(width),
  });
  return cachedTemplates;
}

/** One wrapper's Go function, with its doc comment. */
export function printWrapper(w: WrapperIR): string {
  return templates().partials["wrapper"]!(wrapperView(w));
}

/** One struct's Go type, with its doc comment. */
export function printStruct(s: StructIR): string {
  return templates().partials["struct"]!(structView(s));
}

/** A const block of `lines` under the comment `doc`. */
function printConstantLines(doc: string, lines: ConstantLine[]): string {
  return templates().partials["const-group"]!(constantGroupView(doc, lines));
}

/** One constant group's Go const block, every constant in it. */
export function printConstantGroup(group: ConstantGroupIR): string {
  return printConstantLines(group.doc, constantLines(group));
}

/** The runtime support file (runtime/support.go) as package `packageName`, under the generated-code header. */
export function printSupport(packageName: string, build: string): string {
  return templates().partials["header"]!({ source: "", build }) + supportSourceAs(packageName);
}

/** Prints the package `packageName` for every arch in `irs` (all arches the specs declare). */
export function emitGo(irs: ArchIR[], packageName: string): GoOutput {
  const { entries } = templates();
  const dir = `go/${packageName}`;
  const arches = irs.map((ir) => ir.goarch);
  const file = (name: string, build: string, decls: string[], source = "") => ({
    path: `${dir}/${name}`,
    // A partial ends with its last line's newline; the file template adds its own.
    content: entries["file.go"]!({ source, build, package: packageName, imports: importsOf(decls), decls: decls.map((d) => d.trimEnd()) }),
  });
  const sharedBuild = `linux && (${arches.join(" || ")})`;

  const wrappers = splitShared(irs, (ir) => ir.wrappers.map((w) => [w.goName, printWrapper(w)]));
  const structs = splitShared(irs, (ir) => ir.structs.map((s) => [s.name, printStruct(s)]));
  const constants = splitConstants(irs, printConstantLines);

  const shared = [
    { path: `${dir}/${packageName}.go`, content: printSupport(packageName, sharedBuild) },
    file("zerrors_linux.go", sharedBuild, constants.shared),
    file("zsyscall_linux.go", sharedBuild, wrappers.shared),
    file("ztypes_linux.go", sharedBuild, structs.shared),
  ];
  const perArch = new Map(
    irs.map((ir) => {
      const build = `linux && ${ir.goarch}`;
      const sysnumLines = ir.sysnums.map((s) => ({ name: s.goName, value: String(s.number) }));
      const sysnums = printConstantLines(`System call numbers on ${ir.goarch}, from the kernel's syscall table.`, sysnumLines);
      return [
        ir.goarch,
        [
          file(`zerrors_linux_${ir.goarch}.go`, build, constants.perArch.get(ir.goarch)!),
          file(`zsyscall_linux_${ir.goarch}.go`, build, wrappers.perArch.get(ir.goarch)!),
          file(`zsysnum_linux_${ir.goarch}.go`, build, [sysnums], `the Linux ${ir.kernelVersion} syscall table`),
          file(`ztypes_linux_${ir.goarch}.go`, build, structs.perArch.get(ir.goarch)!),
        ],
      ];
    }),
  );
  return { shared, perArch };
}

/** Declarations identical on every arch, sorted by name, and each arch's others. */
function splitShared(irs: ArchIR[], declsOf: (ir: ArchIR) => [string, string][]) {
  const byArch = irs.map((ir) => new Map(declsOf(ir)));
  const isShared = (name: string, text: string) => byArch.every((decls) => decls.get(name) === text);
  const first = byArch[0] ?? new Map<string, string>();
  const sharedNames = new Set([...first].filter(([name, text]) => isShared(name, text)).map(([name]) => name));
  return {
    shared: [...first].filter(([name]) => sharedNames.has(name)).map(([, text]) => text),
    perArch: new Map(irs.map((ir, i) => [ir.goarch, [...byArch[i]!].filter(([name]) => !sharedNames.has(name)).map(([, text]) => text)])),
  };
}

/** Constants split line by line: a constant with the same value everywhere is printed once. */
function splitConstants(irs: ArchIR[], print: (doc: string, lines: ConstantLine[]) => string) {
  const linesByArch = irs.map((ir) => ir.constants.map((g) => ({ doc: g.doc, lines: constantLines(g) })));
  const valueOf = linesByArch.map((groups) => groups.map((g) => new Map(g.lines.map((l) => [l.name, l.value]))));
  const shared: string[] = [];
  const perArch = new Map<string, string[]>(irs.map((ir) => [ir.goarch, []]));
  (linesByArch[0] ?? []).forEach((group, index) => {
    const everywhere = (line: ConstantLine) => valueOf.every((groups) => groups[index]?.get(line.name) === line.value);
    const common = group.lines.filter(everywhere);
    if (common.length > 0) shared.push(print(group.doc, common));
    const commonNames = new Set(common.map((l) => l.name));
    irs.forEach((ir, i) => {
      const own = linesByArch[i]![index]!;
      const rest = own.lines.filter((l) => !commonNames.has(l.name));
      if (rest.length > 0) perArch.get(ir.goarch)!.push(print(own.doc, rest));
    });
  });
  return { shared, perArch };
}

/** The standard packages a file's declarations use, sorted. */
function importsOf(decls: string[]): string[] {
  return goImportsUsed(decls.join("\n"), [{ path: "syscall", name: "syscall" }, { path: "unsafe", name: "unsafe" }]);
}
