/**
 * Building a test kernel: a copy of the Linux tree with the drivers the tests need hooked into
 * drivers/misc (the eprog example, and kcanary, the tests' own module), tinyconfig plus config
 * fragments, built out of tree into the cache so that a rerun with nothing changed only walks
 * make's dependency graph; its modules, if the config has any; and a busybox initramfs whose
 * /init is init.sh, with the modules in /lib/modules. Everything that differs between arches is
 * in {@link ARCHES}, and between kernels of one arch in {@link KernelConfig}; the code path is one.
 *
 * The copy is made of hard links (cp -al): the original tree is shared with other tests and must
 * not change, so the two files this edits are written to a new file renamed over the link, which
 * leaves the original's inode alone, and the build writes only into its O= directory.
 *
 * The cache: one directory per kernel version, arch and variant (kernel-6.12-x86_64-debug), whose
 * config key (the version, the arch and its make arguments, each fragment and each hooked
 * driver's Kconfig) is recorded beside the build: a change to any of them reconfigures from
 * tinyconfig and make rebuilds what the new .config changes. Every step on a directory, from the
 * tree copy to the boot that reads its image, runs under an flock on its "lock" file
 * ({@link withKernelCache}), so two runs at once take turns instead of corrupting it.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GoArch } from "../support/arches.js";
import { debianKernelSource, type KernelSeries } from "../support/debian-kernel-source.js";
import { describeFailure, execCapture, execOrThrow } from "../support/exec.js";
import { withFileLock } from "../support/file-lock.js";
import { noKernelTreeMessage } from "../support/kernel-tree.js";
import { REPO_ROOT } from "../support/paths.js";
import { requireTool } from "../support/require-tool.js";

export const EXAMPLE_DIR = path.join(REPO_ROOT, "examples", "eprog");
export const DRIVER_DIR = path.join(EXAMPLE_DIR, "driver");
export const FRAGMENT = path.join(EXAMPLE_DIR, "kernel.config");
export const KERNEL_TEST_DIR = path.join(REPO_ROOT, "test", "kernel");
export const INIT_SCRIPT = path.join(KERNEL_TEST_DIR, "init.sh");
/** The debug kernel's options: lockdep, KASAN, kmemleak, the hung-task detector, SMP, modules. */
export const DEBUG_FRAGMENT = path.join(KERNEL_TEST_DIR, "debug.config");
/** The matrix kernels' options: SMP, modules, fwscan as a module; and fwscan built in where there is no UMD. */
export const MATRIX_FRAGMENT = path.join(KERNEL_TEST_DIR, "matrix.config");
export const NO_UMD_FRAGMENT = path.join(KERNEL_TEST_DIR, "no-umd.config");
/** What the rawsys runtime tests need of a kernel they run inside (rawsys-checks.ts). */
export const RAWSYS_FRAGMENT = path.join(KERNEL_TEST_DIR, "rawsys.config");

/** A driver hooked into drivers/misc of the tree copy: its directory has a Kconfig and a Makefile. */
export interface TreeDriver {
  /** The directory name under drivers/misc, and the module's name when built as one. */
  readonly name: string;
  readonly dir: string;
  /** Its Kconfig symbol, without CONFIG_. */
  readonly symbol: string;
  /**
   * Cycled as a module by its own test's boot, not by every boot of {@link testParams}: its
   * cycles start a helper each, too slow to repeat in every boot.
   */
  readonly ownBoot?: boolean;
}

/** Hooked into every test kernel; a fragment decides whether each is built in (=y), a module (=m) or not at all. */
export const DRIVERS: readonly TreeDriver[] = [
  { name: "eprog", dir: DRIVER_DIR, symbol: "EPROG" },
  { name: "kcanary", dir: path.join(KERNEL_TEST_DIR, "kcanary"), symbol: "KCANARY" },
  // The call runtime's test driver and its hostile Go helper (sgwire-runtime.kernel.ts).
  { name: "sgwtest", dir: path.join(KERNEL_TEST_DIR, "sgwtest"), symbol: "SGWTEST", ownBoot: true },
  // The second example, a module with a Go helper that checks firmware containers (fwscan.kernel.ts).
  { name: "fwscan", dir: path.join(REPO_ROOT, "examples", "fwscan", "driver"), symbol: "FWSCAN", ownBoot: true },
];

