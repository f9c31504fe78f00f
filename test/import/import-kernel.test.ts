import { readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ImportError, importKernel } from "../../generator/syscall/import/index.js";
import { ARCH_SPEC, KERNEL_FILES, writeFakeTree } from "./fake-tree.js";

const roots: string[] = [];
async function fakeTree(overrides: Record<string, string> = {}) {
  const tree = await writeFakeTree(overrides);
  roots.push(tree.root);
  return tree;
}
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

const EXPECTED_KERNEL = `  kernel: {
    version: "6.99.3",
    table: "arch/fake/syscall.tbl",
    abis: ["common", "64"],
    abiMakefile: "arch/fake/Makefile.syscalls",
    numberOffset: 0,
    errnoHeader: "arch/fake/errno.h",
    signalHeader: "arch/fake/signal.h",
    syscalls: {
      read: 0,
      write: 1,
      open: 2,
      afs_syscall: 3,
      getrlimit: 4,
      close: 6,
    },
    errno: {
      EPERM: 1,
      EAGAIN: 35,
      EWOULDBLOCK: 35,
      EDEADLK: 45,
      EDEADLOCK: 45,
    },
    signals: {
      SIGHUP: 1,
      SIGABRT: 6,
      SIGIOT: 6,
      SIGIO: 29,
      SIGPOLL: 29,
      SIGRTMIN: 32,
    }, // trailing comment stays
  },
`;

describe("importKernel on a fake tree", () => {
  it("rewrites only the imported properties", async () => {
    const { kernelDir, archDir, specFile } = await fakeTree();
    const report = await importKernel({ kernelDir, archDir });
    expect(report.version).toBe("6.99.3");
    expect(report.arches).toEqual([
      { goarch: "amd64", file: specFile, version: "6.99.3", syscalls: 6, errno: 5, signals: 6, changed: true },
    ]);
    const start = ARCH_SPEC.indexOf("  kernel: {");
    const end = ARCH_SPEC.indexOf("});");
    const expected = ARCH_SPEC.slice(0, start) + EXPECTED_KERNEL + ARCH_SPEC.slice(end);
    expect(await readFile(specFile, "utf8")).toBe(expected);
  });

  it("leaves an unchanged file alone on a second run", async () => {
    const { kernelDir, archDir, specFile } = await fakeTree();
    await importKernel({ kernelDir, archDir });
    const first = await readFile(specFile, "utf8");
    const past = new Date("2001-02-03T04:05:06Z");
    await utimes(specFile, past, past);
    const report = await importKernel({ kernelDir, archDir });
    expect(report.arches[0]!.changed).toBe(false);
    expect(await readFile(specFile, "utf8")).toBe(first);
    expect((await stat(specFile)).mtime.getTime()).toBe(past.getTime());
  });

  it("quotes names that are not identifiers and keeps reserved words bare", async () => {
    const table = "0 common break\n1 common 9p_thing sys_x\n1 common aaa sys_x\n";
    const { kernelDir, archDir, specFile } = await fakeTree({ "arch/fake/syscall.tbl": table });
    await importKernel({ kernelDir, archDir });
    const text = await readFile(specFile, "utf8");
    expect(text).toContain(`    syscalls: {\n      break: 0,\n      "9p_thing": 1,\n      aaa: 1,\n    },\n`);
  });
});

describe("importKernel errors", () => {
  async function importError(overrides: Record<string, string>): Promise<ImportError> {
    const { kernelDir, archDir, specFile } = await fakeTree(overrides);
    const error = await importKernel({ kernelDir, archDir }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ImportError);
    // Nothing is written when any arch fails.
    expect(await readFile(specFile, "utf8")).toBe(ARCH_SPEC);
    return error as ImportError;
  }

  it("refuses a name two selected ABIs number differently", async () => {
    const table = `${KERNEL_FILES["arch/fake/syscall.tbl"]}7\t64\tread\tsys_read\n`;
    const error = await importError({ "arch/fake/syscall.tbl": table });
    expect(error.message).toBe("arch/fake/syscall.tbl:12: read is 7 for ABI 64 but 0 for ABI common (line 3)");
  });

  it("names the header line of an errno that is not a number", async () => {
    const errno = KERNEL_FILES["arch/fake/errno.h"]!.replace("#define EDEADLK 0x2d", "#define EDEADLK (1 << 5)");
    const error = await importError({ "arch/fake/errno.h": errno });
    expect([error.file, error.line]).toEqual(["arch/fake/errno.h", 10]);
  });

  it("will not guess a definition under a target-dependent condition", async () => {
    const errno = "#ifdef __powerpc64__\n#define EPERM 1\n#endif\n";
    const error = await importError({ "arch/fake/errno.h": errno });
    expect(error.message).toContain("arch/fake/errno.h:2: EPERM is defined under a condition on __powerpc64__");
  });

  it("reports a missing include with its path in the tree", async () => {
    const errno = "#include <asm-generic/errno.h>\n";
    const error = await importError({ "arch/fake/errno.h": errno });
    expect(error.message).toBe("arch/fake/errno.h:1: #include: include/uapi/asm-generic/errno.h: cannot read: ENOENT");
  });

  it("reports an unterminated conditional", async () => {
    const error = await importError({ "arch/fake/signal.h": "#define SIGHUP 1\n#ifndef X\n" });
    expect(error.message).toBe("arch/fake/signal.h:2: #if without #endif");
  });

  it("reports a malformed table line", async () => {
    const error = await importError({ "arch/fake/syscall.tbl": "0 common read\nzz common write\n" });
    expect(error.message).toBe('arch/fake/syscall.tbl:2: "zz" is not a syscall number');
  });

  it("reports an arch spec that is not defineArch({...})", async () => {
    const { kernelDir, archDir, specFile } = await fakeTree();
    await writeFile(path.join(archDir, "zz.ts"), "export default 1;\n");
    await expect(importKernel({ kernelDir, archDir })).rejects.toThrow(/zz\.ts: expected `export default defineArch/);
    // amd64.ts sorts first and was fine, but is not written either.
    expect(await readFile(specFile, "utf8")).toBe(ARCH_SPEC);
  });
});
