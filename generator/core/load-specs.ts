/**
 * The load stage: type-checks spec files with TypeScript (through ts-morph) and reads each file's
 * `export default defineX({...})` literal into plain data that remembers its source positions.
 */
import { join, relative } from "node:path";
import type { Diagnostic, SourceFile } from "ts-morph";
import { Node, Project, ts } from "./ts-morph-runtime.js";
import type { ArchSpec } from "../syscall/spec/arch.js";
import type { SyscallSpec } from "../syscall/spec/syscall.js";
import type { ProtocolSpec } from "../protocol/spec.js";
import type { ConstantGroup, StructSpec } from "../syscall/spec/types.js";
import { packageRoot } from "./package-root.js";
import { DiagnosticSink, SpecErrors, type SourcePos, type SpecDiagnostic } from "./diagnostics.js";
import { nodePos, readLiteral } from "./literal.js";
import { specLibPath, specLibSource } from "./spec-lib.js";

/** The define functions a spec file's default export may call, by the kind of spec they make. */
export const specKinds = {
  defineArch: "arch",
  defineSyscalls: "syscalls",
  defineStructs: "structs",
  defineConstants: "constants",
  defineProtocol: "protocols",
} as const;

/** The kind of a spec file. */
export type SpecKind = (typeof specKinds)[keyof typeof specKinds];

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
  arches: SpecFile<ArchSpec>[];
  syscalls: SpecFile<Record<string, SyscallSpec>>[];
  structs: SpecFile<Record<string, StructSpec>>[];
  constants: SpecFile<Record<string, ConstantGroup>>[];
  protocols: SpecFile<ProtocolSpec>[];
  /** Absolute paths of the spec files read, sorted. */
  inputs: string[];
}

/** Loads and type-checks the given spec files; throws SpecErrors listing every problem. */
export function loadSpecs(files: string[], cwd = process.cwd()): LoadedSpecs {
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
      paths: { "syscallgen/spec": [join(packageRoot(), "generator/spec.ts")] },
    },
    skipAddingFilesFromTsConfig: true,
  });
  project.createSourceFile(specLibPath, specLibSource);
  const sources = files.map((f) => project.addSourceFileAtPath(f));
  const display = (path: string) => relative(cwd, path) || path;

  const typeErrors = project.getPreEmitDiagnostics().map((d) => fromTypeScript(d, display));
  if (typeErrors.length > 0) throw new SpecErrors(typeErrors);

  const sink = new DiagnosticSink();
  const loaded: LoadedSpecs = { arches: [], syscalls: [], structs: [], constants: [], protocols: [], inputs: [...files].sort() };
  for (const source of sources) readSpecFile(source, display(source.getFilePath()), loaded, sink);
  sink.throwIfAny();
  return loaded;
}

function readSpecFile(source: SourceFile, file: string, loaded: LoadedSpecs, sink: DiagnosticSink): void {
  const assignment = source.getExportAssignment((e) => !e.isExportEquals());
  const call = assignment?.getExpression();
  const callee = call && Node.isCallExpression(call) ? call.getExpression().getText() : undefined;
  const kind = callee !== undefined ? specKinds[callee as keyof typeof specKinds] : undefined;
  if (!call || !Node.isCallExpression(call) || kind === undefined) {
    const at = call ?? source;
    sink.error(nodePos(at, file), `a spec file must \`export default\` a call to one of ${Object.keys(specKinds).join(", ")}`);
    return;
  }
  const [argument] = call.getArguments();
  if (!argument || !Node.isObjectLiteralExpression(argument)) {
    sink.error(nodePos(call, file), `${callee} takes one object literal`);
    return;
  }
  const data = readLiteral(argument, file, sink);
  if (data === undefined) return;
  const entry = { file, pos: nodePos(call, file), data };
  // The type check above proved the literal matches the define function's parameter type.
  (loaded[kind === "arch" ? "arches" : kind] as SpecFile<unknown>[]).push(entry);
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
