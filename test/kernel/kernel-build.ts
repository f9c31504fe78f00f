/**
 * Building the eprog test kernel for one architecture: a copy of the Linux 6.12 tree with the
 * example driver in drivers/misc/eprog, tinyconfig plus examples/eprog/kernel.config (and the
 * arch's own fragment), built out of tree into the cache so that a rerun with nothing changed only
 * walks make's dependency graph; and a busybox initramfs whose /init is init.sh. Everything that
 * differs between arches is in {@link ARCHES}; the code path is one.
 *
 * The copy is made of hard links (cp -al): the original tree is shared with other tests and must
 * not change, so the two files this edits are written to a new file renamed over the link, which
 * leaves the original's inode alone, and the build writes only into its O= directory.
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
import { describeFailure, execCapture, execOrThrow } from "../support/exec.js";
import { noKernelTreeMessage } from "../support/kernel-tree.js";
import { REPO_ROOT } from "../support/paths.js";
import { requireTool } from "../support/require-tool.js";

export const EXAMPLE_DIR = path.join(REPO_ROOT, "examples", "eprog");
export const DRIVER_DIR = path.join(EXAMPLE_DIR, "driver");
export const FRAGMENT = path.join(EXAMPLE_DIR, "kernel.config");
export const INIT_SCRIPT = path.join(REPO_ROOT, "test", "kernel", "init.sh");

/** What one architecture's build and boot need. */
export interface KernelArch {
  /** The name of the cache directory and of the test. */
  readonly name: string;
  /**
   * make's ARCH= and CROSS_COMPILE=. Given even for the host's arch, so the build never depends
   * on what the host is; Makefile.helper derives GOARCH from the resulting SRCARCH and .config.
   * x86_64 is ARCH=x86, what make picks by itself on an x86_64 host: the same make command lines
   * as before arches were a parameter (64-bit comes from the fragment's CONFIG_64BIT=y).
   */
  readonly makeArch: string;
  readonly crossCompile: string;
  /** Merged onto tinyconfig in this order; a later line for the same option wins. */
  readonly fragments: readonly string[];
  /** The make target and where the image it makes lands, relative to the build directory. */
  readonly target: string;
  readonly image: string;
  /** ELF e_machine of the arch's user space, to refuse a busybox of the wrong arch. */
  readonly elfMachine: number;
  /** Debian's architecture name, for fetching its busybox-static when the host is another arch. */
  readonly debianArch: string;
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
    qemu: "qemu-system-aarch64",
    // cortex-a57: a plain ARMv8.0 core, what the kernel's baseline code runs on without alternatives.
    qemuArgs: ["-M", "virt", "-cpu", "cortex-a57"],
    console: "ttyAMA0", // the virt board's PL011
  },
];

/** The cache root shared by the tests: $XDG_CACHE_HOME/syscallgen. */
function cacheRoot(): string {
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "syscallgen");
}

/** Where one arch's tree copy, build and boot artefacts live between runs. */
export function cacheDir(arch: KernelArch): string {
  return path.join(cacheRoot(), `eprog-kernel-6.12-${arch.name}`);
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
  for (const tool of ["make", `${arch.crossCompile}gcc`, "bc", "flex", "bison", arch.qemu]) requireTool(tool);
}

