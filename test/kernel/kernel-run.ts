/**
 * Building a test kernel and booting it under qemu-system, and what the tests assert with on its
 * serial console: find a line, refuse a line, and fail with the console (the whole of it once,
 * then its path). The build and the boots of one kernel run with its cache directory locked.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type ConsoleReport, describeReports, type ReportKind, scanConsole, separateInterleaved } from "../support/console-scan.js";
import { type ExecResult, execCapture } from "../support/exec.js";
import {
  type BuiltKernel,
  buildInitramfs,
  cacheDir,
  configValue,
  DRIVERS,
  type KernelConfig,
  kernelTree,
  prepareKernel,
  requireKernelTools,
  withKernelCache,
} from "./kernel-build.js";

/** Parameters for init.sh, on the kernel command line (each reaches /init as an environment variable). */
export type InitParams = Readonly<Record<string, string | number>>;

/** A kernel line of the console: the printk timestamp, then re. */
export const kline = (re: string) => new RegExp(`^\\[[ \\d.]+\\] ${re}$`, "m");

/** One boot: what qemu did and what the serial console said. */
export interface Boot {
  readonly name: string;
  readonly qemu: ExecResult;
  readonly console: string;
  readonly consolePath: string;
}

export interface BuiltAndBooted {
  readonly kernel: BuiltKernel & { readonly dotConfig: string };
  readonly boots: readonly Boot[];
}

/**
 * Builds the kernel (a no-op make when nothing changed), packs its initramfs with its modules
 * and the given files (path in the initramfs → host file), and boots it once per entry of boots,
 * in order, all with its cache directory locked. Each boot's console is written to
 * console-<name>.log in the cache directory. Prints the timings.
 */
export async function buildAndBoot(
  config: KernelConfig,
  boots: readonly { readonly name: string; readonly params: (dotConfig: string) => InitParams }[],
  timeoutMs: number,
  files: Readonly<Record<string, string>> = {},
): Promise<BuiltAndBooted> {
  requireKernelTools(config.arch);
  const src = await kernelTree(config.series);
  const dir = cacheDir(src, config);
  return withKernelCache(dir, async () => {
    const kernel = await prepareKernel(src, dir, config);
    const initrd = path.join(dir, "initramfs.cpio");
    await buildInitramfs(initrd, config.arch, kernel.modules, files);
    const done: Boot[] = [];
    for (const b of boots) done.push(await boot(config, dir, kernel.image, initrd, b.name, b.params(kernel.dotConfig), timeoutMs));
    process.stdout.write(
      `kernel ${path.basename(dir)}: make ${(kernel.ms / 1000).toFixed(1)} s (log ${kernel.log}), ` +
        done.map((b) => `boot "${b.name}" ${(b.qemu.ms / 1000).toFixed(1)} s (console ${b.consolePath})`).join(", ") +
        "\n",
    );
    return { kernel, boots: done };
  });
}

async function boot(config: KernelConfig, dir: string, image: string, initrd: string, name: string, params: InitParams, timeoutMs: number): Promise<Boot> {
  const { arch } = config;
  const append = [`console=${arch.console}`, "panic=-1", ...Object.entries(params).map(([k, v]) => `${k}=${v}`)].join(" ");
  const consolePath = path.join(dir, `console-${name}.log`);
  rmSync(consolePath, { force: true });
  const qemu = await execCapture(
    arch.qemu,
    [
      ...arch.qemuArgs,
      // Multi-threaded TCG: the vCPUs really run at once, on as many host cores as there are.
      // One CPU per socket: a kernel without ACPI (tinyconfig) finds x86 CPUs in SeaBIOS's MP
      // table, which lists one per socket (-smp 4 alone is one socket of 4 cores: 1 CPU up).
      ...["-accel", "tcg,thread=multi", "-smp", `${config.cpus},sockets=${config.cpus},cores=1,threads=1`, "-m", String(config.memoryMb)],
      // The serial console goes to a file, not to a pipe: qemu's UART retries a byte its
      // non-blocking pipe write refused only a few times and then drops it (hw/char/serial.c,
      // MAX_XMIT_RETRY), so a busy reader lost characters ("KernelAddresanitizer"). A write to
      // a file always completes. qemu's own warnings go to stderr.
      ...["-display", "none", "-monitor", "none", "-serial", `file:${consolePath}`],
      ...["-no-reboot", "-kernel", image, "-initrd", initrd, "-append", append],
    ],
    { timeoutMs },
  );
  const console = existsSync(consolePath) ? readFileSync(consolePath, "utf8").replace(/\r/g, "") : "";
  writeFileSync(consolePath, console);
  return { name, qemu, console, consolePath };
}

/**
 * init.sh's parameters for a boot that runs every phase the kernel has a driver for (but the
 * drivers with a boot of their own), and no canary.
 */
