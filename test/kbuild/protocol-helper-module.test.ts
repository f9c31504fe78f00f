/**
 * examples/kbuild/protocol-helper.mk in a real external-module build: the fwscan example driver
 * as a user outside the kernel tree would keep it, one directory with the driver's sources, the
 * spec and the helper's Go module in helper/, built with `make M=` against the prepared 6.12 tree.
 * Under M= $(obj) is that absolute directory, so Kbuild's pattern rule for $(obj)/%.mod (a
 * module's list of objects) also matches helper/go.mod, a dependency of the helper, and would
 * rewrite it; the fragment's explicit rule for go.mod keeps it whole. A second make must rebuild
 * nothing.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { repoRoot } from "../support/cli.js";
import { preparedKbuildDir } from "../protocol/c/c-support.js";

const syscallgen = `${process.execPath} ${path.join(repoRoot, "dist", "generator", "cli", "bin.js")}`;
const work = mkdtempSync(path.join(tmpdir(), "syscallgen-protocol-module-"));
let keep = false;

afterAll(() => {
  if (keep) console.log(`protocol-helper.mk module build: work directory kept at ${work}`);
  else rmSync(work, { recursive: true, force: true });
});

test("fwscan builds as an external module with make M=, and its helper's go.mod stays as it was", () => {
  const example = path.join(repoRoot, "examples", "fwscan");
  const driver = path.join(work, "fwscan");
  cpSync(path.join(example, "driver"), driver, { recursive: true });
  cpSync(path.join(example, "fwscan.ts"), path.join(driver, "fwscan.ts"));
  cpSync(path.join(example, "helper"), path.join(driver, "helper"), { recursive: true, filter: (src) => path.basename(src) !== "gen" });
  const makefile = path.join(driver, "Makefile");
  const fragment = path.join(repoRoot, "examples", "kbuild", "protocol-helper.mk");
  const text = readFileSync(makefile, "utf8");
  const edited = text.replace("proto-dir := $(realpath $(src)/..)", "proto-dir := $(src)").replace("include $(proto-dir)/../kbuild/protocol-helper.mk", `include ${fragment}`);
  expect(edited).not.toBe(text);
  writeFileSync(makefile, edited);
  const goMod = path.join(driver, "helper", "go.mod");
  const before = readFileSync(goMod, "utf8");
  // The prepared tree has no Module.symvers, and its defconfig no USERMODE_DRIVER: modpost's
  // missing symbols are warnings.
  const make = () => {
    const r = spawnSync("make", ["-C", preparedKbuildDir(), `M=${driver}`, "CONFIG_FWSCAN=m", "KBUILD_MODPOST_WARN=1", `SYSCALLGEN=${syscallgen}`, "modules"],
      { encoding: "utf8", timeout: 10 * 60_000 });
    const output = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) keep = true;
    expect(r.status, output).toBe(0);
    return output;
  };
  const first = make();
  expect(first).toContain(`GO      ${driver}/fwscan-helper (amd64)`);
  expect(readFileSync(goMod, "utf8")).toBe(before);
  const ko = path.join(driver, "fwscan.ko");
  expect(statSync(ko).size).toBeGreaterThan(statSync(path.join(driver, "fwscan-helper")).size);
  const mtime = statSync(ko).mtimeMs;
  const again = make();
  expect(again).not.toContain("GO      ");
  expect(statSync(ko).mtimeMs).toBe(mtime);
}, 15 * 60_000);
