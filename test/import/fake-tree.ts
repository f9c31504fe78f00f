/**
 * A tiny kernel tree and arch-spec folder written to a temp dir, shaped like the real ones
 * in just the ways the import cares about: several ABIs, an ABI makefile, aliases, includes.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** The kernel files, by tree-relative path. Tests may override one before writing. */
export const KERNEL_FILES: Record<string, string> = {
  Makefile: "# SPDX\nVERSION = 6\nPATCHLEVEL = 99\nSUBLEVEL = 3\nEXTRAVERSION = -rc1\nNAME = Fake\n",
  "arch/fake/syscall.tbl": [
    "# <number> <abi> <name> <entry point>",
    "",
    "0\tcommon\tread\t\t\tsys_read",
    "1\tcommon\twrite\t\t\tsys_write",
    "2\t64\topen\t\t\tsys_open",
    "2\tx32\tbogus_x32\t\tcompat_sys_bogus",
    "3\tcommon\tafs_syscall",
    "4\trlimit\tgetrlimit\t\tsys_getrlimit",
    "5\tx32\tgetrlimit\t\tcompat_sys_getrlimit",
    "6\t64\tclose\t\t\tsys_close",
    "6\tcommon\tclose\t\t\tsys_close  # the same number twice is fine",
    "",
  ].join("\n"),
  "arch/fake/Makefile.syscalls": "# SPDX\nsyscall_abis_32 += time32\nsyscall_abis_64 += rlimit\n",
  "arch/fake/errno.h": [
    "#ifndef _FAKE_ERRNO_H",
    "#define _FAKE_ERRNO_H",
    "#include <asm-generic/errno-base.h>",
    "/* EDEADLK differs here, and a later",
    "   definition wins */",
    "#undef EAGAIN",
    "#define EAGAIN 35\t/* redefined after the include */",
    "#define EWOULDBLOCK EAGAIN",
    "#define EDEADLOCK (EDEADLK)",
    "#define EDEADLK 0x2d",
    "#endif",
    "",
  ].join("\n"),
  "include/uapi/asm-generic/errno-base.h": "#ifndef _BASE\n#define _BASE\n#define EPERM 1\n#define EAGAIN 11\n#endif\n",
  "arch/fake/signal.h": [
    "#ifndef _FAKE_SIGNAL_H",
    "#define _FAKE_SIGNAL_H",
    "#ifdef __KERNEL__",
    "#define _NSIG 64",
    "#define SIGKERNELONLY 40",
    "#else",
    "#define NSIG 32",
    "#endif",
    "#define SIGHUP\t 1",
    "#define SIGABRT\t 6",
    "#define SIGIOT\t SIGABRT",
    "#define SIGIO 29",
    "#define SIGPOLL SIGIO",
    "#define SIGRTMIN 32",
    "#define SIGRTMAX _NSIG",
    "#define SIGSTKSZ 8192",
    "#define MINSIGSTKSZ 2048",
    "#define SA_RESTORER 0x04000000",
    "#include <asm-generic/signal-defs.h>",
    "#endif",
    "",
  ].join("\n"),
  "include/uapi/asm-generic/signal-defs.h": "#ifndef SIG_BLOCK\n#define SIG_BLOCK 0\n#endif\n#define SIG_DFL ((__sighandler_t)0)\n",
};

/** An arch spec as a person would lay it out, with text around the imported properties. */
export const ARCH_SPEC = `import { defineArch } from "syscallgen/spec";

// A comment the import must leave alone.
export default defineArch({
  goarch: "amd64",
  bits: 64,
  endian: "little",
  maxArgWords: 6,
  int64Align: 8,
  kernel: {
    version: "",
    table: "arch/fake/syscall.tbl",
    abis: ["common", "64"],
    abiMakefile: "arch/fake/Makefile.syscalls",
    numberOffset: 0,
    errnoHeader: "arch/fake/errno.h",
    signalHeader: "arch/fake/signal.h",
    syscalls: { stale: 99 },
    errno: {},
    signals: {}, // trailing comment stays
  },
});
`;

/** Writes the tree and one arch spec; returns their directories and the spec's path. */
export async function writeFakeTree(overrides: Record<string, string> = {}) {
  const root = await mkdtemp(path.join(tmpdir(), "syscallgen-import-"));
  const kernelDir = path.join(root, "linux");
  const archDir = path.join(root, "arch");
  for (const [file, text] of Object.entries({ ...KERNEL_FILES, ...overrides })) {
    await mkdir(path.dirname(path.join(kernelDir, file)), { recursive: true });
    await writeFile(path.join(kernelDir, file), text);
  }
  await mkdir(archDir);
  const specFile = path.join(archDir, "amd64.ts");
  await writeFile(specFile, ARCH_SPEC);
  return { root, kernelDir, archDir, specFile };
}
