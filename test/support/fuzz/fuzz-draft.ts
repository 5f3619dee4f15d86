import type { IdPools, Route } from './openapi-routes.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * A request being built: the route's parts as values, so mutations can change one part
 * (a field of the body, a header, a path id) and the rest stays well-formed.
 */
export interface Draft {
  method: string;
  route: Route;
  /** Path parameters, already percent-encoded (a mutation may put raw escapes in). */
  params: Record<string, string>;
  /** Query pairs, already percent-encoded. */
  query: Array<[string, string]>;
  /** Appended to the path (a trailing slash, an extra segment). */
  pathSuffix: string;
  headers: Record<string, string>;
  /** The JSON body as a value; undefined: no body. */
  body: unknown;
  /**
   * JSON texts no value can produce without overflowing JSON.stringify (10 000 levels) or that
   * JSON.parse reads as odd numbers (`1e999` is Infinity, `-0`): a marker string stands in the
   * body and its JSON form is replaced by the text when the body is serialised.
   */
  raw: Map<string, string>;
  /** The body's bytes, replacing the serialised body (malformed JSON, binary). */
  bodyBytes?: Buffer;
  /** Compress the serialised body this way (a valid encoding); `truncate` cuts it short. */
  compress?: { encoding: 'gzip' | 'deflate' | 'br'; truncate: boolean };
}

export type JsonPath = Array<string | number>;

/** Every path to a value inside the body (the root excluded), objects and arrays included. */
export function pathsOf(value: unknown): JsonPath[] {
  const out: JsonPath[] = [];
  const pending: Array<{ value: unknown; path: JsonPath }> = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const entries: Array<[string | number, unknown]> = Array.isArray(next.value)
      ? next.value.map((v, i) => [i, v])
      : Object.entries(next.value);
    for (const [key, child] of entries) {
      const path = [...next.path, key];
      out.push(path);
      pending.push({ value: child, path });
    }
  }
  return out;
}

function parentOf(body: unknown, path: JsonPath): Record<string | number, unknown> | null {
  let node = body;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string | number, unknown>)[key];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>) : null;
}

export function getAt(body: unknown, path: JsonPath): unknown {
  const parent = parentOf(body, path);
  return parent === null ? undefined : parent[path[path.length - 1]!];
}

/** Sets a property as an own, enumerable data property (so `__proto__` is a key, not the prototype). */
export function setAt(body: unknown, path: JsonPath, value: unknown): void {
  const parent = parentOf(body, path);
  if (parent === null) return;
  Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

export function deleteAt(body: unknown, path: JsonPath): void {
  const parent = parentOf(body, path);
  if (parent === null) return;
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete parent[key];
}

/** A place in the body for a new value: an existing path, or a new key on the root. */
export function somePath(
  draft: Draft,
  random: SeededRandom,
  filter: (path: JsonPath, value: unknown) => boolean = () => true,
): JsonPath | null {
  const candidates = pathsOf(draft.body).filter((path) => filter(path, getAt(draft.body, path)));
  return candidates.length > 0 ? random.pick(candidates) : null;
}

/** Puts a raw JSON text at a path of the body (see Draft.raw). */
export function setRaw(draft: Draft, path: JsonPath, text: string): void {
  const marker = `@@raw-${draft.raw.size}@@`;
  draft.raw.set(marker, text);
  setAt(draft.body, path, marker);
}

export const label = (path: JsonPath): string =>
  path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .slice(1) || '(root)';

/** What the generator knows of the server it fuzzes. */
export interface FuzzWorld {
  /** Ids of the seeded log by parameter / property name. */
  ids: IdPools;
  /** `Authorization` values of real actors, every role, in and out of the seeded season's scope. */
  bearers: ReadonlyArray<{ role: string; inScope: boolean; bearer: string }>;
  /** A token signed with the right secret whose `exp` has passed. */
  expiredBearer: string;
}
