/**
 * The rawsys runtime, generator/syscall/runtime/support.go, tested directly: its own Go tests
 * (support_test.go beside it, package rawsys) built with it alone and run on each selected arch,
 * natively or under qemu-user; and what the generator reads from it.
 */
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { supportPath, supportSourceAs, supportTypes } from "../../../generator/syscall/runtime/support.js";
import { selectedArches } from "../../support/arches.js";
import { assertGoTestsPassed, buildAndRunGoTests } from "../../support/go-harness.js";
import { REPO_ROOT } from "../../support/paths.js";

const runtimeDir = join(REPO_ROOT, "generator/syscall/runtime");

describe("support.go's own Go tests", () => {
  test.concurrent.each(selectedArches())("GOARCH=%s", async (arch) => {
    // The module gets support.go and the tests beside it, nothing generated.
    assertGoTestsPassed(await buildAndRunGoTests({ pkgDir: runtimeDir, testDir: runtimeDir, arch }));
  }, 10 * 60_000);
});

describe("what the generator reads from support.go", () => {
  test("the types specs may point to are the exported types it declares", () => {
    expect(supportPath).toBe("generator/syscall/runtime/support.go");
    expect(supportTypes()).toEqual(["WaitStatus"]);
    expect(supportTypes("package rawsys\n\ntype Big uint64\n\ntype small int\n\ntype Pair struct {\n\tA, B int\n}\n")).toEqual(["Big", "Pair"]);
  });

  test("a grouped type declaration is refused rather than read in part", () => {
    expect(() => supportTypes("package rawsys\n\ntype (\n\tA int\n\tB int\n)\n")).toThrow("declare each type on its own");
  });

  test("the package clause and the package comment are renamed, nothing else", () => {
    const source = "// Package rawsys does things; rawsys is its name.\npackage rawsys\n\n// rawsysSize is not renamed.\nconst rawsysSize = 1\n";
    expect(supportSourceAs("mysys", source)).toBe("// Package mysys does things; rawsys is its name.\npackage mysys\n\n// rawsysSize is not renamed.\nconst rawsysSize = 1\n");
    expect(() => supportSourceAs("mysys", "package other\n")).toThrow("expected `// Package rawsys ` and `package rawsys`");
  });
});
