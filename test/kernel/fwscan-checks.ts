/**
 * The fwscan example's functional checks, on the console of a boot that ran init.sh's fwscan
 * phase (KTEST_FWSCAN=1): a 12-section container loaded in calls of up to 4,000 bytes, scanned
 * (the table in two sections notifications, then the verdict), every section extracted and
 * compared, section 0's 4,064 bytes in one reply, four scans at once, three refused images. The
 * debug kernels (fwscan.kernel.ts) and the kernel matrix (matrix.kernel.ts) both run them.
 */
import { expect, test } from "vitest";
import { type ConsoleChecks, kline } from "./kernel-run.js";

/** One line of the driver's sections file: index, name, kind, offset, length, CRC-32. */
interface Entry {
  index: number;
  name: string;
  kind: number;
  offset: number;
  length: number;
}

/** Registers the checks in the current describe block; c gives the boot's console once its beforeAll has run. */
export function fwscanChecks(c: () => ConsoleChecks, bootTimeoutMs: number): void {
  test("the VM runs /init to the end; the driver (a module, or built in) starts its helper", () => {
    c().ranToTheEnd(bootTimeoutMs);
    c().find(/^FWSCAN-TEST DONE$/m, "the fwscan phase's last line");
    c().find(kline(`fwscan: helper pid \\d+ up: "fwscan-helper", runtime version 1, features 0x0`), "the handshake");
    c().find(/^FWSCAN-TEST PASS load: \d+ bytes in chunks of up to 4000$/m, "the load calls");
  });

  test("scan: the verdict, and the 12-entry table the sections notifications carried, as init.sh built it", () => {
    const { m } = c().find(/^FWSCAN-TEST PASS scan: verdict=ok section=0 sections=(\d+) size=(\d+), table as built$/m, "scan");
    const [sections, size] = [Number(m[1]), Number(m[2])];
    expect(sections).toBe(12); // more than one notification's 8
    // The table as the driver printed it: contiguous after the header and the table, to the end.
    const entries: Entry[] = [...c().log.matchAll(/^FWSCAN-TEST sections: (\d+) (\S+) kind=(\d) offset=(\d+) length=(\d+) crc32=[0-9a-f]{8}$/gm)].map((e) => ({
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
    c().find(kline(`fwscan: helper: image of ${size} bytes: ok, 12 sections`), "the helper's log line at info");
  });

  test("extract: every section comes back identical, section 0's 4,064 bytes in one reply", () => {
    c().find(/^FWSCAN-TEST PASS extract: 12\/12 sections identical$/m, "every section");
    const { m } = c().find(/^FWSCAN-TEST PASS 4064-byte round trip in one reply: crc32 ([0-9a-f]{8}) back as ([0-9a-f]{8})$/m, "the largest reply");
    expect(m[2]).toBe(m[1]);
  });

  test("four scans at once each get the whole table", () => {
    c().find(/^FWSCAN-TEST PASS concurrent scans: 4\/4$/m, "concurrent scans");
  });

  test("refused images: a bad CRC, a truncated image, not a container; nothing to extract after them", () => {
    const { m } = c().find(/^FWSCAN-TEST PASS refused badcrc: verdict=bad_crc section=1 sections=1 size=(\d+)$/m, "bad CRC");
    c().find(kline(`fwscan: helper: image of ${m[1]} bytes: bad_crc at section 1`), "the helper's warning");
    c().find(new RegExp(`^FWSCAN-TEST PASS refused short: verdict=truncated section=0 sections=0 size=${Number(m[1]) - 1}$`, "m"), "truncated");
    c().find(/^FWSCAN-TEST PASS refused junk: verdict=bad_magic section=0 sections=0 size=3000$/m, "bad magic");
  });
}
