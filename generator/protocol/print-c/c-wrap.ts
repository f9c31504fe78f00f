/**
 * Kernel style's line wrapping of C: lists of parameters and arguments wrapped at 100 columns,
 * continuations aligned under the first item with tabs, then spaces.
 */

/** Kernel style keeps lines to 100 columns. */
export const maxColumns = 100;

/** The column a line ends at, tabs at every 8. */
function columns(text: string): number {
  let column = 0;
  for (const ch of text) column = ch === "\t" ? column + 8 - (column % 8) : column + 1;
  return column;
}

/**
 * `open`, the items separated by commas, then `close`, wrapped at 100 columns with each
 * continuation aligned under the first item (tabs, then spaces), as kernel style has it. `open`
 * may start with tabs.
 */
export function wrapItems(open: string, items: string[], close: string): string {
  const start = columns(open);
  const lines: string[][] = [[]];
  items.forEach((item, i) => {
    const text = `${item}${i === items.length - 1 ? close : ","}`;
    const line = lines[lines.length - 1]!;
    if (line.length === 0 || start + [...line, text].join(" ").length <= maxColumns) line.push(text);
    else lines.push([text]);
  });
  const indent = "\t".repeat(Math.floor(start / 8)) + " ".repeat(start % 8);
  return lines.map((line, i) => `${i === 0 ? open : indent}${line.join(" ")}`).join("\n");
}

/** `head(args)` and `close`, wrapped at 100 columns, continuations aligned under the parenthesis. */
export function wrapCall(head: string, args: string[], close: string): string {
  return wrapItems(`${head}(`, args, close);
}
