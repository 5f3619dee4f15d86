/**
 * What the spec helpers (specification.ts, projection-specification.ts) share: equality of
 * plain JSON values and a failure that shows both sides, framework-free.
 */

/** JSON with object keys sorted, so equality ignores key order but nothing else. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function fail(message: string, expected: unknown, actual: unknown): never {
  throw new Error(`${message}\n  expected: ${canonical(expected)}\n  actual:   ${canonical(actual)}`);
}

/** Events and fold states are stored as JSON: a value that does not survive a JSON round trip unchanged is a bug. */
export function assertPlainJson(values: readonly unknown[], what = 'event'): void {
  for (const value of values) {
    const roundTrip: unknown = JSON.parse(JSON.stringify(value));
    if (canonical(roundTrip) !== canonical(value) || hasUndefined(value))
      fail(`${what} is not plain JSON (undefined, Date or class instance inside)`, roundTrip, value);
  }
}

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (value && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) return true;
    return Object.values(value).some(hasUndefined);
  }
  return false;
}
