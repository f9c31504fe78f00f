/** The rules a protocol's own name follows, beyond snake_case. */
import { isGoKeyword } from "../../core/go-names.js";

/**
 * What is wrong with a protocol's name, if anything. Besides a C prefix it is a Go package a
 * helper imports, and it cannot be one of those that the go tool refuses: a package main must
 * have func main, Go refuses to import one named init, the go tool gives folders named internal,
 * vendor and testdata meanings of their own, and an import path may not hold a Windows device
 * name on any system.
 */
export function protocolNameProblem(name: string): string | undefined {
  if (!/^[a-z][a-z0-9_]*$/.test(name) || isGoKeyword(name)) return "must be lower case letters, digits and _ (a C prefix and a Go package name), not a Go keyword";
  if (["main", "init"].includes(name)) return "is not a Go package name a helper can import";
  if (["internal", "vendor", "testdata"].includes(name)) return "is a folder name the go tool gives a meaning of its own";
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/.test(name)) return "is a Windows device name, which no Go import path may contain";
  return undefined;
}
