/**
 * Which Debian package provides each command the tests run, so a missing tool fails with what to
 * install instead of `spawn qemu-arm-static ENOENT`. .ci/run installs every one of them.
 */
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** Go is not a Debian package here: Debian 12's golang is older than the tests' go directive. */
const GO_HINT = "install Go 1.26 or later from https://go.dev/dl and put it on PATH (GOTOOLCHAIN=local: no toolchain is downloaded)";

/**
 * Debian 12 packages per command, each one .ci/run installs (a test holds the two together);
 * commands of packages every Debian system has (perl, dpkg, apt, util-linux) are not listed.
 * Every qemu-user binary comes from qemu-user-static; clang's libFuzzer and sanitizer runtimes
 * are a separate package clang does not pull in.
 */
const PACKAGES: Readonly<Record<string, string>> = {
  "qemu-system-x86_64": "qemu-system-x86",
  "qemu-system-aarch64": "qemu-system-arm",
  clang: "clang libclang-rt-14-dev",
  "clang-14": "clang libclang-rt-14-dev",
  gcc: "gcc libc6-dev",
  "s390x-linux-gnu-gcc": "gcc-s390x-linux-gnu libc6-dev-s390x-cross",
  "aarch64-linux-gnu-gcc": "gcc-aarch64-linux-gnu",
  make: "make",
  bc: "bc",
  flex: "flex",
  bison: "bison",
  rsync: "rsync",
  xz: "xz-utils",
  strace: "strace",
  file: "file",
  busybox: "busybox-static",
};

/** Every package {@link debianPackageOf} can name. */
export function knownDebianPackages(): string[] {
  return [...new Set(["qemu-user-static", ...Object.values(PACKAGES).flatMap((p) => p.split(" "))])].sort();
}

/** The Debian package(s) that provide command, or undefined when none is known. */
export function debianPackageOf(command: string): string | undefined {
  if (/^qemu-[a-z0-9_]+-static$/.test(command)) return "qemu-user-static";
  return PACKAGES[path.basename(command)];
}

/** The one-line message for a missing command: what to install, and that CI installs it. */
export function missingToolMessage(command: string, debianPackage = debianPackageOf(command)): string {
  if (path.basename(command) === "go" || path.basename(command) === "gofmt") return `${command} not found: ${GO_HINT}`;
  if (debianPackage === undefined) return `${command} not found on PATH`;
  const noun = debianPackage.includes(" ") ? "packages" : "package";
  return `${command} not found: install the Debian ${noun} ${debianPackage} (.ci/run does)`;
}

/** The full path of command as execvp would find it on env's PATH, or null. */
export function findOnPath(command: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = command.includes("/") ? [command] : (env["PATH"] ?? "").split(path.delimiter).filter((d) => d !== "").map((d) => path.join(d, command));
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // Not here: try the next PATH entry.
    }
  }
  return null;
}

/**
 * Throws {@link missingToolMessage} unless command is on PATH; returns its full path. CI installs
 * every tool, so tests call this instead of skipping: a skip would hide a gap in the machine.
 */
export function requireTool(command: string, debianPackage?: string, env: NodeJS.ProcessEnv = process.env): string {
  const found = findOnPath(command, env);
  if (found === null) throw new Error(missingToolMessage(command, debianPackage ?? debianPackageOf(command)));
  return found;
}
