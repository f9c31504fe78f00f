/**
 * A kernel argument of a variant's `args` taken apart: a constant, an empty path, a result's
 * address, or a parameter in one of its forms (`offset:hi`, `flags|O_LARGEFILE`).
 */
import type { KernelArg } from "./syscall.js";

/** A kernel argument taken apart: a constant, a result's address, or a parameter and its form. */
export type ParsedArg =
  | { kind: "const"; value: number }
  | { kind: "emptyPath" }
  | { kind: "result"; name: string }
  | { kind: "param"; name: string; form?: ArgForm; orConstant?: string };

/** The forms a parameter can be passed in besides the default for its type. */
export const argForms = ["hi", "lo", "ptr", "len", "pages", "time64", "pair", "size", "statx", "mapping"] as const;

/** One of argForms. */
export type ArgForm = (typeof argForms)[number];

/** Parses `"name"`, `"name:form"`, `"&name"` or a number. Form names are checked by validate. */
export function parseKernelArg(arg: KernelArg): ParsedArg {
  if (typeof arg === "number") return { kind: "const", value: arg };
  if (arg === "") return { kind: "emptyPath" };
  if (arg.startsWith("&")) return { kind: "result", name: arg.slice(1) };
  const or = /^(\w+)\|(\w+)$/.exec(arg);
  if (or) return { kind: "param", name: or[1]!, orConstant: or[2]! };
  const [name, form] = arg.split(":") as [string, ArgForm | undefined];
  return form === undefined ? { kind: "param", name } : { kind: "param", name, form };
}
