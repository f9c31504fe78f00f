/**
 * Prints a wrapper's preparation steps: the statements before the calls that declare a step's
 * variables (and may return early with an error), the word the step passes the kernel, and the
 * statements after the calls that hand what the kernel wrote back to the caller. One exhaustive
 * switch per question, so a new kind of step does not compile until each is answered.
 * Statements are indented relative to the function body.
 */
import type { PrepareIR } from "../ir.js";
import { goLocalName } from "../../core/go-names.js";
import { goLocals, stepLocals } from "./go-locals.js";

/** The word step `index` passes, as a uintptr expression: its variable, or that variable's address. */
export function stepWord(step: PrepareIR, index: number): string {
  const local = stepLocals(index).value;
  switch (step.kind) {
    case "slice":
    case "path":
    case "pages":
    case "mapping":
    case "time64":
      return `uintptr(${local})`;
    case "pair":
    case "resultPair":
    case "statx":
      return `uintptr(unsafe.Pointer(&${local}))`;
  }
}

/** The statements before the calls that make step `index`'s variable. */
export function prepareLines(step: PrepareIR, index: number): string[] {
  const { value: local, pathBuf: buf, time64: t } = stepLocals(index);
  switch (step.kind) {
    case "slice": {
      const p = goLocalName(step.param);
      return [`var ${local} unsafe.Pointer`, `if len(${p}) > 0 {`, `\t${local} = unsafe.Pointer(&${p}[0])`, "} else {", `\t${local} = unsafe.Pointer(&${goLocals.zero})`, "}"];
    }
    case "path": {
      const p = goLocalName(step.param);
      return [`var ${buf} pathBuf`, `${local}, err := cString(&${buf}, ${p})`, "if err != nil {", "\treturn", "}"];
    }
    case "pages": {
      const p = goLocalName(step.param);
      return [...failIf(`${p}%${step.pageSize} != 0`), `${local} := uintptr(${p} / ${step.pageSize})`];
    }
    case "pair": {
      const p = goLocalName(step.param);
      return [...failIf(`len(${p}) != 2`), `var ${local} [2]int32`];
    }
    case "mapping": {
      const p = goLocalName(step.param);
      return [...failIf(`len(${p}) == 0 || len(${p}) != cap(${p})`), `${local} := unsafe.Pointer(&${p}[0])`];
    }
    case "time64": {
      const p = goLocalName(step.param);
      const copyIn = step.copyIn ? [`\t${t} = timespec64{Sec: int64(${p}.Sec), Nsec: int64(${p}.Nsec)}`] : [];
      return [`var ${local} unsafe.Pointer`, `var ${t} timespec64`, `if ${p} != nil {`, ...copyIn, `\t${local} = unsafe.Pointer(&${t})`, "}"];
    }
    case "resultPair":
      return [`var ${local} [2]int32`];
    case "statx":
      return [`var ${local} Statx_t`];
  }
}

/** The statements after the calls that hand step `index`'s result back, if it has one. */
export function finishLines(step: PrepareIR, index: number): string[] {
  const { value: local, time64: t } = stepLocals(index);
  switch (step.kind) {
    case "pair":
      return pairBack(goLocalName(step.param), local);
    case "resultPair":
      return pairBack(goLocalName(step.result), local);
    case "time64": {
      if (!step.copyOut) return [];
      const p = goLocalName(step.param);
      const copy = `${p}.Sec, ${p}.Nsec = ${step.secType}(${t}.Sec), ${step.nsecType}(${t}.Nsec)`;
      return [`if ${p} != nil {`, `\t${copy}`, `\tif int64(${p}.Sec) != ${t}.Sec && err == nil {`, "\t\terr = syscall.EOVERFLOW", "\t}", "}"];
    }
    case "statx":
      return ["if err == nil {", ...statFromStatx(step, goLocalName(step.param), local).map((line) => `\t${line}`), "}"];
    case "slice":
    case "path":
    case "pages":
    case "mapping":
      return [];
  }
}

/** Returns EINVAL before any call when `condition` holds. */
function failIf(condition: string): string[] {
  return [`if ${condition} {`, "\terr = syscall.EINVAL", "\treturn", "}"];
}

/** Copies an int32[2] the kernel filled into the caller's ints. */
function pairBack(target: string, local: string): string[] {
  return ["if err == nil {", `\t${target}[0], ${target}[1] = int(${local}[0]), int(${local}[1])`, "}"];
}

/** Stat_t's fields, each from the Statx_t field of the same meaning: a device number from its halves. */
const statxFields: [stat: string, from: (statx: string) => string][] = [
  ["Dev", (x) => `mkdev(${x}.Dev_major, ${x}.Dev_minor)`],
  ["Ino", (x) => `${x}.Ino`],
  ["Mode", (x) => `${x}.Mode`],
  ["Nlink", (x) => `${x}.Nlink`],
  ["Uid", (x) => `${x}.Uid`],
  ["Gid", (x) => `${x}.Gid`],
  ["Rdev", (x) => `mkdev(${x}.Rdev_major, ${x}.Rdev_minor)`],
  ["Size", (x) => `${x}.Size`],
  ["Blksize", (x) => `${x}.Blksize`],
  ["Blocks", (x) => `${x}.Blocks`],
];

/** Stat_t's timestamps and the Statx_t ones they come from. */
const statxTimes: [stat: string, statx: string][] = [
  ["Atim", "Atime"],
  ["Mtim", "Mtime"],
  ["Ctim", "Ctime"],
];

/** The assignments that fill the Stat_t `target` from the Statx_t `statx`. */
function statFromStatx(step: Extract<PrepareIR, { kind: "statx" }>, target: string, statx: string): string[] {
  const typeOf = (field: string) => {
    const type = step.fieldTypes[field];
    if (type === undefined) throw new Error(`print: Stat_t has no field ${field} to fill from statx`);
    return type;
  };
  return [
    ...statxFields.map(([field, from]) => `${target}.${field} = ${typeOf(field)}(${from(statx)})`),
    ...statxTimes.map(([field, from]) => `${target}.${field} = Timespec{Sec: ${step.secType}(${statx}.${from}.Sec), Nsec: ${step.nsecType}(${statx}.${from}.Nsec)}`),
  ];
}
