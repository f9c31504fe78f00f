import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot, runCli } from "../support/cli.js";

const work = mkdtempSync(join(tmpdir(), "syscallgen-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("usage errors exit 2 with a usage hint", () => {
  test("no command", () => {
    const run = runCli([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: syscallgen");
  });
  test("unknown option", () => {
    const run = runCli(["gen", "--arch", "amd64", "--frobnicate"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option '--frobnicate'");
  });
  test("gen without --arch", () => {
    const run = runCli(["gen"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--arch");
  });
  test("an unknown arch lists the valid ones", () => {
    const run = runCli(["gen", "--arch", "amd64,sparc64", "--out", join(work, "never")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown arch `sparc64`");
    for (const arch of ["386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64", "ppc64le", "riscv64", "s390x"]) {
      expect(run.stderr).toContain(arch);
    }
    expect(existsSync(join(work, "never"))).toBe(false);
  });
  test("a --protocol file that does not exist", () => {
    const run = runCli(["gen", "--arch", "amd64", "--out", join(work, "never"), "--protocol", join(work, "nope.ts")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("nope.ts: no such file");
    expect(existsSync(join(work, "never"))).toBe(false);
  });
  test("a --specs folder that is not one", () => {
    const run = runCli(["list", "--specs", work]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("not a specs folder");
  });
  test("import of a folder that is not a kernel tree", () => {
    const run = runCli(["import", "--kernel", work]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("not a Linux source tree");
  });
});

describe("--help on every command shows examples", () => {
  test.each([[[]], [["gen"]], [["list"]], [["import"]]])("%j --help", (args) => {
    const run = runCli([...args, "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage: syscallgen");
    if (args.length > 0) expect(run.stdout).toContain("Examples:");
  });
});

test("--version prints the package's version", () => {
  const run = runCli(["--version"]);
  expect(run.stdout).toBe(`${JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).version}\n`);
  expect(run.status).toBe(0);
});

describe("gen writes only what changed, and --check finds stale files", () => {
  const out = join(work, "out");
  const mtimes = () => Object.fromEntries(readdirSync(join(out, "go/rawsys")).map((f) => [f, statSync(join(out, "go/rawsys", f)).mtimeMs]));

  test("one arch writes the shared files and that arch's files", () => {
    const run = runCli(["gen", "--arch", "arm64", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const files = readdirSync(join(out, "go/rawsys")).sort();
    expect(files.filter((f) => /_linux_[a-z0-9]+\.go$/.test(f)).every((f) => f.endsWith("_arm64.go"))).toBe(true);
    expect(files).toContain("zsysnum_linux_arm64.go");
    expect(files).toContain("rawsys.go");
  });

  test("the same output as the committed all-arch package, byte for byte", () => {
    for (const file of readdirSync(join(out, "go/rawsys"))) {
      expect(readFileSync(join(out, "go/rawsys", file), "utf8"), file).toBe(readFileSync(join(repoRoot, "out/go/rawsys", file), "utf8"));
    }
  });

  test("a rerun touches nothing", () => {
    const before = mtimes();
    const run = runCli(["gen", "--arch", "arm64", "--out", out]);
    expect(run.status).toBe(0);
    expect(mtimes()).toEqual(before);
  });

  test("a rerun after a file was edited rewrites that file only", () => {
    const edited = join(out, "go/rawsys/zsysnum_linux_arm64.go");
    writeFileSync(edited, "// edited\n");
    const before = mtimes();
    const run = runCli(["gen", "--arch", "arm64", "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("1 written");
    const after = mtimes();
    for (const [file, mtime] of Object.entries(before)) {
      if (file === "zsysnum_linux_arm64.go") expect(after[file]).not.toBe(mtime);
      else expect(after[file], file).toBe(mtime);
    }
  });

  test("--check exits 1 and names stale and missing files, writing nothing", () => {
    writeFileSync(join(out, "go/rawsys/zsyscall_linux_arm64.go"), "// stale\n");
    rmSync(join(out, "go/rawsys/ztypes_linux_arm64.go"));
    const run = runCli(["gen", "--arch", "arm64", "--out", out, "--check"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("stale: go/rawsys/zsyscall_linux_arm64.go");
    expect(run.stdout).toContain("missing: go/rawsys/ztypes_linux_arm64.go");
    expect(readFileSync(join(out, "go/rawsys/zsyscall_linux_arm64.go"), "utf8")).toBe("// stale\n");
  });

  test("--check on the committed out/ passes", () => {
    const run = runCli(["gen", "--arch", "all", "--out", join(repoRoot, "out"), "--check"]);
    expect(run.stdout).toContain("current");
    expect(run.status).toBe(0);
  });
});

describe("spec errors exit 1 and write nothing", () => {
  test("a broken spec folder", () => {
    const specs = join(work, "bad-specs");
    cpSync(join(repoRoot, "specs"), specs, { recursive: true });
    const file = join(specs, "syscalls/file-io.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('kernel: "close"', 'kernel: "clsoe"'));
    const out = join(work, "bad-out");
    const run = runCli(["gen", "--arch", "all", "--specs", specs, "--out", out], work);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^bad-specs\/syscalls\/file-io\.ts:\d+:\d+: error: Close: unknown syscall `clsoe`/m);
    expect(run.stderr).toContain("nothing was written");
    expect(existsSync(out)).toBe(false);
  });
});
