/**
 * Fast checks of the harness's own text parsing, so a regex slip shows up
 * here rather than as a silently shrunken comparison in the slow suites.
 */
import { describe, expect, test } from "vitest";
import { GOARCHES } from "./arches.js";
import { filesForArch, parseGoDecls, sysnums } from "./go-decls.js";
import { summarizeGoTest } from "./go-test-output.js";
import { diffSysnums, parseBases, parseNrTable } from "./kernel-sysnum.js";

describe("parseGoDecls", () => {
  const src = [
    "package rawsys", "", "const (", "\tSYS_READ = 63 // read(2)", "\tEAGAIN = syscall.Errno(0xb)",
    "\tAT_FDCWD = -0x64", "\tlower = 1", "\tTyped uint32 = 7", ")", "", "const O_CREAT = 0x40",
    "type Stat_t struct {", "\tDev uint64", "}", "type Signal = syscall.Signal", "var NotConst = 3",
  ].join("\n");
  const d = parseGoDecls(src);

  test("reads exported constants with their expressions", () => {
    expect([...d.consts.keys()].sort()).toEqual(["AT_FDCWD", "EAGAIN", "O_CREAT", "SYS_READ", "Typed"]);
    expect(d.consts.get("SYS_READ")?.expr).toBe("63");
    expect(d.consts.get("EAGAIN")?.expr).toBe("syscall.Errno(0xb)");
  });

  test("reads exported type names, aliases included", () => {
    expect([...d.types.keys()].sort()).toEqual(["Signal", "Stat_t"]);
  });

  test("sysnums keeps literal SYS_ values only", () => {
    expect([...sysnums(d)]).toEqual([["SYS_READ", 63]]);
  });
});

test("filesForArch keeps the arch's files and arch-neutral ones", () => {
  const names = ["rawsys.go", "zsysnum_linux_mips.go", "zsysnum_linux_mipsle.go", "zsysnum_linux_mips64.go", "x_test.go"];
  expect(filesForArch(names, "mips", GOARCHES)).toEqual(["rawsys.go", "zsysnum_linux_mips.go"]);
});

describe("kernel unistd parsing", () => {
  const unistd = [
    "#if _MIPS_SIM == _MIPS_SIM_ABI32", "#define __NR_Linux\t4000", "#include <asm/unistd_o32.h>", "#endif",
    "#if _MIPS_SIM == _MIPS_SIM_ABI64", "#define __NR_Linux\t5000", "#include <asm/unistd_n64.h>", "#endif",
  ].join("\n");

  test("each ABI table sees its own __NR_Linux", () => {
    const bases = parseBases(unistd);
    expect(bases.get("unistd_o32.h")?.get("__NR_Linux")).toBe(4000);
    expect(bases.get("unistd_n64.h")?.get("__NR_Linux")).toBe(5000);
  });

  test("tables resolve (base + n) and plain numbers", () => {
    const t = parseNrTable("#define __NR_read (__NR_Linux + 3)\n#define __NR_openat 257\n", new Map([["__NR_Linux", 5000]]), "t");
    expect([...t]).toEqual([["SYS_READ", 5003], ["SYS_OPENAT", 257]]);
    expect(() => parseNrTable("#define __NR_x (__NR_Other + 1)\n", new Map(), "t")).toThrow(/unknown base/);
  });

  test("diffSysnums separates mismatches from one-sided names", () => {
    const d = diffSysnums(new Map([["SYS_A", 1], ["SYS_B", 2], ["SYS_C", 3]]), new Map([["SYS_A", 1], ["SYS_B", 9], ["SYS_D", 4]]));
    expect(d).toEqual({ compared: 2, mismatched: [{ name: "SYS_B", ours: 2, kernel: 9 }], onlyOurs: ["SYS_C"], onlyKernel: ["SYS_D"] });
  });
});

test("summarizeGoTest counts results, qemu notes and fallbacks taken", () => {
  const out = "=== RUN   TestA\n--- PASS: TestA (0.00s)\n    a_test.go:1: QEMU-ENOSYS Statx: ENOSYS\n    b_test.go:2: FALLBACK fchmodat2 is missing here\n--- FAIL: TestB (0.01s)\n";
  expect(summarizeGoTest(out)).toEqual({
    passed: ["TestA"],
    failed: ["TestB"],
    qemuNotes: ["a_test.go:1: QEMU-ENOSYS Statx: ENOSYS"],
    fallbacks: ["b_test.go:2: FALLBACK fchmodat2 is missing here"],
  });
});
