/**
 * Turns C header text into the logical lines the preprocessor sees: comments removed and
 * backslash-continued lines joined, each tagged with the physical line it starts on.
 */

/** One logical line and the 1-based physical line it starts on. */
export interface LogicalLine {
  text: string;
  line: number;
}

/** Replaces comments with blanks, keeping newlines so line numbers stay right. */
export function stripComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      // A comment is one space in C; its newlines are kept only to keep line numbers.
      out += " " + text.slice(i + 2, stop).replace(/[^\n]/g, "");
      i = stop;
    } else if (char === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (char === '"' || char === "'") {
      // Quoted text is copied as is so a "/*" inside a string does not open a comment.
      let j = i + 1;
      while (j < text.length && text[j] !== char && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** Splits header text into logical lines. */
export function logicalLines(text: string): LogicalLine[] {
  const physical = stripComments(text).split(/\r?\n/);
  const lines: LogicalLine[] = [];
  for (let index = 0; index < physical.length; index++) {
    const start = index + 1;
    let joined = physical[index]!;
    while (joined.endsWith("\\") && index + 1 < physical.length) {
      joined = joined.slice(0, -1) + physical[++index]!;
    }
    lines.push({ text: joined, line: start });
  }
  return lines;
}
