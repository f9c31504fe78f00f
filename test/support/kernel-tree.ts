/**
 * The Linux 6.12 tree the kernel comparisons and builds read: SYSCALLGEN_KERNEL_SRC, or Debian's
 * linux-source-6.12 tarball unpacked once into the user's cache. Debian ships only the tarball
 * (/usr/src/linux-source-6.12.tar.xz), never an unpacked /usr/src/linux-source-6.12, so that is
 * what every message about a missing tree names.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { requireTool } from "./require-tool.js";

/** The Debian package that provides the tree. */
export const KERNEL_PACKAGE = "linux-source-6.12";

/** What the package installs. */
export const KERNEL_TARBALL = `/usr/src/${KERNEL_PACKAGE}.tar.xz`;

/** $XDG_CACHE_HOME/syscallgen (~/.cache/syscallgen): the tree and the kernel build caches. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env["XDG_CACHE_HOME"];
  return path.join(xdg !== undefined && xdg !== "" ? xdg : path.join(env["HOME"] ?? homedir(), ".cache"), "syscallgen");
}

/** Where the test setup unpacks the tarball. */
export function unpackedTree(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(userCacheDir(env), KERNEL_PACKAGE);
}

/** The one message for "no tree": the package to install, or the variable to set. */
export function noKernelTreeMessage(env: NodeJS.ProcessEnv = process.env): string {
  return (
    `no Linux 6.12 tree: install the Debian package ${KERNEL_PACKAGE} (.ci/run does; the test setup unpacks its ` +
    `${KERNEL_TARBALL} into ${unpackedTree(env)}), or set SYSCALLGEN_KERNEL_SRC to an unpacked Linux 6.12 tree`
  );
}

/** Whether dir holds a Linux source tree. */
export function isKernelTree(dir: string): boolean {
  return existsSync(path.join(dir, "Makefile")) && existsSync(path.join(dir, "arch"));
}

/**
 * The tree to use: SYSCALLGEN_KERNEL_SRC when set, else the unpacked tarball, unpacking it first
 * when it is installed but not yet unpacked. Undefined when there is neither; the tests that
 * need a tree then fail with {@link noKernelTreeMessage}, the others run.
 */
export function findKernelTree(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env["SYSCALLGEN_KERNEL_SRC"];
  if (given !== undefined && given !== "") return given;
  const tree = unpackedTree(env);
  if (!isKernelTree(tree) && existsSync(KERNEL_TARBALL)) {
    const cache = path.dirname(tree);
    requireTool("xz", "xz-utils", env); // tar runs xz for a .tar.xz
    process.stderr.write(`test setup: unpacking ${KERNEL_TARBALL} into ${cache} (once)\n`);
    mkdirSync(cache, { recursive: true });
    // Unpacked beside the cache and renamed into place, so an interrupted run leaves no half tree.
    const staging = mkdtempSync(path.join(cache, ".unpack-"));
    try {
      const untar = spawnSync("tar", ["xf", KERNEL_TARBALL, "-C", staging], { stdio: "inherit", env });
      if (untar.status !== 0) throw new Error(`tar xf ${KERNEL_TARBALL} failed (${untar.error?.message ?? `exit ${untar.status}`})`);
      rmSync(tree, { recursive: true, force: true });
      renameSync(path.join(staging, KERNEL_PACKAGE), tree);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return isKernelTree(tree) ? tree : undefined;
}
