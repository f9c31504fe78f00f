/**
 * The generated demo.h and the runtime it includes, sgwire.h, compile without a warning in user
 * space for the host, i386 and s390x, and demo.h's static_asserts hold on each; a header whose
 * layout is broken fails them, so they can fail. Both also compile as gnu89 with
 * -Wdeclaration-after-statement, as kernels before 5.18 build them (the shapes protocol too, for
 * its nested loops).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { layoutProtocol } from "../../../generator/protocol/resolve/layout.js";
import { execCapture } from "../../support/exec.js";
import { headerDir, removeHeaderDirs, targets } from "./c-support.js";
import { requireTarget } from "./c-support.js";
import { shapesSpec } from "./shapes-spec.js";

afterAll(removeHeaderDirs);

/** A file that includes `header` twice (its guard must hold). */
const including = (header: string) => `#include "${header}"\n#include "${header}"\nint main(void) { return 0; }\n`;

async function compile(cc: string, flags: string[], dir: string, header = "demo.h") {
  return execCapture("sh", ["-c", `printf '%s' '${including(header)}' | ${cc} ${flags.join(" ")} -I ${dir} -x c - -c -o /dev/null`]);
}

/** A target's flags for C89 with GNU extensions, which kernels before 5.18 build with. */
const gnu89 = (flags: string[]) => [...flags.map((f) => (f === "-std=gnu11" ? "-std=gnu89" : f)), "-Wdeclaration-after-statement"];

describe.each(targets())("demo.h on $name", (t) => {
  test("compiles warning-free, static_asserts holding", async () => {
    requireTarget(t);
    const r = await compile(t.cc, t.flags, headerDir(t.name));
    expect(r.output).toBe("");
    expect(r.code).toBe(0);
  });

  test("sgwire.h alone, demo.h and shapes.h compile as gnu89, warning-free", async () => {
    requireTarget(t);
    expect(gnu89(t.flags)).toContain("-std=gnu89");
    const demo = headerDir(`${t.name}-gnu89`);
    const shapes = headerDir(`${t.name}-gnu89-shapes`, undefined, layoutProtocol(shapesSpec));
    for (const [dir, header] of [[demo, "sgwire.h"], [demo, "demo.h"], [shapes, "shapes.h"]] as const) {
      const r = await compile(t.cc, gnu89(t.flags), dir, header);
      expect(r.output, `${header} as gnu89`).toBe("");
      expect(r.code).toBe(0);
    }
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
