/**
 * The one error type the import raises, so a caller can print where in the kernel tree (or in
 * which arch spec) the trouble is without parsing a message.
 */

/** A problem found while reading the kernel tree or an arch spec, tied to a file and line. */
export class ImportError extends Error {
  /** Path relative to the kernel tree (or the arch spec's path), as shown to the user. */
  readonly file: string;
  /** 1-based line, when the problem is on one line. */
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, message: string) {
    super(`${line === undefined ? file : `${file}:${line}`}: ${message}`);
    this.name = "ImportError";
    this.file = file;
    this.line = line;
  }
}
