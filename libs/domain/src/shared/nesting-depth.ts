/**
 * How deep a JSON document may nest (R-INPUT). No Clas request comes near it (a command is
 * about 5 levels deep); beyond it, the recursive walks of class-transformer, class-validator
 * and the deciders' checks would overflow the stack (≈ 1 800 levels was a 500). Checked on the
 * HTTP body before anything reads it, on each NDJSON import line, and on a command's `data`.
 */
export const MAX_NESTING_DEPTH = 32;

/**
 * Whether objects and arrays nest more than `limit` levels: a scalar is 0 deep, `{}` and `[]`
 * are 1, `{"a":[1]}` is 2. Walks with its own stack (never recursion, so it cannot overflow
 * on the very input it guards against) and stops at the first path over the limit.
 */
export function nestingDepthExceeds(value: unknown, limit: number = MAX_NESTING_DEPTH): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    for (const child of Object.values(next.value)) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth });
    }
  }
  return false;
}
