/**
 * Building the eprog test kernel: a copy of the Linux 6.12 tree with the example driver in
 * drivers/misc/eprog, an x86_64 tinyconfig plus examples/eprog/kernel.config, built out of tree
 * into the cache so that a rerun with nothing changed only walks make's dependency graph; and a
 * busybox initramfs whose /init is init.sh.
 *
 * The copy is made of hard links (cp -al): the original tree is shared with other tests and must
 * not change, so the two files this edits are written to a new file renamed over the link, which
 * leaves the original's inode alone, and the build writes only into its O= directory.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeFailure, execCapture, execOrThrow } from "../support/exec.js";
import { REPO_ROOT } from "../support/paths.js";

export const EXAMPLE_DIR = path.join(REPO_ROOT, "examples", "eprog");
export const DRIVER_DIR = path.join(EXAMPLE_DIR, "driver");
export const FRAGMENT = path.join(EXAMPLE_DIR, "kernel.config");
export const INIT_SCRIPT = path.join(REPO_ROOT, "test", "kernel", "init.sh");

/** Where the tree copy, the build and the boot artefacts live between runs. */
export function cacheDir(): string {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  return path.join(cache, "syscallgen", "eprog-kernel-6.12-x86_64");
}

/** The Linux 6.12 tree the global setup found or unpacked. */
export function kernelSource(): string {
  const tree = process.env.SYSCALLGEN_KERNEL_SRC;
  if (!tree || !existsSync(path.join(tree, "Makefile"))) {
    throw new Error("no Linux 6.12 tree: install linux-source-6.12 or set SYSCALLGEN_KERNEL_SRC");
  }
  return path.resolve(tree);
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

/** The options of the fragment that must come out as =y in the final .config. */
function fragmentOptions(fragment: string): string[] {
  return fragment.split("\n").filter((l) => /^CONFIG_[A-Z0-9_]+=y$/.test(l));
}

/**
 * tinyconfig, the fragment merged on top, olddefconfig; skipped when the fragment is the one the
 * existing .config was made from, so an unchanged rerun does not touch .config. Throws when an
 * option of the fragment did not survive (a missing dependency, a typo).
 */
export async function configure(tree: string, build: string): Promise<void> {
  const fragment = readFileSync(FRAGMENT, "utf8");
  const digest = createHash("sha256").update(fragment).update(readFileSync(path.join(DRIVER_DIR, "Kconfig"))).digest("hex");
  const stamp = path.join(build, ".eprog-config.sha256");
  const config = path.join(build, ".config");
  if (existsSync(config) && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return;

  mkdirSync(build, { recursive: true });
  const make = (target: string) => execOrThrow(`make ${target}`, "make", ["-C", tree, `O=${build}`, target], { timeoutMs: 300_000 });
  await make("tinyconfig");
  await execOrThrow("merge_config.sh", path.join(tree, "scripts", "kconfig", "merge_config.sh"), ["-m", "-O", build, config, FRAGMENT], {
    cwd: tree,
    timeoutMs: 300_000,
  });
  await make("olddefconfig");
  const result = readFileSync(config, "utf8").split("\n");
  const missing = fragmentOptions(fragment).filter((o) => !result.includes(o));
  if (missing.length) throw new Error(`options of ${FRAGMENT} not in the final .config: ${missing.join(" ")}`);
  writeFileSync(stamp, digest);
}

/** Builds bzImage (helper and bindings included, by the driver's Makefile); returns its path and how long make took. */
export async function buildKernel(tree: string, build: string): Promise<{ bzImage: string; ms: number; log: string }> {
  const log = path.join(build, "..", "build.log");
  const syscallgen = `${process.execPath} ${path.join(REPO_ROOT, "dist", "generator", "cli", "bin.js")}`;
  if (!existsSync(path.join(REPO_ROOT, "dist", "generator", "cli", "bin.js"))) {
    throw new Error("dist/ is missing: run `npm run build` (npm run test:kernel does)");
  }
  const r = await execCapture(
    "make",
    ["-C", tree, `O=${build}`, `-j${os.availableParallelism()}`, "bzImage", `SYSCALLGEN=${syscallgen}`],
    { timeoutMs: 60 * 60_000 },
  );
  writeFileSync(log, r.output);
  if (r.code !== 0) {
    const tail = r.output.split("\n").slice(-150).join("\n");
    throw new Error(`${describeFailure("kernel build", { ...r, output: "" })}(last lines; all of it in ${log})\n${tail}`);
  }
  return { bzImage: path.join(build, "arch", "x86", "boot", "bzImage"), ms: r.ms, log };
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

/**
 * The initramfs: busybox-static and /init. /dev/null is there from the start, as on any root
 * file system: the driver starts its helper from an initcall, before /init runs, and a Go 1.22+
 * runtime that finds fd 2 closed (the UMD API sets up only 0 and 1) opens /dev/null for it or
 * dies with exit status 2.
 */
export function buildInitramfs(out: string): void {
  const busybox = process.env.SYSCALLGEN_BUSYBOX ?? "/bin/busybox";
  if (!existsSync(busybox)) throw new Error(`no ${busybox}: apt-get install busybox-static`);
  const bb = readFileSync(busybox);
  if (hasInterpreter(bb)) throw new Error(`${busybox} is dynamically linked: apt-get install busybox-static`);
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
