/**
 * The Go Linux architectures rawsys targets, and how to execute a binary
 * built for each one on this (amd64) machine.
 */

/** Every GOARCH the generator emits, in x/sys's customary order. */
export const GOARCHES = [
  "386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle",
  "mips64", "mips64le", "ppc64", "ppc64le", "riscv64", "s390x",
] as const;

/** One of {@link GOARCHES}. */
export type GoArch = (typeof GOARCHES)[number];

/**
 * qemu-user binary per GOARCH. 386 and amd64 are absent on purpose: they run
 * natively, and Go 386 binaries crash under qemu-i386-static.
 */
export const QEMU_BY_GOARCH: Readonly<Partial<Record<GoArch, string>>> = {
  arm: "qemu-arm-static",
  arm64: "qemu-aarch64-static",
  loong64: "qemu-loongarch64-static",
  mips: "qemu-mips-static",
  mipsle: "qemu-mipsel-static",
  mips64: "qemu-mips64-static",
  mips64le: "qemu-mips64el-static",
  ppc64: "qemu-ppc64-static",
  ppc64le: "qemu-ppc64le-static",
  riscv64: "qemu-riscv64-static",
  s390x: "qemu-s390x-static",
};

/** How to launch a test binary for an arch: a command prefix, maybe empty. */
export interface Runner {
  /** Prefix to put before the binary path (the qemu binary), or none. */
  readonly prefix: readonly string[];
  /** True when the binary runs under qemu-user rather than natively. */
  readonly emulated: boolean;
}

/** The runner for arch; native for amd64/386, the qemu map otherwise. */
export function runnerFor(arch: GoArch): Runner {
  const qemu = QEMU_BY_GOARCH[arch];
  return qemu === undefined ? { prefix: [], emulated: false } : { prefix: [qemu], emulated: true };
}

/** Narrows an arbitrary string (e.g. from an env var) to a GoArch. */
export function isGoArch(value: string): value is GoArch {
  return (GOARCHES as readonly string[]).includes(value);
}

/**
 * The arches a run should cover: all of them, or the comma-separated subset
 * in SYSCALLGEN_ARCHES, which helps when iterating on one port.
 */
export function selectedArches(env: NodeJS.ProcessEnv = process.env): GoArch[] {
  const wanted = env["SYSCALLGEN_ARCHES"];
  if (wanted === undefined || wanted.trim() === "") return [...GOARCHES];
  const list = wanted.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const bad = list.filter((s) => !isGoArch(s));
  if (bad.length > 0) throw new Error(`SYSCALLGEN_ARCHES names unknown GOARCH(es): ${bad.join(", ")}`);
  return list as GoArch[];
}