/** What one architecture's build and boot need. */
export interface KernelArch {
  /** The name of the cache directory and of the test. */
  readonly name: string;
  /**
   * make's ARCH= and CROSS_COMPILE=. Given even for the host's arch, so the build never depends
   * on what the host is; goarch.mk derives GOARCH from the resulting SRCARCH and .config.
   * x86_64 is ARCH=x86, what make picks by itself on an x86_64 host (64-bit comes from the
   * fragment's CONFIG_64BIT=y).
   */
  readonly makeArch: string;
  readonly crossCompile: string;
  /** The arch's own fragments, merged onto tinyconfig in this order; a later line for the same option wins. */
  readonly fragments: readonly string[];
  /** The make target and where the image it makes lands, relative to the build directory. */
  readonly target: string;
  readonly image: string;
  /** ELF e_machine of the arch's user space, to refuse a busybox of the wrong arch. */
  readonly elfMachine: number;
  /** Debian's architecture name, for fetching its busybox-static when the host is another arch. */
  readonly debianArch: string;
  /** Go's name of the arch, for test programs run inside the kernel. */
  readonly goarch: GoArch;
  /** The qemu binary, its machine options, and the kernel's console device. */
  readonly qemu: string;
  readonly qemuArgs: readonly string[];
  readonly console: string;
}

export const ARCHES: readonly KernelArch[] = [
  {
    name: "x86_64",
    makeArch: "x86",
    crossCompile: "",
    fragments: [FRAGMENT],
    target: "bzImage",
    image: "arch/x86/boot/bzImage",
    elfMachine: 62, // EM_X86_64
    debianArch: "amd64",
    goarch: "amd64",
    qemu: "qemu-system-x86_64",
    qemuArgs: [],
    console: "ttyS0",
  },
  {
    name: "arm64",
    makeArch: "arm64",
    crossCompile: "aarch64-linux-gnu-", // Debian's gcc-aarch64-linux-gnu
    fragments: [FRAGMENT, path.join(EXAMPLE_DIR, "kernel-arm64.config")],
    target: "Image",
    image: "arch/arm64/boot/Image",
    elfMachine: 183, // EM_AARCH64
    debianArch: "arm64",
    goarch: "arm64",
    qemu: "qemu-system-aarch64",
    // cortex-a57: a plain ARMv8.0 core, what the kernel's baseline code runs on without alternatives.
    qemuArgs: ["-M", "virt", "-cpu", "cortex-a57"],
    console: "ttyAMA0", // the virt board's PL011
  },
];

/** One kernel the tests build and boot: a series, an arch and the fragments merged onto tinyconfig. */
export interface KernelConfig {
  readonly series: KernelSeries;
  readonly arch: KernelArch;
  /** Names the kernel, with its version and arch, in the cache and in test names. */
  readonly variant: string;
  /** All of them, in merge order: the arch's, then the variant's. */
  readonly fragments: readonly string[];
  /** qemu's -smp and -m. */
  readonly cpus: number;
  readonly memoryMb: number;
}

/**
 * The debug kernel of an arch: the example's fragments, debug.config and rawsys.config. KASAN needs its shadow
 * (an eighth of memory) and lockdep and kmemleak their tables, hence more memory than the 256 MB
 * a tinyconfig kernel boots in.
 */
export function debugKernel(arch: KernelArch): KernelConfig {
  return { series: "6.12", arch, variant: "debug", fragments: [...arch.fragments, DEBUG_FRAGMENT, RAWSYS_FRAGMENT], cpus: 4, memoryMb: 512 };
}

/**
 * A kernel of the matrix (matrix.kernel.ts): the example's fragments, matrix.config and rawsys.config, on 2
 * CPUs, small enough to build in minutes. On a tree without the User Mode Driver fwscan is built
 * in as well (no-umd.config): a module cannot start its helper there.
 */
export function matrixKernel(arch: KernelArch, series: KernelSeries, umd: boolean): KernelConfig {
  const fragments = [...arch.fragments, MATRIX_FRAGMENT, RAWSYS_FRAGMENT, ...(umd ? [] : [NO_UMD_FRAGMENT])];
  return { series, arch, variant: "matrix", fragments, cpus: 2, memoryMb: 512 };
}

/** Whether a tree has the User Mode Driver, which Linux 6.17 removed. */
export function hasUmd(tree: string): boolean {
  return existsSync(path.join(tree, "kernel", "usermode_driver.c"));
}

/** The tree of a series: 6.12's is the one the global setup found or unpacked, the others Debian's (fetched once). */
export async function kernelTree(series: KernelSeries): Promise<string> {
  return series === "6.12" ? kernelSource() : debianKernelSource(series);
}