export function testParams(dotConfig: string, extra: InitParams = {}): InitParams {
  const modules = DRIVERS.filter((d) => !d.ownBoot && configValue(dotConfig, d.symbol) === "m").map((d) => d.name);
  return {
    ...(configValue(dotConfig, "EPROG") === "y" ? { KTEST_EPROG: 1 } : {}),
    ...(modules.length ? { KTEST_MODULES: modules.join(",") } : {}),
    ...extra,
  };
}

/** A kind of report kcanary can provoke, and the report kinds the console scanner must see for it. */
export interface CanaryKind {
  readonly provoke: string;
  readonly reports: readonly ReportKind[];
}

/**
 * What kcanary can make this kernel report, in the order init.sh provokes them: lockdep first
 * (any taint that makes it unreliable turns it off: a KASAN report does), the hung task before
 * the BUG (after an Oops the detector stays quiet), the BUG last. Empty without kcanary as a
 * module.
 */
export function canaryKinds(dotConfig: string): CanaryKind[] {
  if (configValue(dotConfig, "KCANARY") !== "m") return [];
  const on = (option: string) => configValue(dotConfig, option) === "y";
  const kinds: CanaryKind[] = [];
  if (on("PROVE_LOCKING")) kinds.push({ provoke: "lockdep", reports: ["lockdep"] });
  if (on("DEBUG_ATOMIC_SLEEP")) kinds.push({ provoke: "sleep", reports: ["atomic-sleep"] });
  if (on("BUG")) kinds.push({ provoke: "warn", reports: ["warning"] });
  if (on("DEBUG_KMEMLEAK")) kinds.push({ provoke: "leak", reports: ["kmemleak"] });
  if (on("DETECT_HUNG_TASK")) kinds.push({ provoke: "hung", reports: ["hung-task"] });
  if (on("KASAN")) kinds.push({ provoke: "kasan", reports: ["kasan"] });
  if (on("BUG")) kinds.push({ provoke: "bug", reports: ["bug", "oops"] });
  return kinds;
}

/**
 * Assertions on one boot's console, failing with the console log. find, absent and count see the
 * log with each kernel line that interrupted a line of init.sh's on a line of its own; the
 * scanner reads it as it is (it looks for the kernel's text itself).
 */
export class ConsoleChecks {
  private logShown = false;
  /** The console as find, absent and count see it. */
  readonly log: string;

  constructor(readonly boot: Boot) {
    this.log = separateInterleaved(boot.console);
  }

  /** Fails with the whole serial console the first time, a pointer to it after that. */
  fail(message: string): never {
    const { qemu, console, consolePath } = this.boot;
    const qemuSaid = qemu.stderr.trim() === "" ? "" : `\n--- qemu's stderr ---\n${qemu.stderr}`;
    const log = this.logShown ? `(serial console printed above; also in ${consolePath})` : `--- serial console ---\n${console}\n--- end of serial console (${consolePath}) ---${qemuSaid}`;
    this.logShown = true;
    throw new Error(`${message}\n${log}`);
  }

  /** The first match of re in the console at or after offset from, and where it ends; fails if there is none. */
  find(re: RegExp, what: string, from = 0): { m: RegExpExecArray; at: number } {
    const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
    g.lastIndex = from;
    const m = g.exec(this.log);
    if (!m) this.fail(`${what}: no console line matches ${re}${from ? " after the previous step" : ""}`);
    return { m, at: m.index + m[0].length };
  }

  absent(re: RegExp, what: string): void {
    const m = re.exec(this.log);
    if (m) this.fail(`${what}: unexpected console line: ${m[0]}`);
  }

  count(re: RegExp): number {
    return this.log.match(new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`))?.length ?? 0;
  }

  /**
   * Fails when the console scanner finds a kernel report in lines fromLine..toLine (all by
   * default), with the reports, an excerpt around them and the log's path: these logs are long,
   * so the excerpt, not the whole log, is printed.
   */
  noReports(what: string, fromLine?: number, toLine?: number): void {
    const reports = scanConsole(this.boot.console, { fromLine, toLine });
    if (reports.length) {
      throw new Error(`${what}: ${describeReports(this.boot.console, reports, { logPath: this.boot.consolePath })}`);
    }
  }

  /** The scanner's reports in lines fromLine..toLine of the console as it is. */
  reports(fromLine?: number, toLine?: number): ConsoleReport[] {
    return scanConsole(this.boot.console, { fromLine, toLine });
  }

  /** The VM ran /init to its last line, with no failed check, and exited by the reboot. */
  ranToTheEnd(timeoutMs: number): void {
    const { qemu } = this.boot;
    if (qemu.timedOut) this.fail(`qemu did not exit within ${timeoutMs / 1000} s`);
    if (qemu.code !== 0) this.fail(`qemu exited ${qemu.code ?? qemu.signal}`);
    this.absent(/^(?:EPROG-TEST|KTEST) FAIL .*$/m, "init.sh");
    this.find(/^KTEST DONE failures=0$/m, "init.sh's last line");
  }
}
