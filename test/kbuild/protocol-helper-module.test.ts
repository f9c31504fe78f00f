/**
 * examples/kbuild/protocol-helper.mk in a real external-module build: the fwscan example driver
 * as a user outside the kernel tree would keep it, one directory with the driver's sources, the
 * spec and the helper's Go module in helper/, built with `make M=` against the prepared 6.12 tree.
 * Under M= $(obj) is that absolute directory, so Kbuild's pattern rule for $(obj)/%.mod (a
 * module's list of objects) also matches helper/go.mod, a dependency of the helper, and would
 * rewrite it; the fragment's explicit rule for go.mod keeps it whole. A second make must rebuild
 * nothing.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { preparedKbuildDir } from "../protocol/c/c-support.js";
import { externalModuleDir, makeExternalModule } from "./external-module.js";

const work = mkdtempSync(path.join(tmpdir(), "syscallgen-protocol-module-"));
let keep = false;

afterAll(() => {
  if (keep) console.log(`protocol-helper.mk module build: work directory kept at ${work}`);
  else rmSync(work, { recursive: true, force: true });
});

test("fwscan builds as an external module with make M=, and its helper's go.mod stays as it was", () => {
  const driver = externalModuleDir("fwscan", work);
  const goMod = path.join(driver, "helper", "go.mod");
  const before = readFileSync(goMod, "utf8");
  const make = () => {
    const r = makeExternalModule(preparedKbuildDir(), "fwscan", driver);
    if (r.status !== 0) keep = true;
    expect(r.status, r.output).toBe(0);
    return r.output;
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
