/**
 * The eprog example's Go helper (examples/eprog/helper), built as a kernel build would build it:
 * through examples/kbuild/protocol-helper.mk, included by a stand-in for Kbuild as eprog's driver
 * Makefile includes it, for amd64 and arm64.
 * The binaries are checked for what the kernel's .incbin needs (static, stripped, the right arch),
 * and each is run against peer.c, which plays the driver with the generated eprog.h over real
 * pipes set up as the User Mode Driver sets them up: amd64 natively, arm64 under qemu-user.
 *
 * The spec and the helper's sources are copied to a temporary directory, so the test writes nothing
 * into the repository (the fragment's proto-dir points the build there).
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../support/cli.js";
import { execCapture, execOrThrow, describeFailure } from "../support/exec.js";
import { goLimit } from "../support/limit.js";
import { requireTool } from "../support/require-tool.js";

const here = path.dirname(new URL(import.meta.url).pathname);
const example = path.join(repoRoot, "examples", "eprog");
const standin = path.join(here, "kbuild-standin.mk");
const syscallgen = `${process.execPath} ${path.join(repoRoot, "dist", "generator", "cli", "bin.js")}`;

interface Target {
  goarch: "amd64" | "arm64";
  /** What Kbuild would set for a kernel of this arch. */
  kbuild: string[];
  /** ELF e_machine. */
  machine: number;
  /** Words of `file`'s description. */
  fileSays: string;
  qemu: string | null;
}

const targets: Target[] = [
  { goarch: "amd64", kbuild: ["SRCARCH=x86", "CONFIG_64BIT=y"], machine: 62, fileSays: "x86-64", qemu: null },
  { goarch: "arm64", kbuild: ["SRCARCH=arm64", "CONFIG_64BIT=y"], machine: 183, fileSays: "ARM aarch64", qemu: "qemu-aarch64-static" },
];

/** What an ELF file's headers say: enough to know a blob the kernel can exec as it is. */
interface ElfFacts {
  bits: number;
  littleEndian: boolean;
  type: number;
  machine: number;
  /** PT_INTERP or PT_DYNAMIC present: the binary needs a loader or shared libraries. */
  dynamic: boolean;
  sections: string[];
}

