/**
 * Access to files of a kernel source tree by the tree-relative paths the arch specs use, so
 * every error can name the file the way a kernel developer would.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImportError } from "./import-error.js";

/** A kernel source tree on disk. */
export class KernelTree {
  readonly root: string;
  private readonly cache = new Map<string, Promise<string>>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /**
   * Reads a file given relative to the tree. Paths come from spec files, so one that climbs out
   * of the tree is refused rather than read. Results are cached: several arches share headers.
   */
  read(relative: string): Promise<string> {
    const normal = path.posix.normalize(relative);
    if (path.isAbsolute(normal) || normal === ".." || normal.startsWith("../")) {
      return Promise.reject(new ImportError(relative, undefined, "path leaves the kernel tree"));
    }
    let text = this.cache.get(normal);
    if (text === undefined) {
      text = readFile(path.join(this.root, normal), "utf8").catch((err: NodeJS.ErrnoException) => {
        throw new ImportError(normal, undefined, `cannot read: ${err.code ?? err.message}`);
      });
      this.cache.set(normal, text);
    }
    return text;
  }
}

/** Splits file text into lines, accepting `\r\n` as well as `\n`. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
