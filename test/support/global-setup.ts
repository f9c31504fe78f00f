/**
 * Runs once before the suite, so `npm test` needs no setup step of its own: downloads the Go
 * modules the test modules require (the first run fetches golang.org/x/sys), and finds the Linux
 * 6.12 tree the kernel comparisons read, unpacking Debian's linux-source-6.12 into the cache the
 * first time. Workers inherit the variable it sets.
 */
import { downloadGoModules, goModulesWithRequirements } from "./go-downloads.js";
import { findKernelTree } from "./kernel-tree.js";
import { REPO_ROOT } from "./paths.js";
import { requireTool } from "./require-tool.js";

export default async function setup(): Promise<void> {
  requireTool("go");
  await downloadGoModules(goModulesWithRequirements(REPO_ROOT), REPO_ROOT);
  // Tests that need the tree fail with a message naming the package when it is still missing.
  const tree = findKernelTree();
  if (tree !== undefined) process.env.SYSCALLGEN_KERNEL_SRC = tree;
}
