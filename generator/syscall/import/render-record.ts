/**
 * The text of an imported name -> number table, laid out so a re-import of the same kernel
 * produces the same bytes and a newer kernel shows up as a readable diff.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders an object literal, one `name: number,` per line sorted by number then name, the
 * entries one indentation step (two spaces) deeper than `indent`, the closing brace at
 * `indent`. Reserved words (i386's `break`) stay unquoted: any identifier name is a valid
 * property name. Name order is by code unit, not locale, so it is the same everywhere.
 */
export function renderRecord(entries: ReadonlyMap<string, number>, indent: string): string {
  if (entries.size === 0) return "{}";
  const sorted = [...entries].sort(([nameA, a], [nameB, b]) => a - b || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0));
  const lines = sorted.map(([name, value]) => `${indent}  ${IDENTIFIER.test(name) ? name : JSON.stringify(name)}: ${value},`);
  return `{\n${lines.join("\n")}\n${indent}}`;
}
