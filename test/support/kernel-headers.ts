/**
 * Produces the kernel's own exported uapi headers for an architecture from
 * a Linux source tree, caching the syscall-number headers by kernel version
 * so only the first run pays for the make invocations.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GoArch } from "./arches.js";
import { execOrThrow } from "./exec.js";
import { isKernelTree, noKernelTreeMessage } from "./kernel-tree.js";
import { createLimiter } from "./limit.js";
import { CACHE_DIR } from "./paths.js";

/** The kernel's ARCH= name for each GOARCH. */
export const KARCH_BY_GOARCH: Readonly<Record<GoArch, string>> = {
  "386": "x86", amd64: "x86", arm: "arm", arm64: "arm64", loong64: "loongarch",
  mips: "mips", mipsle: "mips", mips64: "mips", mips64le: "mips",
  ppc64: "powerpc", ppc64le: "powerpc", riscv64: "riscv", s390x: "s390",
};

/**
 * The kernel tree from SYSCALLGEN_KERNEL_SRC. Missing configuration is an
 * error, not a reason to skip: CI must always run this comparison.
 */
export function kernelSrcFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const src = env["SYSCALLGEN_KERNEL_SRC"];
  if (src === undefined || src.trim() === "") {
    throw new Error(`${noKernelTreeMessage(env)}; the kernel-header comparison cannot run without it`);
  }
  if (!isKernelTree(src)) {
    throw new Error(`SYSCALLGEN_KERNEL_SRC=${src} does not look like a Linux source tree (no Makefile or arch/).`);
  }
  return src;
}

/** "6.12.117"-style version from the top-level Makefile, the cache key. */
export function kernelVersion(src: string): string {
  const mk = readFileSync(path.join(src, "Makefile"), "utf8");
  const get = (k: string): string => new RegExp(`^${k}\\s*=\\s*(\\S*)`, "m").exec(mk)?.[1] ?? "";
  return `${get("VERSION")}.${get("PATCHLEVEL")}.${get("SUBLEVEL")}${get("EXTRAVERSION")}`;
}

/** make is CPU-bound; two at a time suits the 2-core runners. */
const makeLimit = createLimiter(2);
const pending = new Map<string, Promise<string>>();

/**
 * Directory holding the installed asm/unistd*.h for karch, building it on
 * first use. Concurrent callers for the same arch share one build.
 */
export function installedAsmDir(src: string, karch: string): Promise<string> {
  const dest = path.join(CACHE_DIR, "kernel-headers", kernelVersion(src), karch, "asm");
  let p = pending.get(dest);
  if (p === undefined) {
    p = existsSync(path.join(dest, ".complete")) ? Promise.resolve(dest) : makeLimit(() => installHeaders(src, karch, dest));
    pending.set(dest, p);
  }
  return p;
}

/**
 * Runs `make headers` (what headers_install does before its final rsync,
 * which CI images often lack) in a separate O= build dir so the source tree
 * stays clean, then keeps only asm/unistd*.h: the rest is 13 MB per arch.
 */
async function installHeaders(src: string, karch: string, dest: string): Promise<string> {
  const build = mkdtempSync(path.join(os.tmpdir(), `syscallgen-khdr-${karch}-`));
  try {
    await execOrThrow(`make ARCH=${karch} headers`, "make", ["-s", `ARCH=${karch}`, `O=${build}`, "headers"], {
      cwd: src,
      timeoutMs: 10 * 60_000,
    });
    const asm = path.join(build, "usr", "include", "asm");
    const staging = `${dest}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    for (const f of readdirSync(asm).filter((n) => /^unistd.*\.h$/.test(n))) cpSync(path.join(asm, f), path.join(staging, f));
    writeFileSync(path.join(staging, ".complete"), `${new Date().toISOString()}\n`);
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(path.dirname(dest), { recursive: true });
    // Rename last so a killed run never leaves a half-filled cache entry.
    renameSync(staging, dest);
    return dest;
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}
