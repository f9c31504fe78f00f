/**
 * The eprog example end to end, once per arch in ARCHES (x86_64, arm64): a Linux 6.12 tinyconfig
 * kernel with the eprog driver built in (its Go helper cross-built for the kernel's arch and
 * embedded by the driver's Makefile), booted under qemu with TCG. The initramfs's /init (init.sh)
 * drives the driver through debugfs; this file asserts on the serial console: the driver's own log
 * lines and init.sh's "EPROG-TEST ..." lines. Run with `npm run test:kernel`; not part of `npm test`.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { type ExecResult, execCapture } from "../support/exec.js";
import { ARCHES, buildInitramfs, buildKernel, cacheDir, configure, kernelSource, prepareTree, requireKernelTools } from "./kernel-build.js";

const ROUND_TRIPS = 100;
// The boot and the whole script take seconds (x86_64) to a minute or so (arm64) under TCG on two
// cores; the bound is for slow hosts.
const BOOT_TIMEOUT_MS = 10 * 60_000;

// The arches run one after the other (vitest runs a file's suites in order): each build uses
// every core already.
describe.each(ARCHES.map((a) => [a.name, a] as const))("eprog on %s", (_name, arch) => {
  let qemu: ExecResult;
  let consoleLog = "";
  let consolePath = "";
  let logShown = false;

  beforeAll(async () => {
    requireKernelTools(arch);
    const dir = cacheDir(arch);
    const tree = await prepareTree(kernelSource(), dir);
    const build = path.join(dir, "build");
    await configure(tree, build, arch);
    const kernel = await buildKernel(tree, build, arch);
    const initrd = path.join(dir, "initramfs.cpio");
    await buildInitramfs(initrd, arch);

    qemu = await execCapture(
      arch.qemu,
      [
        ...arch.qemuArgs,
        ...["-accel", "tcg", "-nographic", "-no-reboot", "-m", "256"],
        ...["-kernel", kernel.image, "-initrd", initrd],
        // Unknown name=value parameters reach /init as its environment.
        ...["-append", `console=${arch.console} panic=-1 ROUND_TRIPS=${ROUND_TRIPS}`],
      ],
      { timeoutMs: BOOT_TIMEOUT_MS },
    );
    // -nographic puts the serial console on stdout; qemu's own warnings go to stderr.
    consoleLog = qemu.stdout.replace(/\r/g, "");
    consolePath = path.join(dir, "console.log");
    writeFileSync(consolePath, consoleLog);
    process.stdout.write(
      `eprog kernel test (${arch.name}): make ${(kernel.ms / 1000).toFixed(1)} s (log ${kernel.log}), ` +
        `qemu boot to reboot ${(qemu.ms / 1000).toFixed(1)} s (console ${consolePath})\n`,
    );
  }, 90 * 60_000);

  /** Fails with the whole serial console the first time, a pointer to it after that. */
  function fail(message: string): never {
    const qemuSaid = qemu.stderr.trim() === "" ? "" : `\n--- qemu's stderr ---\n${qemu.stderr}`;
    const log = logShown ? `(serial console printed above; also in ${consolePath})` : `--- serial console ---\n${consoleLog}\n--- end of serial console ---${qemuSaid}`;
    logShown = true;
    throw new Error(`${message}\n${log}`);
  }

  /** The first match of re in the console, and where it is; fails if there is none. */
  function find(re: RegExp, what: string, from = 0): { m: RegExpExecArray; at: number } {
    const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
    g.lastIndex = from;
    const m = g.exec(consoleLog);
    if (!m) fail(`${what}: no console line matches ${re}${from ? " after the previous step" : ""}`);
    return { m, at: m.index + m[0].length };
  }

  function absent(re: RegExp, what: string): void {
    const m = re.exec(consoleLog);
    if (m) fail(`${what}: unexpected console line: ${m[0]}`);
  }

  test("the VM runs /init to the end and reboots", () => {
    if (qemu.timedOut) fail(`qemu did not exit within ${BOOT_TIMEOUT_MS / 1000} s`);
    if (qemu.code !== 0) fail(`qemu exited ${qemu.code ?? qemu.signal}`);
    absent(/^EPROG-TEST FAIL .*$/m, "init.sh");
    find(/^EPROG-TEST DONE failures=0$/m, "init.sh's last line");
  });

  test("the helper starts from the image and the handshake completes", () => {
    find(/^\[[ \d.]+\] eprog: helper of \d+ bytes loaded$/m, "blob loaded");
    find(/^\[[ \d.]+\] eprog: handshake ok \(protocol 1\), helper "eprog-helper" pid \d+$/m, "handshake");
    find(/^EPROG-TEST PASS handshake: helper pid \d+ up$/m, "init.sh sees the helper up");
    // /dev/null is in the initramfs, so the first start works (see buildInitramfs).
    absent(/eprog: helper failed before the handshake.*/, "first start");
  });

  test(`${ROUND_TRIPS} echo round trips carry text and a + b both ways`, () => {
    const { m } = find(/^EPROG-TEST PASS round trips: (\d+)\/(\d+)$/m, "round trips");
    expect(Number(m[1])).toBe(ROUND_TRIPS);
    expect(Number(m[2])).toBe(ROUND_TRIPS);
    find(/^EPROG-TEST PASS 127-byte text$/m, "the longest text");
  });

  test("helper log lines are printed at their printk level", () => {
    // dmesg -r shows the record's level: <6> is KERN_INFO, the level the helper logs at.
    find(/^EPROG-TEST kmsg: <6>\[[ \d.]+\] eprog: helper ready$/m, "helper ready at info level");
    find(/^\[[ \d.]+\] eprog: helper ready$/m, "helper ready on the console");
  });

  test("read_file returns the start of /proc/version", () => {
    find(/^EPROG-TEST PASS read_file \/proc\/version: status=0 value=\d+ data=Linux version 6\.12/m, "read_file");
  });

  test("a malformed frame is rejected with -EBADMSG and the driver carries on", () => {
    const bad = find(/^\[[ \d.]+\] eprog: malformed frame from helper: -74 \(seq \d+\), carrying on$/m, "malformed frame");
    const rejected = find(/^EPROG-TEST PASS garbage: request failed with error=-74, badmsg 1$/m, "the request fails", bad.at);
    find(/^EPROG-TEST PASS after garbage: same helper pid \d+ answers$/m, "the next request", rejected.at);
    absent(/eprog: dropping the helper's stream.*/, "the stream stays in step");
  });

  test("a helper that exits or is killed is detected and respawned, and traffic resumes", () => {
    const exited = find(/^\[[ \d.]+\] eprog: helper died \(exit code 3\), respawning$/m, "death by exit");
    const back1 = find(/^\[[ \d.]+\] eprog: handshake ok \(protocol 1\).*$/m, "handshake after the exit", exited.at);
    const pass1 = find(/^EPROG-TEST PASS exit: respawned, pid \d+ -> \d+$/m, "traffic after the exit", back1.at);
    const killed = find(/^\[[ \d.]+\] eprog: helper died \(killed by signal 9\), respawning$/m, "death by SIGKILL", pass1.at);
    const back2 = find(/^\[[ \d.]+\] eprog: handshake ok \(protocol 1\).*$/m, "handshake after the kill", killed.at);
    const pass2 = find(/^EPROG-TEST PASS kill: respawned, pid \d+ -> \d+$/m, "traffic after the kill", back2.at);
    find(/^EPROG-TEST PASS post-respawn round trips: 10\/10$/m, "round trips on the new helper", pass2.at);
    find(/^EPROG-TEST stats: respawns: 2$/m, "respawn count");
  });

  test("the helper's status messages arrive", () => {
    find(/^EPROG-TEST PASS status messages: [1-9]\d*, uptime_ms=\d+ requests=\d+ failures=\d+ max_rss_kb=\d+$/m, "status");
  });

  test("reboot stops the helper in order and the kernel shuts down cleanly", () => {
    const done = find(/^EPROG-TEST DONE failures=0$/m, "init.sh done");
    const stopped = find(/^\[[ \d.]+\] eprog: helper stopped \(killed by signal 9\), shut down$/m, "helper stopped", done.at);
    find(/^\[[ \d.]+\] reboot: Restarting system$/m, "reboot", stopped.at);
    absent(/^.*(Kernel panic|BUG:|WARNING:|Oops|Call Trace|hung_task|blocked for more than).*$/m, "kernel health");
  });
});
