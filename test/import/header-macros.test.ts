import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateCondition } from "../../generator/syscall/import/cpp-condition.js";
import { readErrno, readSignals } from "../../generator/syscall/import/header-constants.js";
import { readAbiMakefile } from "../../generator/syscall/import/abi-makefile.js";
import { KernelTree } from "../../generator/syscall/import/kernel-tree.js";

let root = "";
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "syscallgen-headers-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function tree(files: Record<string, string>): Promise<KernelTree> {
  const dir = await mkdtemp(path.join(root, "t-"));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return new KernelTree(dir);
}

describe("evaluateCondition", () => {
  const context = {
    isDefined: (name: string) => (name === "A" ? true : name === "__i386__" ? ("target" as const) : false),
    valueOf: (name: string) => (name === "A" ? 3 : undefined),
  };
  it("evaluates defined, comparisons and logic", () => {
    expect(evaluateCondition("!defined MINSIGSTKSZ || !defined(A)", context)).toEqual({ value: true, dependsOn: [] });
    expect(evaluateCondition("A == 3 && (A + 1) * 2 >= 0x8", context).value).toBe(true);
  });
  it("lists what a result rests on", () => {
    expect(evaluateCondition("defined(__i386__) || B > 1", context)).toEqual({ value: false, dependsOn: ["B", "__i386__"] });
  });
  it("refuses what it cannot read", () => {
    expect(() => evaluateCondition("A ? 1 : 2", context)).toThrow(/cannot read/);
  });
});

describe("header constants", () => {
  it("reads a powerpc-like header: undef, include, redefine", async () => {
    const kernel = await tree({
      "asm/errno.h": "#undef EDEADLOCK\n#include <asm-generic/errno.h>\n#undef EDEADLOCK\n#define EDEADLOCK 58\n",
      "include/uapi/asm-generic/errno.h": "#define EDEADLK 35\n#define EDEADLOCK EDEADLK\n",
    });
    expect([...(await readErrno(kernel, "asm/errno.h"))]).toEqual([["EDEADLK", 35], ["EDEADLOCK", 58]]);
  });

  it("takes #elif and #else branches as user space sees them", async () => {
    const kernel = await tree({
      "s.h": [
        "#if defined(__KERNEL__)\n#define SIGA 1\n#elif !defined(__ASSEMBLY__)\n#define SIGA 2\n#else\n#define SIGA 3\n#endif",
        "#ifdef __powerpc64__\n#define SIGSTKSZ 32768\n#ifdef __KERNEL__\n#define SIGB 9\n#endif\n#endif",
        "#define SIGC /* comment */ \\\n  SIGA",
      ].join("\n"),
    });
    expect([...(await readSignals(kernel, "s.h"))]).toEqual([["SIGA", 2], ["SIGC", 2]]);
  });

  it("skips signal macros that are not signal numbers", async () => {
    const kernel = await tree({ "s.h": "#define SIGRTMAX _NSIG\n#define SIGX(n) n\n#define SIG_DFL 0\n#define SIGY SIGZ\n" });
    expect((await readSignals(kernel, "s.h")).size).toBe(0);
  });
});

describe("readAbiMakefile", () => {
  it("collects += words for the arch's width only", async () => {
    const kernel = await tree({ "M": "syscall_abis_32 += time32\nsyscall_abis_64 += riscv rlimit # comment\nsyscall_abis_64 +=\n" });
    expect(await readAbiMakefile(kernel, "M", 64)).toEqual(["riscv", "rlimit"]);
  });
  it("refuses an assignment that would replace the defaults", async () => {
    const kernel = await tree({ "M": "\nsyscall_abis_64 := common\n" });
    await expect(readAbiMakefile(kernel, "M", 64)).rejects.toThrow('M:2: syscall_abis_64 is set with ":="');
  });
});
