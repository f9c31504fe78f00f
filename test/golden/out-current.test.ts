import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { generate, type GenerateResult } from "../../generator/generate.js";
import { repoRoot } from "../support/cli.js";

const outDir = join(repoRoot, "out");
let result: GenerateResult;
beforeAll(() => {
  result = generate();
});

describe("the committed out/ is what the bundled specs generate", () => {
  test("every generated file is committed with the same bytes", () => {
    for (const file of result.files) {
      expect(readFileSync(join(outDir, file.path), "utf8"), `${file.path} is stale: run npm run gen`).toBe(file.content);
    }
  });

  test("out/go/rawsys holds no file the generator does not make", () => {
    const generated = new Set(result.files.map((f) => f.path));
    const onDisk = readdirSync(join(outDir, "go/rawsys")).map((f) => `go/rawsys/${f}`);
    expect(onDisk.filter((f) => !generated.has(f))).toEqual([]);
  });

  test("generating again gives byte-identical output", () => {
    const again = generate();
    expect(again.files).toEqual(result.files);
  });
});

describe("the Go output follows Go's conventions", () => {
  test("gofmt has nothing to change", () => {
    const run = spawnSync("gofmt", ["-l", join(outDir, "go/rawsys")], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
  });

  test("every file starts with the generated-code marker Go tools look for", () => {
    for (const file of result.files) {
      expect(file.content.split("\n")[0], file.path).toMatch(/^\/\/ Code generated .* DO NOT EDIT\.$/);
      expect(file.content.includes("\r"), file.path).toBe(false);
    }
  });

  test("per-arch files carry their arch's build constraint", () => {
    for (const file of result.files) {
      const arch = /_linux_([a-z0-9]+)\.go$/.exec(file.path)?.[1];
      const constraint = file.content.split("\n").find((l) => l.startsWith("//go:build "));
      if (arch) expect(constraint, file.path).toBe(`//go:build linux && ${arch}`);
      else expect(constraint, file.path).toMatch(/^\/\/go:build linux && \(386 \|\| amd64 \|\| .* \|\| s390x\)$/);
    }
  });

  test("the package imports nothing but syscall and unsafe", () => {
    for (const file of result.files) {
      const imports = [...file.content.matchAll(/^\s+"([^"]+)"$/gm)].map((m) => m[1]);
      for (const imported of imports) expect(["syscall", "unsafe"], file.path).toContain(imported);
      expect(file.content, file.path).not.toMatch(/^\/\/go:linkname|^import "C"|"golang\.org\/x\/sys/m);
    }
  });
});
