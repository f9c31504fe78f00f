/**
 * Atomic writes, through a temporary file renamed over the target (a reader never sees half a
 * file). The temporary file's name says it is syscallgen's and which process made it, so one left
 * by a killed run (`kill -9`, a full disk) is recognised and removed by the next run, and reported
 * by `--check`, instead of lying next to the generated files for ever.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { OutputError } from "./output-error.js";

const tempPattern = /^.+\.syscallgen-(\d+)\.tmp$/;
// Before temporary files had syscallgen's name they were `<file>.<pid>.tmp`: recognised only next
// to a file of that name the run writes, since the bare pattern could be anyone's.
const legacyPattern = /^(.+)\.(\d+)\.tmp$/;

/** The temporary file `path` is written through, in its folder (rename is atomic within one file system). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `${basename(path)}.syscallgen-${process.pid}.tmp`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but is someone else's.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether `name`, in a folder where the run writes `ownNames`, is a temporary file of a syscallgen
 * run: `leftover` when that run is gone (killed), `live` when it still runs (a concurrent run's
 * write in progress, which removing would make fail), undefined when it is no such file.
 */
export function tempFileState(name: string, ownNames: ReadonlySet<string>): "leftover" | "live" | undefined {
  const temp = tempPattern.exec(name);
  const legacy = temp ? null : legacyPattern.exec(name);
  const pid = temp ? temp[1] : legacy && ownNames.has(legacy[1]!) ? legacy[2] : undefined;
  if (pid === undefined) return undefined;
  return alive(Number(pid)) ? "live" : "leftover";
}

/** Writes `content` to `path` atomically; failures are OutputErrors naming the file. */
export function writeAtomic(path: string, content: string): void {
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (e) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The write's own error is the one to report.
    }
    throw OutputError.wrap("write", path, e);
  }
}
