/**
 * The generated demo.h compiles without a warning in user space for the host, i386 and s390x, and
 * its static_asserts hold on each; a header whose layout is broken fails them, so they can fail.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { execCapture } from "../../support/exec.js";
import { headerDir, removeHeaderDirs, targets } from "./c-support.js";
import { requireTarget } from "./c-support.js";

afterAll(removeHeaderDirs);

const source = "#include \"demo.h\"\n#include \"demo.h\"\nint main(void) { return 0; }\n";

async function compile(cc: string, flags: string[], dir: string) {
  return execCapture("sh", ["-c", `printf '%s' '${source}' | ${cc} ${flags.join(" ")} -I ${dir} -x c - -c -o /dev/null`]);
}

describe.each(targets())("demo.h on $name", (t) => {
  test("compiles warning-free, static_asserts holding", async () => {
    requireTarget(t);
    const r = await compile(t.cc, t.flags, headerDir(t.name));
    expect(r.output).toBe("");
    expect(r.code).toBe(0);
  });

  test("fails its static_asserts when a pad is resized", async () => {
    requireTarget(t);
    // A longer trailing pad changes report's size; a wider pad moves every member of reply after it.
    const longer = headerDir(`${t.name}-short`, (h) => h.replace(/(struct demo_report \{[^}]*__u8 __pad0)\[5\]/, "$1[6]"));
    const wide = headerDir(`${t.name}-wide`, (h) => h.replace(/(struct demo_reply \{[^}]*__u8 __pad0)\[3\]/, "$1[4]"));
    for (const dir of [longer, wide]) {
      expect(readFileSync(path.join(dir, "demo.h"), "utf8")).not.toBe(readFileSync(path.join(headerDir("same"), "demo.h"), "utf8"));
      const r = await compile(t.cc, t.flags, dir);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/static assert(ion)? failed/);
    }
  });
});
