/**
 * A real round trip over real pipes: the C peer (user-space side of the generated demo.h) starts
 * the Go helper (the generated demo, sgwire and rawsys packages) on fds 0 and 1 as the User Mode
 * Driver does, and every golden vector crosses in each direction its message may travel, each
 * checked field by field at the far end. Natively on amd64, and on big-endian s390x under
 * qemu-user, where the two ends must agree on the little-endian wire while neither's memory is.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { describeFailure, execCapture, execOrThrow } from "../../support/exec.js";
import { findOnPath } from "../../support/require-tool.js";
import { goEnv } from "../../support/go-harness.js";
import { goLimit } from "../../support/limit.js";
import { repoRoot, runCli } from "../../support/cli.js";
import type { GoArch } from "../../support/arches.js";
import { cExpected } from "./c-expected.js";
import { demoConversation } from "./conversation.js";
import { goExpected } from "./go-expected.js";

const here = path.dirname(new URL(import.meta.url).pathname);
const conversation = demoConversation();
const frames = conversation.toHelper.length + conversation.toKernel.length;

interface Target {
  name: string;
  cc: string;
  ccFlags: string[];
  goarch: GoArch;
  /** The qemu-user binary both ends run under, or null to run natively. */
  qemu: string | null;
  /** Debian packages that provide the tools. */
  packages: string;
}

const targets: Target[] = [
  { name: "amd64", cc: "gcc", ccFlags: [], goarch: "amd64", qemu: null, packages: "gcc libc6-dev" },
  { name: "s390x", cc: "s390x-linux-gnu-gcc", ccFlags: ["-static"], goarch: "s390x", qemu: "qemu-s390x-static", packages: "gcc-s390x-linux-gnu libc6-dev-s390x-cross qemu-user-static" },
];

/**
 * Whether the kernel runs s390x binaries through binfmt_misc. If not, the peer, itself under qemu,
 * could not exec the helper directly (the kernel would refuse the foreign ELF), so it is given
 * qemu's command line instead: qemu-user passes execve of a host binary to the kernel unchanged.
 */
function binfmtRuns(qemuName: string): boolean {
  const entry = `/proc/sys/fs/binfmt_misc/${qemuName.replace(/-static$/, "")}`;
  return existsSync(entry) && readFileSync(entry, "utf8").startsWith("enabled");
}

describe("C peer <-> Go helper round trip over pipes, every vector both ways", () => {
  let work: string;
  let keep = false;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "syscallgen-roundtrip-"));
    const gen = path.join(work, "gen");
    const demo = path.join(repoRoot, "specs", "protocols", "demo.ts");
    const cli = runCli(["gen", "--arch", "all", "--out", gen, "--protocol", demo, "--go-import-prefix", "syscallgen.local/go"]);
    if (cli.status !== 0) throw new Error(`syscallgen gen exited ${cli.status}\n${cli.stdout}\n${cli.stderr}`);
    writeFileSync(path.join(work, "expected.inc"), cExpected(conversation));
    // The import path the generated demo package names for rawsys.
    const mod = path.join(work, "gomod");
    mkdirSync(path.join(mod, "helper"), { recursive: true });
    writeFileSync(path.join(mod, "go.mod"), "module syscallgen.local/go\n\ngo 1.22\n");
    for (const pkg of ["rawsys", "sgwire", "demo"]) cpSync(path.join(gen, "go", pkg), path.join(mod, pkg), { recursive: true });
    cpSync(path.join(here, "helper", "main.go"), path.join(mod, "helper", "main.go"));
    writeFileSync(path.join(mod, "helper", "expected.go"), goExpected(conversation));
  });

  afterAll(() => {
    if (keep) console.log(`round trip: work directory kept at ${work}`);
    else if (work) rmSync(work, { recursive: true, force: true });
  });

  test("the conversation has every message in each direction it may travel", () => {
    const names = (fs: typeof conversation.toHelper) => [...new Set(fs.map((f) => f.message.name))].sort();
    const ir = conversation.ir;
    expect(names(conversation.toHelper)).toEqual(ir.messages.filter((m) => m.direction !== "to-kernel").map((m) => m.name).sort());
    expect(names(conversation.toKernel)).toEqual(ir.messages.filter((m) => m.direction !== "to-helper").map((m) => m.name).sort());
    const seqs = [...conversation.toHelper, ...conversation.toKernel].map((f) => f.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).not.toContain(0);
  });

  test.concurrent.each(targets)("$name", async (t) => {
    const missing = [t.cc, ...(t.qemu ? [t.qemu] : [])].filter((c) => findOnPath(c) === null);
    if (missing.length > 0) throw new Error(`${t.name}: ${missing.join(", ")} not found: install the Debian packages ${t.packages} (.ci/run does)`);
    const dir = path.join(work, t.name);
    mkdirSync(dir);
    const peer = path.join(dir, "peer");
    const helper = path.join(dir, "helper");
    try {
      await goLimit(async () => {
        const cc = [...t.ccFlags, "-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror", "-I", path.join(work, "gen", "c"), "-I", work, "-o", peer, path.join(here, "peer.c")];
        await execOrThrow(`${t.cc} peer.c`, t.cc, cc, { timeoutMs: 5 * 60_000 });
        const mod = path.join(work, "gomod");
        await execOrThrow(`go vet helper (${t.goarch})`, "go", ["vet", "./helper"], { cwd: mod, env: goEnv(t.goarch), timeoutMs: 10 * 60_000 });
        await execOrThrow(`go build helper (${t.goarch})`, "go", ["build", "-o", helper, "./helper"], { cwd: mod, env: goEnv(t.goarch), timeoutMs: 10 * 60_000 });
      });
      const helperCmd = t.qemu && !binfmtRuns(t.qemu) ? [findOnPath(t.qemu)!, helper] : [helper];
      const [file, ...args] = t.qemu ? [t.qemu, peer, ...helperCmd] : [peer, ...helperCmd];
      // A group, so a timeout kills the helper (and any qemu) too: it shares the peer's stderr,
      // and a survivor would hold the output pipe open.
      const r = await execCapture(file!, args, { cwd: dir, timeoutMs: 5 * 60_000, killGroup: true });
      const report = describeFailure(t.name, r);
      console.log(report);
      // The peer prints its verdicts, the helper's log lines included, on stdout.
      if (r.code !== 0 || !r.stdout.includes(`\n${frames} passed, 0 failed\n`)) throw new Error(report);
      expect(r.stdout.match(/^(ok {3}|helper: ok {3})/gm)?.length).toBe(frames);
    } catch (err) {
      keep = true;
      throw err;
    }
  });
});
