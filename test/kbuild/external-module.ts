/**
 * An example driver laid out as a user outside the kernel tree keeps it: one directory with the
 * driver's sources, the protocol spec and the helper's Go module in helper/, its Makefile pointed
 * at that directory and at examples/kbuild/protocol-helper.mk. Built with `make M=`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../support/cli.js";

/** The CLI the fragment runs, from the built dist/. */
const syscallgen = `${process.execPath} ${path.join(repoRoot, "dist", "generator", "cli", "bin.js")}`;

/** The examples that embed a helper, each with its Kconfig symbol. */
export const EXAMPLE_MODULES = { eprog: "CONFIG_EPROG", fwscan: "CONFIG_FWSCAN" } as const;

/** One of {@link EXAMPLE_MODULES}. */
export type ExampleModule = keyof typeof EXAMPLE_MODULES;

/** Copies examples/<name> into work/<name> as one external-module directory; returns it. */
export function externalModuleDir(name: ExampleModule, work: string): string {
  const example = path.join(repoRoot, "examples", name);
  const driver = path.join(work, name);
  cpSync(path.join(example, "driver"), driver, { recursive: true });
  cpSync(path.join(example, `${name}.ts`), path.join(driver, `${name}.ts`));
  cpSync(path.join(example, "helper"), path.join(driver, "helper"), { recursive: true, filter: (src) => path.basename(src) !== "gen" });
  const makefile = path.join(driver, "Makefile");
  const fragment = path.join(repoRoot, "examples", "kbuild", "protocol-helper.mk");
  const text = readFileSync(makefile, "utf8");
  const edited = text.replace("proto-dir := $(realpath $(dir $(lastword $(MAKEFILE_LIST)))..)", "proto-dir := $(src)").replace("include $(proto-dir)/../kbuild/protocol-helper.mk", `include ${fragment}`);
  if (edited === text) throw new Error(`${makefile} no longer has the lines this layout rewrites`);
  writeFileSync(makefile, edited);
  return driver;
}

/** `make M=` of such a directory against a prepared kernel build directory: its status and output. */
export function makeExternalModule(kbuild: string, name: ExampleModule, driver: string, extra: string[] = []): { status: number | null; output: string } {
  // A prepared tree has no Module.symvers, and a defconfig no USERMODE_DRIVER: modpost's
  // missing symbols are warnings.
  const r = spawnSync("make", ["-C", kbuild, `M=${driver}`, `${EXAMPLE_MODULES[name]}=m`, "KBUILD_MODPOST_WARN=1", `SYSCALLGEN=${syscallgen}`, ...extra, "modules"],
    { encoding: "utf8", timeout: 10 * 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
