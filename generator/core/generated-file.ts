/** What every printer produces and the write stage consumes. */

/** A file the generator produces: a path relative to the output directory, and its text. */
export interface GeneratedFile {
  path: string;
  content: string;
}
