/**
 * The syscall domain's specs as loaded: its define functions, and the files flattened into the
 * entries validation and resolution work on, each with the position of its declaration.
 */
import type { SourcePos } from "../../core/diagnostics.js";
import { keyPosOf } from "../../core/literal.js";
import { specFilesOf, type LoadedSpecs, type SpecFile } from "../../core/load-specs.js";
import { compareStrings } from "../../core/diagnostics.js";
import type { ArchSpec } from "./arch.js";
import type { SyscallSpec } from "./syscall.js";
import type { ConstantGroup, StructSpec } from "./types.js";

/** The define functions of syscall spec files, and the kind each makes. */
export const syscallSpecKinds = {
  defineArch: "arch",
  defineSyscalls: "syscalls",
  defineStructs: "structs",
  defineConstants: "constants",
} as const;

/** The syscall domain's spec files, by kind. */
export interface SyscallSpecFiles {
  arches: SpecFile<ArchSpec>[];
  syscalls: SpecFile<Record<string, SyscallSpec>>[];
  structs: SpecFile<Record<string, StructSpec>>[];
  constants: SpecFile<Record<string, ConstantGroup>>[];
}

/** The syscall spec files among everything loaded. */
export function syscallSpecFiles(loaded: LoadedSpecs): SyscallSpecFiles {
  return {
    arches: specFilesOf(loaded, syscallSpecKinds.defineArch),
    syscalls: specFilesOf(loaded, syscallSpecKinds.defineSyscalls),
    structs: specFilesOf(loaded, syscallSpecKinds.defineStructs),
    constants: specFilesOf(loaded, syscallSpecKinds.defineConstants),
  };
}

/** A syscall spec with its Go name and where it was declared. */
export interface SyscallInput {
  goName: string;
  spec: SyscallSpec;
  pos: SourcePos;
}

/** A struct spec with its Go name and where it was declared. */
export interface StructInput {
  name: string;
  spec: StructSpec;
  pos: SourcePos;
}

/** The specs flattened into what validation and the resolver work from. */
export interface SpecSet {
  arches: ArchSpec[];
  syscalls: SyscallInput[];
  structs: StructInput[];
  constantGroups: ConstantGroup[];
}

/** Flattens the spec files; arches come out in GOARCH order. */
export function toSpecSet(files: SyscallSpecFiles): SpecSet {
  return {
    arches: files.arches.map((f) => f.data).sort((a, b) => compareStrings(a.goarch, b.goarch)),
    syscalls: files.syscalls.flatMap((f) => Object.entries(f.data).map(([goName, spec]) => ({ goName, spec, pos: keyPosOf(f.data, goName) }))),
    structs: files.structs.flatMap((f) => Object.entries(f.data).map(([name, spec]) => ({ name, spec, pos: keyPosOf(f.data, name) }))),
    constantGroups: files.constants.flatMap((f) => Object.values(f.data)),
  };
}
