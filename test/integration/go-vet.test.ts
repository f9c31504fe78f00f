/**
 * `go vet` of the generated package on every GOARCH, without any tests: the
 * cheapest signal that each arch's file set compiles and is well formed.
 */
import { describe, test } from "vitest";
import { selectedArches } from "../support/arches.js";
import { goVet } from "../support/go-harness.js";
import { packageDir, requireDir } from "../support/paths.js";

const pkgDir = packageDir();

describe(`go vet ${pkgDir}`, () => {
  test.concurrent.each(selectedArches())("GOARCH=%s", async (arch) => {
    requireDir(pkgDir, "Generate it first (npm run gen) or point SYSCALLGEN_PKG_DIR at a package.");
    const r = await goVet(pkgDir, arch);
    if (!r.ok) throw new Error(r.output);
  }, 20 * 60_000);
});
