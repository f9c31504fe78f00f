/**
 * The fwscan example (examples/fwscan) in the debug kernel of each arch that eprog.kernel.ts
 * builds (SMP on 4 vCPUs, lockdep, KASAN, kmemleak, the hung-task detector), where it is a module
 * (test/kernel/debug.config). One boot of its own runs init.sh's fwscan phase: a 12-section FWC1
 * container built by init.sh is loaded through the driver in load calls of up to 4,000 bytes,
 * scanned (the table comes back as two sections notifications, then the verdict), every section
 * read back through extract calls and compared with the file it was made of (section 0 whole in
 * one 4,064-byte reply, a 4,096-byte frame), four scans at once, three refused images; then 20
 * insmod/rmmod cycles with traffic and a kmemleak scan. Any kernel report fails it.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { ARCHES, debugKernel } from "./kernel-build.js";
import { type Boot, buildAndBoot, ConsoleChecks } from "./kernel-run.js";

const MODULE_CYCLES = 20;
const BOOT_TIMEOUT_MS = 15 * 60_000;

/** A kernel line: the printk timestamp, then re. */
const kline = (re: string) => new RegExp(`^\\[[ \\d.]+\\] ${re}$`, "m");

/** One line of the driver's sections file: index, name, kind, offset, length, CRC-32. */
interface Entry {
  index: number;
  name: string;
  kind: number;
  offset: number;
  length: number;
}

describe.each(ARCHES.map((a) => [`${a.name} (debug kernel)`, debugKernel(a)] as const))("fwscan on %s", (_name, config) => {
  let c: ConsoleChecks;

  beforeAll(async () => {
    const run = await buildAndBoot(config, [{ name: "fwscan", params: () => ({ KTEST_FWSCAN: 1, KTEST_MODULES: "fwscan", MODULE_CYCLES }) }], BOOT_TIMEOUT_MS);
    c = new ConsoleChecks(run.boots[0] as Boot);
  }, 90 * 60_000);

  test("the VM runs /init to the end; the module loads and its helper comes up", () => {
    c.ranToTheEnd(BOOT_TIMEOUT_MS);
    c.find(/^FWSCAN-TEST DONE$/m, "the fwscan phase's last line");
    c.find(kline(`fwscan: helper pid \\d+ up: "fwscan-helper", runtime version 1, features 0x0`), "the handshake");
    c.find(/^FWSCAN-TEST PASS load: \d+ bytes in chunks of up to 4000$/m, "the load calls");
  });

  test("scan: the verdict, and the 12-entry table the sections notifications carried, as init.sh built it", () => {
    const { m } = c.find(/^FWSCAN-TEST PASS scan: verdict=ok section=0 sections=(\d+) size=(\d+), table as built$/m, "scan");
    const [sections, size] = [Number(m[1]), Number(m[2])];
    expect(sections).toBe(12); // more than one notification's 8
    // The table as the driver printed it: contiguous after the header and the table, to the end.
    const entries: Entry[] = [...c.log.matchAll(/^FWSCAN-TEST sections: (\d+) (\S+) kind=(\d) offset=(\d+) length=(\d+) crc32=[0-9a-f]{8}$/gm)].map((e) => ({
      index: Number(e[1]),
      name: e[2]!,
      kind: Number(e[3]),
      offset: Number(e[4]),
      length: Number(e[5]),
    }));
    expect(entries.map((e) => e.index)).toEqual([...Array(12).keys()]);
    expect(entries.map((e) => `${e.name}:${e.kind}`)).toEqual(["code:1", "data:2", ...[...Array(10).keys()].map((i) => `cfg${i}:3`)]);
    expect(entries.slice(0, 2).map((e) => e.length)).toEqual([4064, 10000]);
    let offset = 16 + 32 * sections;
    for (const e of entries) {
      expect(e.offset).toBe(offset);
      offset += e.length;
    }
    expect(offset).toBe(size);
    c.find(kline(`fwscan: helper: image of ${size} bytes: ok, 12 sections`), "the helper's log line at info");
  });

  test("extract: every section comes back identical, section 0's 4,064 bytes in one reply", () => {
    c.find(/^FWSCAN-TEST PASS extract: 12\/12 sections identical$/m, "every section");
    const { m } = c.find(/^FWSCAN-TEST PASS 4064-byte round trip in one reply: crc32 ([0-9a-f]{8}) back as ([0-9a-f]{8})$/m, "the largest reply");
    expect(m[2]).toBe(m[1]);
  });

  test("four scans at once each get the whole table", () => {
    c.find(/^FWSCAN-TEST PASS concurrent scans: 4\/4$/m, "concurrent scans");
  });

  test("refused images: a bad CRC, a truncated image, not a container; nothing to extract after them", () => {
    const { m } = c.find(/^FWSCAN-TEST PASS refused badcrc: verdict=bad_crc section=1 sections=1 size=(\d+)$/m, "bad CRC");
    c.find(kline(`fwscan: helper: image of ${m[1]} bytes: bad_crc at section 1`), "the helper's warning");
    c.find(new RegExp(`^FWSCAN-TEST PASS refused short: verdict=truncated section=0 sections=0 size=${Number(m[1]) - 1}$`, "m"), "truncated");
    c.find(/^FWSCAN-TEST PASS refused junk: verdict=bad_magic section=0 sections=0 size=3000$/m, "bad magic");
  });

  test(`rmmod, then ${MODULE_CYCLES} insmod/rmmod cycles with traffic, and kmemleak finds no leak`, () => {
    c.find(/^FWSCAN-TEST PASS rmmod$/m, "rmmod after the checks");
    c.find(new RegExp(`^KTEST PASS module fwscan: ${MODULE_CYCLES}/${MODULE_CYCLES} insmod/rmmod cycles$`, "m"), "module cycles");
    // One helper per load: the checks' and each cycle's.
    expect(c.count(kline(`fwscan: helper pid \\d+ up: "fwscan-helper".*`))).toBe(MODULE_CYCLES + 1);
    c.find(/^KTEST PASS kmemleak: no leaks$/m, "kmemleak");
    c.find(/^KTEST tainted: 0$/m, "taint flags");
    c.find(/^KTEST debug_locks: 1$/m, "lockdep still on");
  });

  test("no kernel report on the whole console: lockdep, KASAN, hung task, WARN, BUG, Oops, kmemleak", () => {
    c.noReports("the fwscan boot");
  });
});