/** Replaces a file in the copy by a new inode, so the hard-linked original is untouched. */
function replaceFile(file: string, content: string): void {
  const tmp = `${file}.eprog-tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/**
 * Makes (once) the hard-linked copy of the tree and (every time, idempotently) hooks the driver
 * into it: a Kconfig source line, a Makefile obj line and drivers/misc/eprog, a link to this
 * checkout's examples/eprog/driver.
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
  const kconfigText = readFileSync(kconfig, "utf8");
  const sourceLine = 'source "drivers/misc/eprog/Kconfig"';
  if (!kconfigText.includes(sourceLine)) {
    const at = kconfigText.lastIndexOf("endmenu");
    if (at < 0) throw new Error(`${kconfig}: no endmenu`);
    replaceFile(kconfig, `${kconfigText.slice(0, at)}${sourceLine}\n${kconfigText.slice(at)}`);
  }
  const makefile = path.join(misc, "Makefile");
  const makefileText = readFileSync(makefile, "utf8");
  const objLine = "obj-$(CONFIG_EPROG)\t\t+= eprog/";
  if (!makefileText.includes(objLine)) replaceFile(makefile, `${makefileText}${objLine}\n`);

  // A link, not a copy: the driver's Makefile finds ../Makefile.helper, the helper and the spec
  // through it, and edits need no re-copying.
  const link = path.join(misc, "eprog");
  if (!isSymlink(link) || readlinkSync(link) !== DRIVER_DIR) {
    rmSync(link, { recursive: true, force: true }); // the link itself, not what it points to
    symlinkSync(DRIVER_DIR, link);
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
 * The options the fragments, merged in order, set to y: these must come out as =y in the final
 * .config. A later fragment may switch off an earlier one's option ("# CONFIG_X is not set"),
 * as merge_config.sh lets it, so the last line naming an option decides.
 */
function fragmentOptions(fragments: readonly string[]): string[] {
  const last = new Map<string, string>();
  for (const text of fragments) {
    for (const line of text.split("\n")) {
      const m = /^(CONFIG_[A-Z0-9_]+)=|^# (CONFIG_[A-Z0-9_]+) is not set$/.exec(line);
      if (m) last.set(m[1] ?? m[2] ?? "", line);
    }
  }
  return [...last.values()].filter((l) => /^CONFIG_[A-Z0-9_]+=y$/.test(l));
}

/**
 * tinyconfig, the arch's fragments merged on top, olddefconfig; skipped when the fragments are the
 * ones the existing .config was made from, so an unchanged rerun does not touch .config. Throws
 * when an option of a fragment did not survive (a missing dependency, a typo).
 */
export async function configure(tree: string, build: string, arch: KernelArch): Promise<void> {
  const fragments = arch.fragments.map((f) => readFileSync(f, "utf8"));
  const hash = createHash("sha256");
  for (const f of fragments) hash.update(f);
  const digest = hash.update(readFileSync(path.join(DRIVER_DIR, "Kconfig"))).digest("hex");
  const stamp = path.join(build, ".eprog-config.sha256");
  const config = path.join(build, ".config");
  if (existsSync(config) && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return;

  mkdirSync(build, { recursive: true });
  const make = (target: string) =>
    execOrThrow(`make ${target}`, "make", ["-C", tree, `O=${build}`, ...archArgs(arch), target], { timeoutMs: 300_000 });
  await make("tinyconfig");
  // -m only merges the files (no make run), so it needs no ARCH; olddefconfig then resolves them.
  await execOrThrow("merge_config.sh", path.join(tree, "scripts", "kconfig", "merge_config.sh"), ["-m", "-O", build, config, ...arch.fragments], {
    cwd: tree,
    timeoutMs: 300_000,
  });
  await make("olddefconfig");
  const result = readFileSync(config, "utf8").split("\n");
  const missing = fragmentOptions(fragments).filter((o) => !result.includes(o));
  if (missing.length) throw new Error(`options of ${arch.fragments.join(" + ")} not in the final .config: ${missing.join(" ")}`);
  writeFileSync(stamp, digest);
}

/** Builds the arch's image (helper and bindings included, by the driver's Makefile); returns its path and how long make took. */
export async function buildKernel(tree: string, build: string, arch: KernelArch): Promise<{ image: string; ms: number; log: string }> {
  const log = path.join(build, "..", "build.log");
  const syscallgen = `${process.execPath} ${path.join(REPO_ROOT, "dist", "generator", "cli", "bin.js")}`;
  if (!existsSync(path.join(REPO_ROOT, "dist", "generator", "cli", "bin.js"))) {
    throw new Error("dist/ is missing: run `npm run build` (npm run test:kernel does)");
  }
  const r = await execCapture(
    "make",
    ["-C", tree, `O=${build}`, ...archArgs(arch), `-j${os.availableParallelism()}`, arch.target, `SYSCALLGEN=${syscallgen}`],
    { timeoutMs: 60 * 60_000 },
  );
  writeFileSync(log, r.output);
  if (r.code !== 0) {
    const tail = r.output.split("\n").slice(-150).join("\n");
    throw new Error(`${describeFailure("kernel build", { ...r, output: "" })}(last lines; all of it in ${log})\n${tail}`);
  }
  return { image: path.join(build, arch.image), ms: r.ms, log };
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
 * The initramfs: busybox-static of the arch and /init. /dev/null is there from the start, as on
 * any root file system: the driver starts its helper from an initcall, before /init runs, and a
 * Go 1.22+ runtime that finds fd 2 closed (the UMD API sets up only 0 and 1) opens /dev/null for
 * it or dies with exit status 2.
 */
export async function buildInitramfs(out: string, arch: KernelArch): Promise<void> {
  const busybox = await findBusybox(arch);
  const bb = readFileSync(busybox);
  if (hasInterpreter(bb)) throw new Error(`${busybox} is dynamically linked: install the Debian package busybox-static (.ci/run does)`);
  const machine = bb.readUInt16LE(0x12);
  if (machine !== arch.elfMachine) throw new Error(`${busybox} is for ELF machine ${machine}, not ${arch.name} (${arch.elfMachine})`);
  const dir = (name: string): CpioEntry => ({ name, mode: 0o040755 });
  const archive = cpioNewc([
    dir("bin"),
    dir("dev"),
    dir("proc"),
    dir("sys"),
    dir("tmp"),
    { name: "dev/console", mode: 0o020600, rdev: [5, 1] },
    { name: "dev/null", mode: 0o020666, rdev: [1, 3] },
    { name: "bin/busybox", mode: 0o100755, data: bb },
    { name: "init", mode: 0o100755, data: readFileSync(INIT_SCRIPT) },
  ]);
  writeFileSync(out, archive);
}
