/**
 * A small C preprocessor for uapi headers: it follows `#include <asm-generic/...>`, honours
 * conditionals, and returns the macro table as user space sees it at the end of the header.
 *
 * Which definitions user space sees: these headers are read by libcs and by programs, never
 * with __KERNEL__ defined, and as C rather than assembler, so __KERNEL__, __ASSEMBLY__ and
 * __ASSEMBLER__ are taken as undefined: `#ifndef __KERNEL__` blocks (x86's NSIG for libcs) are
 * read, `#ifdef __KERNEL__` ones are not. Macros the compiler predefines per target
 * (__powerpc64__, __i386__, _MIPS_SIM...) are unknowable here, so a tracked name defined under
 * such a condition is an error rather than a guess; in 6.12 they guard only stack sizes and
 * struct layouts. Headers other than asm-generic ones (linux/types.h...) are not followed:
 * they define no errno or signal numbers.
 */
import path from "node:path";
import { logicalLines } from "./c-lines.js";
import { parseCInteger } from "./c-integer.js";
import { ConditionStack } from "./condition-stack.js";
import { evaluateCondition } from "./cpp-condition.js";
import { ImportError } from "./import-error.js";
import { KernelTree } from "./kernel-tree.js";

/** A macro as its last definition left it. `value` is undefined for a function-like macro. */
export interface Macro {
  name: string;
  value: string | undefined;
  file: string;
  line: number;
}

/** Names the caller reads from the table; they may not depend on target-defined macros. */
export type TrackedNames = (name: string) => boolean;

const USER_SPACE_UNDEFINED = new Set(["__KERNEL__", "__ASSEMBLY__", "__ASSEMBLER__"]);

function isTargetMacro(name: string): boolean {
  return /^__[a-z0-9]/.test(name) || /^__\w*__$/.test(name) || name.startsWith("_MIPS_");
}

/** Preprocesses `startFile` (relative to the tree) and returns the final macro table. */
export async function collectMacros(tree: KernelTree, startFile: string, tracked: TrackedNames): Promise<Map<string, Macro>> {
  const macros = new Map<string, Macro>();
  const isDefined = (name: string): boolean | "target" =>
    USER_SPACE_UNDEFINED.has(name) ? false : macros.has(name) ? true : isTargetMacro(name) ? "target" : false;
  const valueOf = (name: string): number | undefined => {
    if (USER_SPACE_UNDEFINED.has(name)) return 0;
    const body = macros.get(name)?.value;
    return body === undefined ? undefined : parseCInteger(body);
  };

  const processFile = async (file: string, inherited: string[], from?: { file: string; line: number; depth: number }) => {
    if ((from?.depth ?? 0) > 32) throw new ImportError(from!.file, from!.line, "#include nesting deeper than 32");
    // A missing header is reported at the #include that wanted it.
    const source = await tree.read(file).catch((err: Error) => {
      throw from === undefined ? err : new ImportError(from.file, from.line, `#include: ${err.message}`);
    });
    const conditions = new ConditionStack((expression) => evaluateCondition(expression, { isDefined, valueOf }));
    for (const { text, line } of logicalLines(source)) {
      const directive = /^\s*#\s*(\w*)\s*(.*?)\s*$/.exec(text);
      if (directive === null) continue;
      const [, keyword, rest] = directive as unknown as [string, string, string];
      const fail = (message: string): never => {
        throw new ImportError(file, line, message);
      };
      const name = /^[A-Za-z_]\w*/.exec(rest)?.[0];
      const dependsOn = [...inherited, ...conditions.dependsOn];
      try {
        if (keyword === "if") conditions.open(rest, line);
        else if (keyword === "ifdef" || keyword === "ifndef") {
          conditions.open(`${keyword === "ifndef" ? "!" : ""}defined ${name ?? fail(`#${keyword} without a name`)}`, line);
        } else if (keyword === "elif") conditions.elif(rest);
        else if (keyword === "else") conditions.else();
        else if (keyword === "endif") conditions.endif();
      } catch (err) {
        if (err instanceof ImportError) throw err;
        fail((err as Error).message);
      }
      if (conditions.surelySkipped) continue;

      if (keyword === "define" || keyword === "undef") {
        if (name === undefined) fail(`#${keyword} without a name`);
        if (tracked(name!) && dependsOn.length > 0) {
          fail(`${name} is defined under a condition on ${dependsOn.join(", ")}, which depends on the target compiler`);
        }
        if (!conditions.live) continue;
        const body = rest.slice(name!.length);
        if (keyword === "undef") macros.delete(name!);
        else macros.set(name!, { name: name!, value: body.startsWith("(") ? undefined : body.trim(), file, line });
      } else if (keyword === "include") {
        const generic = /^<asm-generic\/([^>]+)>$/.exec(rest)?.[1];
        const local = /^"([^"]+)"$/.exec(rest)?.[1];
        if (generic === undefined && local === undefined) continue;
        if (dependsOn.length > 0) fail(`#include under a condition on ${dependsOn.join(", ")}, which depends on the target compiler`);
        if (!conditions.live) continue;
        const next = generic !== undefined ? `include/uapi/asm-generic/${generic}` : path.posix.join(path.posix.dirname(file), local!);
        await processFile(next, dependsOn, { file, line, depth: (from?.depth ?? 0) + 1 });
      } else if (keyword === "error" && conditions.live) {
        fail(`#error ${rest}`);
      }
    }
    const open = conditions.openLine;
    if (open !== undefined) throw new ImportError(file, open, "#if without #endif");
  };

  await processFile(startFile, []);
  return macros;
}
