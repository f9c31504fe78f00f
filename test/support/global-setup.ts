/**
 * Runs once before the suite: finds the Linux 6.12 tree the kernel comparisons read, unpacking
 * Debian's linux-source-6.12 into the cache the first time, so `npm test` needs no setup step of
 * its own. Workers inherit the variable it sets.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const tarball = "/usr/src/linux-source-6.12.tar.xz";

export default function setup(): void {
  if (process.env.SYSCALLGEN_KERNEL_SRC) return;
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "syscallgen");
  const tree = join(cache, "linux-source-6.12");
  if (!existsSync(join(tree, "Makefile")) && existsSync(tarball)) {
    process.stderr.write(`test setup: unpacking ${tarball} into ${cache} (once)\n`);
    mkdirSync(cache, { recursive: true });
    const untar = spawnSync("tar", ["xf", tarball, "-C", cache], { stdio: "inherit" });
    if (untar.status !== 0) throw new Error(`tar xf ${tarball} failed`);
  }
  // Tests that need the tree fail with a message naming the variable when it is still missing.
  if (existsSync(join(tree, "Makefile"))) process.env.SYSCALLGEN_KERNEL_SRC = tree;
}
