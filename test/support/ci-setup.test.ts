/**
 * What a new machine needs stays written down in one place each way: every Debian package
 * .ci/run installs is named in the README's prerequisites, the README's Go and Node versions are
 * the ones the committed modules and package.json demand, the test setup downloads every module
 * a committed go.mod requires, and .ci/fresh really starts from an empty HOME and empty caches.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { goModulesWithRequirements } from "./go-downloads.js";
import { REPO_ROOT } from "./paths.js";
import { knownDebianPackages, missingToolMessage } from "./require-tool.js";

const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
/** The README's section on setup and the test command. */
const prerequisites = /^## The two commands\n([^]*?)^## /m.exec(readme)?.[1] ?? "";

/** The packages .ci/run installs, from its packages=( ... ) array. */
function ciPackages(): string[] {
  const script = readFileSync(path.join(REPO_ROOT, ".ci", "run"), "utf8");
  const list = /^packages=\(([^)]*)\)/m.exec(script)?.[1] ?? "";
  return list.split(/\s+/).filter((p) => p !== "");
}

/** The highest `go` directive among the committed go.mod files the tests build with. */
function newestGoDirective(): string {
  const versions = goModulesWithRequirements(REPO_ROOT).map((dir) => /^go (\d+\.\d+)/m.exec(readFileSync(path.join(dir, "go.mod"), "utf8"))?.[1] ?? "0.0");
  return versions.sort((a, b) => a.localeCompare(b, "en", { numeric: true })).at(-1) ?? "";
}

describe("the README's prerequisites", () => {
  test("name every Debian package .ci/run installs", () => {
    const packages = ciPackages();
    expect(packages.length).toBeGreaterThan(20);
    expect(packages.filter((p) => !new RegExp(`[\\s\`]${p.replace(/[.+]/g, "\\$&")}[\\s\`]`).test(prerequisites))).toEqual([]);
  });

  test("come from .ci/run for every tool whose absence names a package", () => {
    expect(knownDebianPackages().filter((p) => !ciPackages().includes(p))).toEqual([]);
  });

  test("give the Go version the test modules need, Node's from package.json, and the x/sys download", () => {
    const go = `Go ${newestGoDirective()} or later`;
    expect(prerequisites).toContain(go);
    expect(missingToolMessage("go")).toContain(go);
    expect(readFileSync(path.join(REPO_ROOT, ".ci", "run"), "utf8")).toContain(go);
    const node = /^>=(\d+)$/.exec(JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).engines.node)?.[1];
    expect(prerequisites).toContain(`Node ${node}`);
    expect(prerequisites).toMatch(/first run downloads `?golang\.org\/x\/sys`?/);
    expect(prerequisites).toContain(".ci/fresh");
  });
});

test("the test setup downloads the modules of every committed go.mod with requirements", () => {
  const found = goModulesWithRequirements(REPO_ROOT).map((d) => path.relative(REPO_ROOT, d));
  expect(found).toContain("test/go/xsys");
  // Cross-checked against every go.mod git tracks, so a module added anywhere cannot hide.
  const tracked = execFileSync("git", ["ls-files", "*go.mod"], { cwd: REPO_ROOT, encoding: "utf8" }).split("\n").filter((f) => f !== "");
  const requiring = tracked.filter((f) => /^require\b/m.test(readFileSync(path.join(REPO_ROOT, f), "utf8"))).map(path.dirname);
  expect(found).toEqual(requiring.sort());
});

test(".ci/fresh runs its command in a clone of HEAD with HOME, the Go, npm and kernel caches empty", () => {
  // Files are counted first: go and npm may leave logs behind once asked.
  const probe = [
    "set -e",
    'echo "files=$(find "$HOME" -type f | wc -l)" "nm=$(ls -d node_modules 2>/dev/null | wc -l)" "vars=$(env | grep -c "^SYSCALLGEN_" || true)"',
    'echo "cwd=$(pwd)" "head=$(git rev-parse HEAD)" "home=$HOME" "xdg=$XDG_CACHE_HOME"',
    'echo "gomodcache=$(go env GOMODCACHE)" "gocache=$(go env GOCACHE)" "gopath=$(go env GOPATH)" "npm=$(npm config get cache)"',
  ].join("\n");
  const out = execFileSync(path.join(REPO_ROOT, ".ci", "fresh"), ["sh", "-c", probe], {
    encoding: "utf8",
    env: { ...process.env, SYSCALLGEN_KERNEL_SRC: "/nowhere", GOMODCACHE: "/nowhere/mod", npm_config_cache: "/nowhere/npm" },
  });
  const got = Object.fromEntries([...out.matchAll(/(\w+)=(\S*)/g)].map((m) => [m[1], m[2]]));
  const home = got["home"] ?? "";
  expect(home).toMatch(/\/syscallgen-fresh\.[^/]+\/home$/);
  expect(got).toMatchObject({
    cwd: path.join(path.dirname(home), "src"),
    head: execFileSync("git", ["rev-parse", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim(),
    xdg: `${home}/.cache`,
    gomodcache: `${home}/go/pkg/mod`,
    gocache: `${home}/.cache/go-build`,
    gopath: `${home}/go`,
    npm: `${home}/.npm`,
    vars: "0",
    files: "0",
    nm: "0",
  });
  expect(out).toMatch(/^fresh: sh \.\.\. passed in \d+m\d\ds on a fresh clone of [0-9a-f]{40}$/m);
  // A passing run cleans up after itself.
  expect(readdirSync(path.dirname(path.dirname(home))).filter((f) => f === path.basename(path.dirname(home)))).toEqual([]);
});
