/**
 * Linux source trees of other Debian suites, for the kernel matrix: linux-source-5.10
 * (bullseye-security), linux-source-6.1 (bookworm-security) and the newest linux-source-7.*
 * (trixie-backports). They are fetched with `apt-get download` through a private apt
 * configuration (its own sources list, lists and cache under the user's cache), so the machine's
 * apt sources are never touched and nothing is installed; the package's tarball is unpacked once
 * into the cache, under a lock, and renamed into place, so an interrupted run leaves no half tree.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withFileLock } from "./file-lock.js";
import { isKernelTree, userCacheDir } from "./kernel-tree.js";
import { requireTool } from "./require-tool.js";

/** The suites the matrix's sources come from, one apt line each. */
const SOURCES = [
  "deb http://deb.debian.org/debian-security bullseye-security main",
  "deb http://deb.debian.org/debian bookworm main",
  "deb http://deb.debian.org/debian-security bookworm-security main",
  "deb http://deb.debian.org/debian trixie-backports main",
];

/** A kernel series of the matrix: "5.10", "6.1", "6.12", or "7" for the newest 7.x. */
export type KernelSeries = "5.10" | "6.1" | "6.12" | "7";

/** The private apt configuration's root: sources.list, lists/ and cache/ live under it. */
function aptRoot(): string {
  return path.join(userCacheDir(), "apt");
}

/** apt's -o options that keep it inside {@link aptRoot}. */
function aptOptions(): string[] {
  const root = aptRoot();
  return [
    ["Dir::Etc::SourceList", path.join(root, "sources.list")],
    ["Dir::Etc::SourceParts", "/dev/null"],
    ["Dir::State::Lists", path.join(root, "lists")],
    ["Dir::Cache", path.join(root, "cache")],
    ["Dir::State::Status", "/dev/null"],
    ["APT::Architecture", "amd64"],
    ["APT::Sandbox::User", "root"],
    ["Debug::NoLocking", "1"],
  ].flatMap(([k, v]) => ["-o", `${k}=${v}`]);
}

/** Runs an apt command with the private configuration; its stdout, or an error with its output. */
function apt(tool: "apt-get" | "apt-cache", args: string[], cwd?: string): string {
  const r = spawnSync(tool, [...aptOptions(), ...args], { cwd, encoding: "utf8", timeout: 10 * 60_000 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Writes the private configuration and refreshes its package lists. */
function aptUpdate(): void {
  const root = aptRoot();
  for (const dir of ["lists/partial", "cache/archives/partial"]) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, "sources.list"), `${SOURCES.join("\n")}\n`);
  apt("apt-get", ["-q", "update"]);
}

/** The package name of a series: linux-source-<series>, or the newest linux-source-7.* listed. */
function packageOf(series: KernelSeries): string {
  if (series !== "7") return `linux-source-${series}`;
  const names = apt("apt-cache", ["pkgnames", "linux-source-7."]).split("\n").filter((n) => /^linux-source-7\.\d+$/.test(n));
  const newest = names.sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])).at(-1);
  if (!newest) throw new Error("no linux-source-7.* in trixie-backports");
  return newest;
}

/**
 * The unpacked tree of a series, fetched and unpacked into the cache the first time, under a lock
 * so that parallel tests fetch it once.
 */
export async function debianKernelSource(series: KernelSeries): Promise<string> {
  const marker = path.join(userCacheDir(), `linux-source-${series}.tree`);
  const tree = () => (existsSync(marker) ? readdirSync(marker).find((d) => isKernelTree(path.join(marker, d))) : undefined);
  if (!tree()) {
    for (const tool of ["apt-get", "dpkg-deb", "tar", "xz", "flock"]) requireTool(tool);
    await withFileLock(`${marker}.lock`, async () => fetchDebianKernelSource(series));
  }
  const found = tree();
  if (!found) throw new Error(`fetching linux-source-${series} left no tree in ${marker}`);
  return path.join(marker, found);
}

/** The fetch, run with the lock held: download, unpack the .deb, untar into a staging dir, rename. */
function fetchDebianKernelSource(series: KernelSeries): void {
  const cache = userCacheDir();
  const marker = path.join(cache, `linux-source-${series}.tree`);
  if (existsSync(marker)) return;
  aptUpdate();
  const pkg = packageOf(series);
  const staging = mkdtempSync(path.join(cache, ".fetch-"));
  try {
    apt("apt-get", ["-q", "download", pkg], staging);
    const deb = readdirSync(staging).find((f) => f.endsWith(".deb"));
    if (!deb) throw new Error(`apt-get download ${pkg} left no .deb`);
    const x = spawnSync("dpkg-deb", ["-x", deb, "pkg"], { cwd: staging, encoding: "utf8" });
    if (x.status !== 0) throw new Error(`dpkg-deb -x ${deb} failed: ${x.stderr}`);
    const src = path.join(staging, "pkg", "usr", "src");
    const tarball = readdirSync(src).find((f) => f.endsWith(".tar.xz"));
    if (!tarball) throw new Error(`${deb} has no tarball in /usr/src`);
    const tree = path.join(staging, "tree");
    mkdirSync(tree);
    const t = spawnSync("tar", ["xf", path.join(src, tarball), "-C", tree], { encoding: "utf8" });
    if (t.status !== 0) throw new Error(`tar xf ${tarball} failed: ${t.stderr}`);
    renameSync(tree, marker);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
