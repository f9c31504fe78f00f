/**
 * Reads syscall numbers out of the kernel's installed asm/unistd*.h and
 * names them the way x/sys and rawsys do (`__NR_openat` -> `SYS_OPENAT`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { GoArch } from "./arches.js";

/** The header holding each GOARCH's ABI numbers (o32 and n64 for mips). */
export const TABLE_BY_GOARCH: Readonly<Record<GoArch, string>> = {
  "386": "unistd_32.h", amd64: "unistd_64.h", arm: "unistd-eabi.h", arm64: "unistd_64.h",
  loong64: "unistd_64.h", mips: "unistd_o32.h", mipsle: "unistd_o32.h", mips64: "unistd_n64.h",
  mips64le: "unistd_n64.h", ppc64: "unistd_64.h", ppc64le: "unistd_64.h", riscv64: "unistd_64.h",
  s390x: "unistd_64.h",
};

const NUMBER = /^(0x[0-9a-fA-F]+|\d+)$/;

/**
 * Base macros per included header, from asm/unistd.h: mips defines
 * __NR_Linux (4000/5000/6000) and arm __NR_SYSCALL_BASE just before
 * including the ABI's table, which then writes `(__NR_Linux + n)`.
 */
export function parseBases(unistdH: string): Map<string, Map<string, number>> {
  const defines = new Map<string, number>();
  const byHeader = new Map<string, Map<string, number>>();
  for (const line of unistdH.split("\n")) {
    const d = /^#\s*define\s+(\w+)\s+(\w+)\s*$/.exec(line);
    if (d?.[1] && d[2]) {
      const v = NUMBER.test(d[2]) ? Number(d[2]) : defines.get(d[2]);
      if (v !== undefined) defines.set(d[1], v);
    }
    const inc = /^#\s*include\s+<asm\/([\w-]+\.h)>/.exec(line);
    // Snapshot: each #include sees the values defined so far, later
    // redefinitions (the next ABI's __NR_Linux) do not leak back.
    if (inc?.[1]) byHeader.set(inc[1], new Map(defines));
  }
  return byHeader;
}

/** `__NR_*` of one table header, resolving `(BASE + n)` through bases. */
export function parseNrTable(text: string, bases: ReadonlyMap<string, number>, file: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    const m = /^#define __NR_(\w+)\s+(?:(\d+)|\(\s*(\w+)\s*\+\s*(\d+)\s*\))\s*$/.exec(line);
    if (!m?.[1]) continue;
    let n: number;
    if (m[2] !== undefined) n = Number(m[2]);
    else {
      const base = bases.get(m[3] ?? "");
      if (base === undefined) throw new Error(`${file}: __NR_${m[1]} uses unknown base ${m[3]}`);
      n = base + Number(m[4]);
    }
    out.set(`SYS_${m[1].toUpperCase()}`, n);
  }
  if (out.size === 0) throw new Error(`${file}: no __NR_ definitions found`);
  return out;
}

/** The kernel's SYS_ name -> number map for arch, from an installed asm dir. */
export function kernelSysnums(asmDir: string, arch: GoArch): Map<string, number> {
  const table = TABLE_BY_GOARCH[arch];
  const bases = parseBases(readFileSync(path.join(asmDir, "unistd.h"), "utf8")).get(table) ?? new Map<string, number>();
  return parseNrTable(readFileSync(path.join(asmDir, table), "utf8"), bases, `${path.basename(path.dirname(asmDir))}/${table}`);
}

/** Numbers both sides define but disagree on, and names only one defines. */
export interface SysnumDiff {
  readonly compared: number;
  readonly mismatched: ReadonlyArray<{ name: string; ours: number; kernel: number }>;
  readonly onlyOurs: readonly string[];
  readonly onlyKernel: readonly string[];
}

/** Compares our SYS_ map with the kernel's. */
export function diffSysnums(ours: ReadonlyMap<string, number>, kernel: ReadonlyMap<string, number>): SysnumDiff {
  const mismatched: Array<{ name: string; ours: number; kernel: number }> = [];
  let compared = 0;
  for (const [name, n] of ours) {
    const k = kernel.get(name);
    if (k === undefined) continue;
    compared++;
    if (k !== n) mismatched.push({ name, ours: n, kernel: k });
  }
  return {
    compared,
    mismatched,
    onlyOurs: [...ours.keys()].filter((n) => !kernel.has(n)).sort(),
    onlyKernel: [...kernel.keys()].filter((n) => !ours.has(n)).sort(),
  };
}
