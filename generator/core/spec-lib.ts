/**
 * The global types a spec needs, and nothing else. Specs only declare literals, so the full ES
 * library (a dozen large files TypeScript would parse and bind on every run) buys them nothing;
 * this stand-in keeps the type check of the bundled specs to a fraction of the time.
 */

/** Path the stand-in library is given inside the TypeScript project. */
export const specLibPath = "/__syscallgen__/spec-lib.d.ts";

/** The declarations TypeScript requires to exist, plus the utility types the spec language uses. */
export const specLibSource = `
interface Array<T> { length: number; [n: number]: T; }
interface ReadonlyArray<T> { readonly length: number; readonly [n: number]: T; }
interface TemplateStringsArray extends ReadonlyArray<string> { readonly raw: readonly string[]; }
interface Boolean {}
interface Function {}
interface CallableFunction extends Function {}
interface NewableFunction extends Function {}
interface IArguments {}
interface Number {}
interface Object {}
interface RegExp {}
interface String {}
interface BigInt {}
interface Symbol {}
type PropertyKey = string | number | symbol;
type Record<K extends keyof any, T> = { [P in K]: T };
type Partial<T> = { [P in keyof T]?: T[P] };
type Required<T> = { [P in keyof T]-?: T[P] };
type Readonly<T> = { readonly [P in keyof T]: T[P] };
type Pick<T, K extends keyof T> = { [P in K]: T[P] };
type Exclude<T, U> = T extends U ? never : T;
type Extract<T, U> = T extends U ? T : never;
type Omit<T, K extends keyof any> = Pick<T, Exclude<keyof T, K>>;
`;
