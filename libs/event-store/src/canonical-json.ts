/**
 * The canonical JSON text of a value: object keys sorted by UTF-16 code units, no whitespace,
 * strings and numbers written as JSON.stringify writes them. For JSON values this is the JSON
 * Canonicalization Scheme (RFC 8785), so two values a JSON reader cannot tell apart — the same
 * body sent with its keys in another order — get the same text, hence the same hash.
 *
 * Like JSON.stringify: `toJSON` is honoured, undefined / functions / symbols are left out of
 * objects and become null in arrays, non-finite numbers become null. A hand-written walk rather
 * than JSON.stringify with a key-sorting replacer: objects list integer-like keys ("9", "10")
 * in numeric order whatever order they were built in, so a rebuilt object cannot carry the sort.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(input: unknown): string | undefined {
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value) as string | undefined;
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = write(record[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
