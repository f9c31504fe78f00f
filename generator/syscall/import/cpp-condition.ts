/**
 * Evaluates the controlling expression of `#if`/`#elif` in a uapi header. Only the integer
 * subset headers use is understood; anything else is an error rather than a guess.
 */

/** What the preprocessor knows about macros at the point of the directive. */
export interface ConditionContext {
  /** true/false when known; "target" when the compiler defines it per target (e.g. __powerpc64__). */
  isDefined(name: string): boolean | "target";
  /** The integer an identifier stands for, or undefined when no header read here says. */
  valueOf(name: string): number | undefined;
}

/** The result, plus the macros whose target-dependent or unknown values it rests on. */
export interface ConditionResult {
  value: boolean;
  dependsOn: string[];
}

const TOKEN = /\s*(?:(0[xX][0-9A-Fa-f]+|\d+)[uUlL]*|([A-Za-z_]\w*)|(\|\||&&|==|!=|<=|>=|[()!<>+\-*\/%~]))/y;
const BINARY: Record<string, [number, (a: number, b: number) => number]> = {
  "||": [1, (a, b) => Number(a !== 0 || b !== 0)],
  "&&": [2, (a, b) => Number(a !== 0 && b !== 0)],
  "==": [3, (a, b) => Number(a === b)],
  "!=": [3, (a, b) => Number(a !== b)],
  "<": [4, (a, b) => Number(a < b)],
  ">": [4, (a, b) => Number(a > b)],
  "<=": [4, (a, b) => Number(a <= b)],
  ">=": [4, (a, b) => Number(a >= b)],
  "+": [5, (a, b) => a + b],
  "-": [5, (a, b) => a - b],
  "*": [6, (a, b) => a * b],
  "/": [6, (a, b) => (b === 0 ? 0 : Math.trunc(a / b))],
  "%": [6, (a, b) => (b === 0 ? 0 : a % b)],
};

/** Evaluates `expression`; throws a plain Error (the caller adds file and line) if it cannot. */
export function evaluateCondition(expression: string, context: ConditionContext): ConditionResult {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.trimEnd().length) {
    const match = TOKEN.exec(expression);
    if (match === null) throw new Error(`cannot read #if expression "${expression.trim()}"`);
    tokens.push(match[1] ?? match[2] ?? match[3]!);
  }
  const dependsOn = new Set<string>();
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const take = (expected?: string): string => {
    const token = tokens[position++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Error(`malformed #if expression "${expression.trim()}"`);
    }
    return token;
  };

  const primary = (): number => {
    const token = take();
    if (token === "(") {
      const inner = binary(1);
      take(")");
      return inner;
    }
    if (token === "!") return Number(primary() === 0);
    if (token === "-") return -primary();
    if (token === "~") return ~primary();
    if (/^\d/.test(token)) return /^0[0-7]+$/.test(token) ? Number.parseInt(token, 8) : Number(token);
    if (token === "defined") {
      const parenthesised = peek() === "(";
      if (parenthesised) take("(");
      const name = take();
      if (parenthesised) take(")");
      const defined = context.isDefined(name);
      if (defined === "target") dependsOn.add(name);
      return Number(defined === true);
    }
    if (!/^[A-Za-z_]/.test(token)) throw new Error(`unexpected "${token}" in #if expression`);
    const value = context.valueOf(token);
    if (value === undefined) dependsOn.add(token);
    return value ?? 0;
  };

  const binary = (minimum: number): number => {
    let left = primary();
    for (let op = peek(); op !== undefined && (BINARY[op]?.[0] ?? 0) >= minimum; op = peek()) {
      const [precedence, apply] = BINARY[take()]!;
      left = apply(left, binary(precedence + 1));
    }
    return left;
  };

  const value = binary(1);
  if (position !== tokens.length) throw new Error(`malformed #if expression "${expression.trim()}"`);
  return { value: value !== 0, dependsOn: [...dependsOn].sort() };
}
