/**
 * Membership in a type list declared once as a const array (`goIntegers`, `sizedFieldIntegers`):
 * the spec language files cannot call array methods (they are type-checked with a stand-in
 * library), so the check that narrows a string to the list's type lives here.
 */

/** Whether `value` is one of `list`, narrowing it to the list's element type. */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