function elfFacts(file: string): ElfFacts {
  const b = readFileSync(file);
  if (b.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${file} is not an ELF file`);
  if (b[4] !== 2) throw new Error(`${file}: only 64-bit ELF is read here`);
  const le = b[5] === 1;
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const u64 = (o: number) => Number(le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o));
  const [phoff, phentsize, phnum] = [u64(32), u16(54), u16(56)];
  const [shoff, shentsize, shnum, shstrndx] = [u64(40), u16(58), u16(60), u16(62)];
  let dynamic = false;
  for (let i = 0; i < phnum; i++) {
    const t = u32(phoff + i * phentsize);
    if (t === 2 || t === 3) dynamic = true; // PT_DYNAMIC, PT_INTERP
  }
  const strtab = u64(shoff + shstrndx * shentsize + 24);
  const sections: string[] = [];
  for (let i = 0; i < shnum; i++) {
    const name = strtab + u32(shoff + i * shentsize);
    sections.push(b.toString("latin1", name, b.indexOf(0, name)));
  }
  return { bits: 64, littleEndian: le, type: u16(16), machine: u16(18), dynamic, sections };
}

describe("examples/eprog: the Go helper built through protocol-helper.mk", () => {
  let work: string;
  let helperDir: string;
  let keep = false;
  const bins = new Map<string, string>();

  const make = (args: string[], timeoutMs = 10 * 60_000) =>
    execCapture("make", ["--no-print-directory", "-f", standin, `SYSCALLGEN=${syscallgen}`, `proto-dir=${work}`, ...args], { timeoutMs });

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "syscallgen-example-helper-"));
    helperDir = path.join(work, "helper");
    cpSync(path.join(example, "helper"), helperDir, { recursive: true, filter: (src) => path.basename(src) !== "gen" });
    cpSync(path.join(example, "eprog.ts"), path.join(work, "eprog.ts"));
    for (const t of targets) {
      const obj = path.join(work, t.goarch);
      const r = await goLimit(() => make([`obj=${obj}`, ...t.kbuild]));
      if (r.code !== 0) {
        keep = true;
        throw new Error(describeFailure(`building the ${t.goarch} helper`, r));
      }
      bins.set(t.goarch, path.join(obj, "eprog-helper"));
    }
    await execOrThrow("gcc peer.c", "gcc", ["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror", "-I", path.join(helperDir, "gen", "c"), "-o", path.join(work, "peer"), path.join(here, "peer.c")], { timeoutMs: 5 * 60_000 });
  });

  afterAll(() => {
    if (keep) console.log(`example helper: work directory kept at ${work}`);
    else if (work) rmSync(work, { recursive: true, force: true });
  });

  test("the helper imports only the generated packages and syscall: no fmt, no os", async () => {
    const env = { ...process.env, CGO_ENABLED: "0", GOOS: "linux", GOARCH: "amd64", GOTOOLCHAIN: "local" };
    const imports = await execOrThrow("go list", "go", ["list", "-f", "{{join .Imports \" \"}}", "."], { cwd: helperDir, env });
    expect(imports.stdout.trim().split(" ").sort()).toEqual(["eprog/helper/gen/go/eprog", "eprog/helper/gen/go/rawsys", "syscall"]);
    const deps = (await execOrThrow("go list -deps", "go", ["list", "-deps", "."], { cwd: helperDir, env })).stdout.trim().split("\n");
    expect(deps.filter((d) => ["fmt", "os", "time", "strconv", "reflect"].includes(d))).toEqual([]);
  });

  test.each(targets)("$goarch: a static, stripped ELF executable for the arch", (t) => {
    const bin = bins.get(t.goarch)!;
    const elf = elfFacts(bin);
    expect(elf).toMatchObject({ bits: 64, littleEndian: true, type: 2, machine: t.machine, dynamic: false });
    expect(elf.sections.filter((s) => s === ".symtab" || /^\.z?debug_/.test(s))).toEqual([]);
    requireTool("file");
    const file = spawnSync("file", ["-b", bin], { encoding: "utf8" });
    expect(file.status, file.stderr).toBe(0);
    expect(file.stdout).toContain(t.fileSays);
    expect(file.stdout).toContain("statically linked");
    expect(file.stdout).toMatch(/, stripped\s*$/);
  });

  test("the arch mapping covers every arch syscallgen supports, and fails clearly for others", async () => {
    const cases: Array<[string[], string]> = [
      [["SRCARCH=x86", "CONFIG_64BIT=y"], "GOARCH=amd64"],
      [["SRCARCH=x86"], "GOARCH=386"],
      [["SRCARCH=arm64", "CONFIG_64BIT=y"], "GOARCH=arm64"],
      [["SRCARCH=arm", "CONFIG_CPU_32v6K=y", "CONFIG_CPU_32v7=y", "CONFIG_VFP=y"], "GOARCH=arm GOARM=7"],
      [["SRCARCH=arm", "CONFIG_CPU_32v6=y", "CONFIG_CPU_32v6K=y", "CONFIG_CPU_32v7=y", "CONFIG_VFP=y"], "GOARCH=arm GOARM=6"],
      [["SRCARCH=arm", "CONFIG_CPU_32v7=y"], "GOARCH=arm GOARM=7,softfloat"],
      [["SRCARCH=arm", "CONFIG_CPU_32v5=y"], "GOARCH=arm GOARM=5"],
      [["SRCARCH=loongarch", "CONFIG_64BIT=y"], "GOARCH=loong64"],
      [["SRCARCH=mips", "CONFIG_CPU_BIG_ENDIAN=y", "CONFIG_MIPS_FP_SUPPORT=y"], "GOARCH=mips GOMIPS=hardfloat"],
      [["SRCARCH=mips", "CONFIG_CPU_LITTLE_ENDIAN=y"], "GOARCH=mipsle GOMIPS=softfloat"],
      [["SRCARCH=mips", "CONFIG_64BIT=y", "CONFIG_CPU_BIG_ENDIAN=y", "CONFIG_MIPS_FP_SUPPORT=y"], "GOARCH=mips64 GOMIPS64=hardfloat"],
      [["SRCARCH=mips", "CONFIG_64BIT=y", "CONFIG_CPU_LITTLE_ENDIAN=y", "CONFIG_MIPS_FP_SUPPORT=y"], "GOARCH=mips64le GOMIPS64=hardfloat"],
      [["SRCARCH=powerpc", "CONFIG_64BIT=y", "CONFIG_CPU_BIG_ENDIAN=y"], "GOARCH=ppc64"],
      [["SRCARCH=powerpc", "CONFIG_64BIT=y", "CONFIG_CPU_LITTLE_ENDIAN=y"], "GOARCH=ppc64le"],
      [["SRCARCH=riscv", "CONFIG_64BIT=y"], "GOARCH=riscv64"],
      [["SRCARCH=s390", "CONFIG_64BIT=y"], "GOARCH=s390x"],
      // No Go port: an empty GOARCH, which the build turns into an error.
      [["SRCARCH=arm64", "CONFIG_64BIT=y", "CONFIG_CPU_BIG_ENDIAN=y"], "GOARCH= "],
      [["SRCARCH=powerpc"], "GOARCH= "],
      [["SRCARCH=riscv"], "GOARCH= "],
      [["SRCARCH=sparc", "CONFIG_64BIT=y"], "GOARCH= "],
    ];
    const obj = `obj=${path.join(work, "goenv")}`;
    for (const [kbuild, want] of cases) {
      const r = await make(["goenv", obj, ...kbuild]);
      expect(r.code, r.output).toBe(0);
      expect(`${kbuild.join(" ")}: ${r.stdout.trim()}`).toBe(`${kbuild.join(" ")}: CGO_ENABLED=0 GOOS=linux ${want}${want.endsWith(" ") ? "" : " "}GOTOOLCHAIN=local`);
    }
    // Reading the fragment on such an arch is fine (make clean); building is a clear error.
    const r = await make([`obj=${path.join(work, "sparc")}`, "SRCARCH=sparc", "CONFIG_64BIT=y"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("eprog: no Go port for ARCH=sparc 64-bit little-endian");
  });

  test("a second make rebuilds nothing; a generated file edited by hand is put back and the helper rebuilt", async () => {
    const t = targets[0]!;
    const obj = path.join(work, t.goarch);
    const bin = bins.get(t.goarch)!;
    const header = path.join(helperDir, "gen", "c", "eprog.h");
    const mtimes = () => [statSync(bin).mtimeMs, statSync(header).mtimeMs];
    const before = mtimes();
    const again = await goLimit(() => make([`obj=${obj}`, ...t.kbuild]));
    expect(again.code, again.output).toBe(0);
    expect(again.output).toBe("");
    expect(mtimes()).toEqual(before);

    // syscallgen puts a generated file back as it was, and the helper is rebuilt from it.
    appendFileSync(path.join(helperDir, "gen", "go", "eprog", "conn.go"), "// stray edit\n");
    const regen = await goLimit(() => make([`obj=${obj}`, ...t.kbuild]));
    expect(regen.code, regen.output).toBe(0);
    expect(regen.stdout).toContain(`GO      ${bin} (amd64)`);
    expect(readFileSync(path.join(helperDir, "gen", "go", "eprog", "conn.go"), "utf8")).not.toContain("stray edit");
    expect(statSync(header).mtimeMs).toBe(before[1]);
  });

  /** Runs the peer against a helper command; throws with the whole conversation unless all passed. */
  async function converse(args: string[], checks: number): Promise<string> {
    const r = await execCapture(path.join(work, "peer"), args, { cwd: work, timeoutMs: 5 * 60_000 });
    const report = describeFailure("peer", r);
    // The peer prints its checks, the helper's log lines included, on stdout.
    if (r.code !== 0 || !r.stdout.includes(`\n${checks} passed, 0 failed\n`)) {
      keep = true;
      throw new Error(report);
    }
    expect(r.stdout, report).not.toMatch(/^FAIL/m);
    return r.stdout;
  }

  test("amd64: handshake, ping, 100 echo round trips, read_file, send_garbage, status, exit over real pipes", async () => {
    const out = await converse([bins.get("amd64")!], 21);
    for (const line of [
      /^helper: <6> helper ready$/m,
      /^ok +helper's hello: runtime version 1, features 0, name "eprog-helper"$/m,
      /^ok +pong with the ping's nonce/m,
      /^ok +100 of 100 echo round trips: data and a \+ b back$/m,
      /^ok +read_file \/proc\/version: status 0, \d+ bytes: Linux version /m,
      /^ok +read_file \/proc\/self\/root\/etc\/passwd refused: status -40 /m, // openat2: ELOOP
      /^ok +send_garbage: the malformed status is rejected: Bad message$/m,
      /^ok +the request after send_garbage is answered/m,
      /^ok +status counts 108 requests \(want 108\), 5 failures \(want 5\)$/m,
      /^helper: <3> exit requested by the driver: exiting with status 3$/m,
      /^ok +exit: helper exited 3, want 3$/m,
      /^ok +end of file from the driver: helper ready, then exit 0$/m,
    ]) expect(out).toMatch(line);
  });

  test("arm64 under qemu-user: the same conversation, 10 echo round trips", async () => {
    const qemu = targets[1]!.qemu!;
    requireTool(qemu);
    const out = await converse(["--short", qemu, bins.get("arm64")!], 21);
    expect(out).toMatch(/^ok +10 of 10 echo round trips/m);
    expect(out).toMatch(/^ok +exit: helper exited 3, want 3$/m);
  });

  test("amd64: the helper opens nothing outside /proc and /sys but the runtime's /dev/null", async () => {
    requireTool("strace");
    const log = path.join(work, "strace.log"); // -A: the peer starts the helper twice
    await converse(["--short", "strace", "-f", "-qq", "-A", "-e", "trace=%file,openat2", "-o", log, bins.get("amd64")!], 21);
    const paths = new Set<string>();
    for (const line of readFileSync(log, "utf8").split("\n")) {
      const m = /^\d+ +(\w+)\((?:AT_FDCWD|\d+), "([^"]*)"/.exec(line);
      if (m && m[1] !== "execve") paths.add(m[1] === "openat2" || !m[2]!.startsWith("/") ? `<beneath>/${m[2]}` : m[2]!);
    }
    const outside = [...paths].filter((p) => !/^(\/proc|\/sys)(\/|$)/.test(p) && !p.startsWith("<beneath>/") && p !== "/dev/null");
    expect(outside).toEqual([]);
    expect([...paths]).toContain("/proc");
    expect(existsSync(log)).toBe(true);
  });
});
