/**
 * The Go emitter: prints the rawsys package from the per-arch IRs. A declaration whose text is the
 * same on every arch goes to a shared `_linux.go` file once; the rest go to per-arch files. Sharing
 * is decided over all arches, so generating one arch writes exactly the bytes `all` would.
 */
import type { GeneratedFile } from "../../core/generated-file.js";
import { goImportsUsed } from "../../core/go-imports.js";
import type { ArchIR, PrepareIR } from "../ir.js";
import { goLocalName } from "../../core/go-names.js";
import { constantGroupView, constantLines, structView, wrapperView, type ConstantLine } from "./go-view.js";
import { goWord } from "./go-words.js";
import { loadTemplates, type TemplateSet } from "../../core/handlebars-env.js";

/** The Go package: files every arch needs, and each arch's own files. */
export interface GoOutput {
  shared: GeneratedFile[];
  perArch: Map<string, GeneratedFile[]>;
}

let cachedTemplates: TemplateSet | undefined;

function templates(): TemplateSet {
  cachedTemplates ??= loadTemplates("generator/syscall/print/templates", {
    goWord,
    id: goLocalName,
    pad: (text: string, width: number) => text.padEnd(width),
    prepareName: (kind: string) => `prepare-${kind}`,
    finishName: (step: PrepareIR) => finishPartial(step),
  });
  return cachedTemplates;
}

/** The partial that hands a prepared local back to the caller after the call, if any. */
function finishPartial(step: PrepareIR): string {
  switch (step.kind) {
    case "pair":
    case "resultPair":
    case "statx":
      return `finish-${step.kind}`;
    case "time64":
      return step.copyOut ? "finish-time64" : "finish-none";
    case "slice":
    case "path":
    case "pages":
    case "mapping":
      return "finish-none";
  }
}

/** Prints the package `packageName` for every arch in `irs` (all arches the specs declare). */
export function emitGo(irs: ArchIR[], packageName: string): GoOutput {
  const { entries, partials } = templates();
  const dir = `go/${packageName}`;
  const arches = irs.map((ir) => ir.goarch);
  const file = (name: string, build: string, decls: string[], source = "") => ({
    path: `${dir}/${name}`,
    // A partial ends with its last line's newline; the file template adds its own.
    content: entries["file.go"]!({ source, build, package: packageName, imports: importsOf(decls), decls: decls.map((d) => d.trimEnd()) }),
  });
  const sharedBuild = `linux && (${arches.join(" || ")})`;

  const wrappers = splitShared(irs, (ir) => ir.wrappers.map((w) => [w.goName, partials["wrapper"]!(wrapperView(w))]));
  const structs = splitShared(irs, (ir) => ir.structs.map((s) => [s.name, partials["struct"]!(structView(s))]));
  const constants = splitConstants(irs, (doc, lines) => partials["const-group"]!(constantGroupView(doc, lines)));

  const shared = [
    { path: `${dir}/${packageName}.go`, content: entries["support.go"]!({ source: "", build: sharedBuild, package: packageName }) },
    file("zerrors_linux.go", sharedBuild, constants.shared),
    file("zsyscall_linux.go", sharedBuild, wrappers.shared),
    file("ztypes_linux.go", sharedBuild, structs.shared),
  ];
  const perArch = new Map(
    irs.map((ir) => {
      const build = `linux && ${ir.goarch}`;
      const sysnumLines = ir.sysnums.map((s) => ({ name: s.goName, value: String(s.number) }));
      const sysnums = partials["const-group"]!(constantGroupView(`System call numbers on ${ir.goarch}, from the kernel's syscall table.`, sysnumLines));
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
