/**
 * A missing tool names the Debian package that provides it (issue 7, item 2): no bare
 * `spawn qemu-arm-static ENOENT`, and no pointer at a kernel directory Debian never creates.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { ARCHES } from "../kernel/kernel-build.js";
import { QEMU_BY_GOARCH } from "./arches.js";
import { execCapture } from "./exec.js";
import { buildAndRunGoTests } from "./go-harness.js";
import { kernelSrcFromEnv } from "./kernel-headers.js";
import { noKernelTreeMessage } from "./kernel-tree.js";
import { packageDir } from "./paths.js";
import { debianPackageOf, findOnPath, missingToolMessage, requireTool } from "./require-tool.js";

const empty = mkdtempSync(path.join(tmpdir(), "syscallgen-empty-path-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});
const qemuMessage = "qemu-arm-static not found: install the Debian package qemu-user-static (.ci/run does)";

describe("a tool missing from PATH", () => {
  test("requireTool names the Debian package", () => {
    expect(() => requireTool("qemu-arm-static", undefined, { PATH: empty })).toThrow(qemuMessage);
    expect(() => requireTool("clang", undefined, { PATH: empty })).toThrow("clang not found: install the Debian packages clang libclang-rt-14-dev (.ci/run does)");
    expect(() => requireTool("go", undefined, { PATH: empty })).toThrow(/go not found: install Go 1\.26 or later/);
  });

  test("execCapture, which every test spawns through, says the same instead of ENOENT", async () => {
    await expect(execCapture("qemu-arm-static", ["/bin/true"], { env: { PATH: empty } })).rejects.toThrow(qemuMessage);
  });

  test("the Go runtime tests stop at a missing qemu-user with the package, before building", async () => {
    const go = findOnPath("go");
    expect(go).not.toBeNull();
    vi.stubEnv("PATH", path.dirname(go!)); // Go's directory holds go and gofmt, no qemu
    expect(findOnPath("qemu-arm-static")).toBeNull();
    await expect(buildAndRunGoTests({ pkgDir: packageDir(), arch: "arm" })).rejects.toThrow(qemuMessage);
  });

  test("every qemu-user, cross compiler and qemu-system the tests run has its package", () => {
    for (const qemu of Object.values(QEMU_BY_GOARCH)) expect(missingToolMessage(qemu)).toContain("the Debian package qemu-user-static");
    expect(ARCHES.map((a) => [debianPackageOf(a.qemu), debianPackageOf(`${a.crossCompile}gcc`)])).toEqual([
      ["qemu-system-x86", "gcc libc6-dev"],
      ["qemu-system-arm", "gcc-aarch64-linux-gnu"],
    ]);
    expect(debianPackageOf("s390x-linux-gnu-gcc")).toBe("gcc-s390x-linux-gnu libc6-dev-s390x-cross");
    for (const tool of ["strace", "file", "busybox", "make", "xz", "rsync"]) expect(debianPackageOf(tool), tool).toBeDefined();
  });
});

describe("a missing kernel tree", () => {
  test("names the package that provides the tarball, and the variable", () => {
    const msg = noKernelTreeMessage({ HOME: "/home/u" });
    expect(msg).toContain("install the Debian package linux-source-6.12");
    expect(msg).toContain("/usr/src/linux-source-6.12.tar.xz into /home/u/.cache/syscallgen/linux-source-6.12");
    expect(msg).toContain("set SYSCALLGEN_KERNEL_SRC");
  });

  test("the kernel-header comparison says so, never pointing at an unpacked /usr/src tree", () => {
    let message = "";
    try {
      kernelSrcFromEnv({ HOME: "/home/u" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("install the Debian package linux-source-6.12");
    expect(message).not.toMatch(/\/usr\/src\/linux-source-6\.12(?!\.tar\.xz)/);
  });
});
