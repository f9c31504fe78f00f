/**
 * Comment text wrapped the way both languages' printers want it: words filled into lines of at
 * most 100 columns (checkpatch's limit, and gofmt leaves comments as written), every line
 * starting with the language's prefix (`// `, ` * `).
 */

/** Options of {@link wrapComment}. */
export interface WrapOptions {
  /** Printed after the prefix on the first line, before the words (`@field: `). */
  lead?: string;
  /** Longest line, prefix included (default 100). */
  width?: number;
}

/** `text`'s words as comment lines, each starting with `prefix`. */
export function wrapComment(text: string, prefix: string, options: WrapOptions = {}): string[] {
  const { lead = "", width = 100 } = options;
  const lines = [prefix + lead];
  // A line holding only its prefix (and the lead) takes its first word whatever its length.
  const fresh = (line: string, index: number) => line === prefix || (index === 0 && line === prefix + lead);
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const last = lines.length - 1;
    const line = lines[last]!;
    if (!fresh(line, last) && line.length + 1 + word.length > width) lines.push(prefix + word);
    else lines[last] = fresh(line, last) && line.endsWith(" ") ? line + word : `${line} ${word}`;
  }
  return lines;
}