/** The cache root shared by the tests: $XDG_CACHE_HOME/syscallgen. */
function cacheRoot(): string {
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "syscallgen");
}

/** The tree's VERSION.PATCHLEVEL ("6.12") and its full version ("6.12.117"), from its Makefile. */
export function kernelVersion(tree: string): { short: string; full: string } {
  const makefile = readFileSync(path.join(tree, "Makefile"), "utf8");
  const field = (name: string) => new RegExp(`^${name} = (\\S*)`, "m").exec(makefile)?.[1] ?? "";
  const short = `${field("VERSION")}.${field("PATCHLEVEL")}`;
  if (!/^\d+\.\d+$/.test(short)) throw new Error(`${tree}/Makefile: no VERSION and PATCHLEVEL`);
  return { short, full: `${short}.${field("SUBLEVEL")}${field("EXTRAVERSION")}` };
}

/** Where one kernel's tree copy, build, initramfs and console log live between runs. */
export function cacheDir(src: string, config: KernelConfig): string {
  return path.join(cacheRoot(), `kernel-${kernelVersion(src).short}-${config.arch.name}-${config.variant}`);
}

/** The Linux 6.12 tree the global setup found or unpacked. */
export function kernelSource(): string {
  const tree = process.env.SYSCALLGEN_KERNEL_SRC;
  if (!tree || !existsSync(path.join(tree, "Makefile"))) throw new Error(noKernelTreeMessage());
  return path.resolve(tree);
}

/**
 * Fails before a build of many minutes when a command it or the boot needs is missing, naming
 * the Debian package (a missing cross compiler would otherwise show deep in make's log).
 */
export function requireKernelTools(arch: KernelArch): void {
  for (const tool of ["make", `${arch.crossCompile}gcc`, "bc", "flex", "bison", arch.qemu, "flock"]) requireTool(tool);
}

/**
 * Runs fn with the cache directory of a kernel locked (flock on its "lock" file): the tree copy,
 * the build, the initramfs and the boot of one kernel never overlap with another run's. A run
 * that waits says so.
 */
export async function withKernelCache<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  return withFileLock(path.join(dir, "lock"), fn, {
    onWait: (file) => process.stdout.write(`waiting for ${file}: another run is building or booting this kernel\n`),
  });
}

