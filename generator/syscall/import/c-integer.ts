/**
 * Integer literals as they appear in macro bodies of uapi headers: `58`, `0x04000000U`, `(6)`.
 */

/**
 * Returns the value of a C integer literal, allowing surrounding parentheses and the u/l
 * suffixes, or undefined when the text is anything else (an expression, a name, a cast).
 */
export function parseCInteger(text: string): number | undefined {
  let body = text.trim();
  while (body.startsWith("(") && body.endsWith(")")) body = body.slice(1, -1).trim();
  const match = /^(-?)(0[xX][0-9A-Fa-f]+|0[0-7]*|[1-9][0-9]*)[uUlL]*$/.exec(body);
  if (match === null) return undefined;
  const digits = match[2]!;
  const magnitude = /^0[xX]/.test(digits)
    ? Number.parseInt(digits.slice(2), 16)
    : digits.startsWith("0")
      ? Number.parseInt(digits, 8)
      : Number.parseInt(digits, 10);
  return match[1] === "-" ? -magnitude : magnitude;
}
