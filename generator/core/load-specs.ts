/**
 * The load stage: type-checks spec files with TypeScript (through ts-morph) and reads each file's
 * `export default defineX({...})` literal into plain data that remembers its source positions.
 */
import { relative } from "node:path";
import type { Diagnostic, SourceFile } from "ts-morph";
import { Node, Project, ts } from "./ts-morph-runtime.js";
import { DiagnosticSink, SpecErrors, type SourcePos, type SpecDiagnostic } from "./diagnostics.js";
import { nodePos, readLiteral } from "./literal.js";
import { specLibPath, specLibSource } from "./spec-lib.js";

/**
 * The define functions a spec file's default export may call, each with the kind of spec it
 * makes (`defineArch` makes an `arch`). Each domain declares its own; the loader knows none.
 */
export type SpecKinds = Readonly<Record<string, string>>;

/** One loaded spec file. */
export interface SpecFile<T> {
  /** Path as shown in errors: relative to the working directory. */
  file: string;
  /** Where the define call is. */
  pos: SourcePos;
  data: T;
}

/** Every spec the generator was given, by kind. */
export interface LoadedSpecs {
  /** The files of each kind, in the order they were given. */
  byKind: ReadonlyMap<string, SpecFile<unknown>[]>;
  /** Absolute paths of the spec files read, sorted. */
  inputs: string[];
}

/** How to load: which define functions exist, and where the spec language lives. */
export interface LoadOptions {
  kinds: SpecKinds;
  /** The module spec files import as `syscallgen/spec` (a TypeScript source file). */
  language: string;
  /** Paths in errors are relative to this (default: the working directory). */
  cwd?: string;
}

/**
 * The files of one kind. The type check proved each literal matches its define function's
 * parameter type, which the caller names as `T`.
 */
export function specFilesOf<T>(loaded: LoadedSpecs, kind: string): SpecFile<T>[] {
  return (loaded.byKind.get(kind) ?? []) as SpecFile<T>[];
}

/** Loads and type-checks the given spec files; throws SpecErrors listing every problem. */
export function loadSpecs(files: string[], options: LoadOptions): LoadedSpecs {
  const cwd = options.cwd ?? process.cwd();
  const project = new Project({
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noLib: true,
      types: [],
      paths: { "syscallgen/spec": [options.language] },
    },
    skipAddingFilesFromTsConfig: true,
  });
  project.createSourceFile(specLibPath, specLibSource);
  const sources = files.map((f) => project.addSourceFileAtPath(f));
  const display = (path: string) => relative(cwd, path) || path;

  const typeErrors = project.getPreEmitDiagnostics().map((d) => fromTypeScript(d, display));
  if (typeErrors.length > 0) throw new SpecErrors(typeErrors);

  const sink = new DiagnosticSink();
  const byKind = new Map<string, SpecFile<unknown>[]>(Object.values(options.kinds).map((kind) => [kind, []]));
  for (const source of sources) readSpecFile(source, display(source.getFilePath()), options.kinds, byKind, sink);
  sink.throwIfAny();
  return { byKind, inputs: [...files].sort() };
}

function readSpecFile(source: SourceFile, file: string, kinds: SpecKinds, byKind: Map<string, SpecFile<unknown>[]>, sink: DiagnosticSink): void {
  const assignment = source.getExportAssignment((e) => !e.isExportEquals());
  const call = assignment?.getExpression();
  const callee = call && Node.isCallExpression(call) ? call.getExpression().getText() : undefined;
  const kind = callee !== undefined && Object.hasOwn(kinds, callee) ? kinds[callee] : undefined;
  if (!call || !Node.isCallExpression(call) || kind === undefined) {
    const at = call ?? source;
    sink.error(nodePos(at, file), `a spec file must \`export default\` a call to one of ${Object.keys(kinds).join(", ")}`);
    return;
  }
  const [argument] = call.getArguments();
  if (!argument || !Node.isObjectLiteralExpression(argument)) {
    sink.error(nodePos(call, file), `${callee} takes one object literal`);
    return;
  }
  const data = readLiteral(argument, file, sink);
  if (data === undefined) return;
  byKind.get(kind)!.push({ file, pos: nodePos(call, file), data });
}

function fromTypeScript(d: Diagnostic, display: (path: string) => string): SpecDiagnostic {
  const source = d.getSourceFile();
  const start = d.getStart() ?? 0;
  const { line, column } = source ? source.getLineAndColumnAtPos(start) : { line: 1, column: 1 };
  const file = source ? display(source.getFilePath()) : "<tsconfig>";
  const text = d.getMessageText();
  const message = typeof text === "string" ? text : ts.flattenDiagnosticMessageText(text.compilerObject, "\n");
  return { pos: { file, line, column }, message, code: d.getCode() };
}