/** Replaces a file in the copy by a new inode, so the hard-linked original is untouched. */
function replaceFile(file: string, content: string): void {
  const tmp = `${file}.ktest-tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/**
 * Makes (once) the hard-linked copy of the tree and (every time, idempotently) hooks each of
 * {@link DRIVERS} into it: a Kconfig source line, a Makefile obj line, and drivers/misc/<name>, a
 * link to the driver's directory in this checkout.
 */
export async function prepareTree(src: string, dir: string): Promise<string> {
  const tree = path.join(dir, "linux");
  const stamp = path.join(dir, "linux.source");
  if (existsSync(tree) && (!existsSync(stamp) || readFileSync(stamp, "utf8") !== src)) {
    rmSync(tree, { recursive: true, force: true }); // a copy of another tree
  }
  if (!existsSync(tree)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${tree}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    await execOrThrow("cp -al", "cp", ["-al", src, tmp], { timeoutMs: 600_000 });
    renameSync(tmp, tree);
    writeFileSync(stamp, src);
  }

  const misc = path.join(tree, "drivers", "misc");
  const kconfig = path.join(misc, "Kconfig");
  const makefile = path.join(misc, "Makefile");
  let kconfigText = readFileSync(kconfig, "utf8");
  let makefileText = readFileSync(makefile, "utf8");
  for (const driver of DRIVERS) {
    const sourceLine = `source "drivers/misc/${driver.name}/Kconfig"`;
    if (!kconfigText.includes(sourceLine)) {
      const at = kconfigText.lastIndexOf("endmenu");
      if (at < 0) throw new Error(`${kconfig}: no endmenu`);
      kconfigText = `${kconfigText.slice(0, at)}${sourceLine}\n${kconfigText.slice(at)}`;
      replaceFile(kconfig, kconfigText);
    }
    const objLine = `obj-$(CONFIG_${driver.symbol})\t\t+= ${driver.name}/`;
    if (!makefileText.includes(objLine)) {
      makefileText = `${makefileText}${objLine}\n`;
      replaceFile(makefile, makefileText);
    }
    // A link, not a copy: a driver's Makefile finds ../kbuild/protocol-helper.mk, the helper and the spec
    // through it, and edits need no re-copying.
    const link = path.join(misc, driver.name);
    if (!isSymlink(link) || readlinkSync(link) !== driver.dir) {
      rmSync(link, { recursive: true, force: true }); // the link itself, not what it points to
      symlinkSync(driver.dir, link);
    }
  }
  return tree;
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** make's arguments that select the arch and its compiler, for every make run on the build. */
function archArgs(arch: KernelArch): string[] {
  return [`ARCH=${arch.makeArch}`, ...(arch.crossCompile ? [`CROSS_COMPILE=${arch.crossCompile}`] : [])];
}

/**
 * What the fragments, merged in order, ask for: the last line naming an option decides, as in
 * merge_config.sh. Each comes back as the .config line that must be in the result; an option
 * switched off ("# CONFIG_X is not set") may also be missing from it (its dependencies unmet).
 */
export function fragmentSettings(fragments: readonly string[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const text of fragments) {
    for (const line of text.split("\n")) {
      const m = /^(CONFIG_[A-Za-z0-9_]+)=|^# (CONFIG_[A-Za-z0-9_]+) is not set$/.exec(line);
      if (m) last.set(m[1] ?? m[2] ?? "", line);
    }
  }
  return last;
}

/** The settings of the fragments that the final .config does not have. */
export function missingSettings(fragments: readonly string[], config: string): string[] {
  const lines = new Set(config.split("\n"));
  const set = new Map<string, string>();
  for (const line of lines) {
    const m = /^(CONFIG_[A-Za-z0-9_]+)=/.exec(line);
    if (m?.[1]) set.set(m[1], line);
  }
  return [...fragmentSettings(fragments)].filter(([name, line]) => (line.startsWith("#") ? set.has(name) : !lines.has(line))).map(([, line]) => line);
}

/** A .config's value of an option ("y", "m", "10", ...), or undefined when it is not set. */
export function configValue(config: string, option: string): string | undefined {
  return new RegExp(`^CONFIG_${option}=(.*)$`, "m").exec(config)?.[1];
}

/**
 * The config key: everything the .config is made from. A change to any part reconfigures.
 */
export function configKey(src: string, config: KernelConfig): string {
  const hash = createHash("sha256");
  const part = (name: string, value: string | Buffer) => hash.update(`${name}\0${value.length}\0`).update(value);
  part("version", kernelVersion(src).full);
  part("arch", [config.arch.name, ...archArgs(config.arch)].join(" "));
  for (const f of config.fragments) part(`fragment ${path.relative(REPO_ROOT, f)}`, readFileSync(f));
  for (const d of DRIVERS) part(`Kconfig of ${d.name}`, readFileSync(path.join(d.dir, "Kconfig")));
  return hash.digest("hex");
}

/**
 * tinyconfig, the fragments merged on top, olddefconfig; skipped when the config key is the one
 * the existing .config was made from, so an unchanged rerun does not touch .config. Throws when
 * a setting of a fragment did not survive (a missing dependency, a typo). Returns the .config.
 */
export async function configure(src: string, tree: string, build: string, config: KernelConfig): Promise<string> {
  const key = configKey(src, config);
  const stamp = path.join(build, ".ktest-config.key");
  const dotConfig = path.join(build, ".config");
  if (existsSync(dotConfig) && existsSync(stamp) && readFileSync(stamp, "utf8") === key) return readFileSync(dotConfig, "utf8");

  mkdirSync(build, { recursive: true });
  rmSync(stamp, { force: true }); // an interrupted reconfiguration is redone
  const make = (target: string) =>
    execOrThrow(`make ${target}`, "make", ["-C", tree, `O=${build}`, ...archArgs(config.arch), target], { timeoutMs: 300_000 });
  await make("tinyconfig");
  // -m only merges the files (no make run), so it needs no ARCH; olddefconfig then resolves them.
  await execOrThrow("merge_config.sh", path.join(tree, "scripts", "kconfig", "merge_config.sh"), ["-m", "-O", build, dotConfig, ...config.fragments], {
    cwd: tree,
    timeoutMs: 300_000,
  });
  await make("olddefconfig");
  const result = readFileSync(dotConfig, "utf8");
  const missing = missingSettings(
    config.fragments.map((f) => readFileSync(f, "utf8")),
    result,
  );
  if (missing.length) throw new Error(`settings of ${config.fragments.join(" + ")} not in the final .config: ${missing.join(", ")}`);
  writeFileSync(stamp, key);
  return result;
}

/** A built kernel: its image, its modules (.ko files in the build directory), and how long make took. */
export interface BuiltKernel {
  readonly image: string;
  readonly modules: readonly string[];
  readonly ms: number;
  readonly log: string;
}

/**
 * Builds the image (helper and bindings included, by eprog's Makefile) and, when the config has
 * CONFIG_MODULES, the modules (the drivers a fragment set to =m), in one make run.
 */
export async function buildKernel(tree: string, build: string, config: KernelConfig, dotConfig: string): Promise<BuiltKernel> {
  const { arch } = config;
  const log = path.join(build, "..", "build.log");
  const syscallgen = `${process.execPath} ${path.join(REPO_ROOT, "dist", "generator", "cli", "bin.js")}`;
  if (!existsSync(path.join(REPO_ROOT, "dist", "generator", "cli", "bin.js"))) {
    throw new Error("dist/ is missing: run `npm run build` (npm run test:kernel does)");
  }
  const withModules = configValue(dotConfig, "MODULES") === "y";
  const r = await execCapture(
    "make",
    ["-C", tree, `O=${build}`, ...archArgs(arch), `-j${os.availableParallelism()}`, arch.target, ...(withModules ? ["modules"] : []), `SYSCALLGEN=${syscallgen}`],
    { timeoutMs: 60 * 60_000 },
  );
  writeFileSync(log, r.output);
  if (r.code !== 0) {
    const tail = r.output.split("\n").slice(-150).join("\n");
    throw new Error(`${describeFailure("kernel build", { ...r, output: "" })}(last lines; all of it in ${log})\n${tail}`);
  }
  return { image: path.join(build, arch.image), modules: withModules ? builtModules(build) : [], ms: r.ms, log };
}

/** The .ko files make built: modules.order names their objects (foo.o, or foo.ko before 6.2). */
function builtModules(build: string): string[] {
  const order = path.join(build, "modules.order");
  if (!existsSync(order)) return [];
  return readFileSync(order, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const ko = path.join(build, l.replace(/\.o$/, ".ko"));
      if (!existsSync(ko)) throw new Error(`${order} names ${l}, but ${ko} was not built`);
      return ko;
    });
}

/** Prepares, configures and builds a kernel in its cache directory; call it with the directory locked. */
export async function prepareKernel(src: string, dir: string, config: KernelConfig): Promise<BuiltKernel & { dotConfig: string }> {
  const tree = await prepareTree(src, dir);
  const build = path.join(dir, "build");
  const dotConfig = await configure(src, tree, build, config);
  return { ...(await buildKernel(tree, build, config, dotConfig)), dotConfig };
}

/** One entry of a newc cpio archive. */
interface CpioEntry {
  name: string;
  mode: number;
  data?: Buffer;
  rdev?: [number, number];
}

/** A newc ("070701") cpio archive, the format the kernel unpacks into its rootfs. */
export function cpioNewc(entries: readonly CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    size += b.length;
    const pad = (4 - (size % 4)) % 4;
    if (pad) {
      parts.push(Buffer.alloc(pad));
      size += pad;
    }
  };
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  const all = [...entries, { name: "TRAILER!!!", mode: 0 }];
  all.forEach((e, i) => {
    const data = e.data ?? Buffer.alloc(0);
    const [major, minor] = e.rdev ?? [0, 0];
    const isDir = (e.mode & 0o170000) === 0o040000;
    const fields = [i + 1, e.mode, 0, 0, isDir ? 2 : 1, 0, data.length, 0, 0, major, minor, Buffer.byteLength(e.name) + 1, 0];
    push(Buffer.concat([Buffer.from(`070701${fields.map(hex).join("")}`), Buffer.from(`${e.name}\0`)]));
    if (data.length) push(data);
  });
  return Buffer.concat(parts);
}

/** Whether an ELF file asks for a program interpreter, i.e. is dynamically linked. */
function hasInterpreter(elf: Buffer): boolean {
  if (elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2) throw new Error("not a 64-bit ELF file");
  const phoff = Number(elf.readBigUInt64LE(0x20));
  const phentsize = elf.readUInt16LE(0x36);
  const phnum = elf.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) if (elf.readUInt32LE(phoff + i * phentsize) === 3) return true; // PT_INTERP
  return false;
}

/** Debian's name for the arch node runs on, so the host's own busybox is used for its own arch. */
const HOST_DEBIAN_ARCH: Record<string, string> = { x64: "amd64", arm64: "arm64" };

/**
 * A static busybox for the arch: $SYSCALLGEN_BUSYBOX_<DEBIANARCH> if set; for the host's arch
 * $SYSCALLGEN_BUSYBOX or the installed busybox-static; for another arch, Debian's busybox-static
 * for it, fetched once with `apt-get download` and unpacked into the cache (no dpkg install, so
 * nothing of it lands on the host). That needs the arch known to apt: .ci/run adds it.
 */
async function findBusybox(arch: KernelArch): Promise<string> {
  const override = process.env[`SYSCALLGEN_BUSYBOX_${arch.debianArch.toUpperCase()}`];
  if (override) return override;
  if (HOST_DEBIAN_ARCH[process.arch] === arch.debianArch) {
    const busybox = process.env.SYSCALLGEN_BUSYBOX ?? "/bin/busybox";
    if (!existsSync(busybox)) throw new Error(`no ${busybox}: install the Debian package busybox-static (.ci/run does)`);
    return busybox;
  }
  const dir = path.join(cacheRoot(), `busybox-static-${arch.debianArch}`);
  const busybox = path.join(dir, "bin", "busybox");
  if (existsSync(busybox)) return busybox;

  mkdirSync(cacheRoot(), { recursive: true });
  const tmp = mkdtempSync(path.join(cacheRoot(), `busybox-static-${arch.debianArch}.`));
  try {
    const pkg = `busybox-static:${arch.debianArch}`;
    const dl = await execCapture("apt-get", ["download", pkg], { cwd: tmp, timeoutMs: 300_000 });
    const deb = readdirSync(tmp).find((f) => f.endsWith(".deb"));
    if (dl.code !== 0 || !deb) {
      throw new Error(
        `${describeFailure(`apt-get download ${pkg}`, dl)}\n` +
          `apt must know the ${arch.debianArch} architecture: dpkg --add-architecture ${arch.debianArch} && apt-get update ` +
          `(.ci/run does), or set SYSCALLGEN_BUSYBOX_${arch.debianArch.toUpperCase()} to a static ${arch.name} busybox`,
      );
    }
    await execOrThrow("dpkg-deb -x", "dpkg-deb", ["-x", path.join(tmp, deb), path.join(tmp, "root")], { timeoutMs: 60_000 });
    // Renamed into place only when complete, so an interrupted fetch is retried, not half-used.
    renameSync(path.join(tmp, "root"), dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return busybox;
}

/**
 * The initramfs: busybox-static of the arch, /init, and the given modules in /lib/modules (by
 * file name: init.sh insmods /lib/modules/<name>.ko). /dev/null is there from the start, as on
 * any root file system: the driver starts its helper from an initcall, before /init runs, and a
 * Go 1.22+ runtime that finds fd 2 closed (the UMD API sets up only 0 and 1) opens /dev/null for
 * it or dies with exit status 2. files adds programs: their path in the initramfs (under bin/),
 * and the host file.
 */
export async function buildInitramfs(out: string, arch: KernelArch, modules: readonly string[] = [], files: Readonly<Record<string, string>> = {}): Promise<void> {
  const busybox = await findBusybox(arch);
  const bb = readFileSync(busybox);
  if (hasInterpreter(bb)) throw new Error(`${busybox} is dynamically linked: install the Debian package busybox-static (.ci/run does)`);
  const machine = bb.readUInt16LE(0x12);
  if (machine !== arch.elfMachine) throw new Error(`${busybox} is for ELF machine ${machine}, not ${arch.name} (${arch.elfMachine})`);
  const dir = (name: string): CpioEntry => ({ name, mode: 0o040755 });
  const archive = cpioNewc([
    dir("bin"),
    dir("dev"),
    dir("lib"),
    dir("lib/modules"),
    dir("proc"),
    dir("sys"),
    dir("tmp"),
    { name: "dev/console", mode: 0o020600, rdev: [5, 1] },
    { name: "dev/null", mode: 0o020666, rdev: [1, 3] },
    { name: "bin/busybox", mode: 0o100755, data: bb },
    { name: "init", mode: 0o100755, data: readFileSync(INIT_SCRIPT) },
    ...modules.map((ko) => ({ name: `lib/modules/${path.basename(ko)}`, mode: 0o100644, data: readFileSync(ko) })),
    ...Object.entries(files).map(([name, file]) => ({ name, mode: 0o100755, data: readFileSync(file) })),
  ]);
  writeFileSync(out, archive);
}
