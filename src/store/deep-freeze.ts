/**
 * Freezes a value and everything inside it, so code that changes committed data in place, which the
 * journal would never see, fails loudly (a TypeError in strict mode) instead of losing the change on restart.
 * @example deepFreeze({ claims: [claim] }).claims.push(other) // throws TypeError
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
