import type { Rejection } from '../shared/result.js';
import type { Issue, Schema } from './schema.js';

/** `items` + `0` → `items[0]`; `data` + `budget` → `data.budget`; '' is the root. */
export const joinPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : key === '' ? parent : `${parent}.${key}`;

interface Found extends Issue {
  readonly ruleId: string | undefined;
}

/**
 * The first problem of `value` against `schema` (R-INPUT), as the domain's Rejection:
 * code INVALID_INPUT, the node's own rule id or R-INPUT, `details.field` = `path` + the path
 * inside the value, message `field: text`. Fields are checked in declaration order, then
 * unknown fields; null when the value fits.
 */
export function validate(schema: Schema, value: unknown, path = ''): Rejection | null {
  const found = firstIssue(schema, value, path);
  if (!found) return null;
  return {
    code: 'INVALID_INPUT',
    ruleId: found.ruleId ?? 'R-INPUT',
    message: `${found.path}: ${found.message}`,
    details: { field: found.path },
  };
}

/** Type guard form, for code that holds an `unknown`. */
export const conforms = <T>(schema: Schema<T>, value: unknown): value is T => firstIssue(schema, value, '') === null;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isLeaf(schema: Schema): boolean {
  if (schema.kind === 'scalar') return true;
  return (schema.kind === 'optional' || schema.kind === 'nullable' || schema.kind === 'refine') && isLeaf(schema.inner);
}

function firstIssue(schema: Schema, value: unknown, path: string): Found | null {
  const issue = (message: string, at = path): Found => ({ path: at, message, ruleId: schema.meta.ruleId });
  switch (schema.kind) {
    case 'scalar':
      return schema.test(value) ? null : issue(schema.message);
    case 'optional':
      return value === undefined ? null : firstIssue(schema.inner, value, path);
    case 'nullable':
      return value === null ? null : firstIssue(schema.inner, value, path);
    case 'object': {
      if (!isPlainObject(value)) return issue('must be an object');
      for (const [key, field] of Object.entries(schema.fields)) {
        const found = firstIssue(field, value[key], joinPath(path, key));
        if (found) return found;
      }
      const unknown = Object.keys(value).find((key) => !(key in schema.fields));
      return unknown === undefined ? null : issue('is not an accepted field', joinPath(path, unknown));
    }
    case 'record': {
      if (!isPlainObject(value)) return issue('must be an object');
      for (const [key, item] of Object.entries(value)) {
        const found = firstIssue(schema.value, item, joinPath(path, key));
        if (found) return found;
      }
      return null;
    }
    case 'list': {
      if (!Array.isArray(value)) return issue('must be a list');
      if (value.length < schema.min || value.length > schema.max) return issue(`must be a list of ${schema.min} to ${schema.max} items`);
      // A bad item of a list of plain values is the list's problem (`activityTypes: must be one of …`); an item with fields names its index.
      const leaf = isLeaf(schema.item);
      for (let i = 0; i < value.length; i++) {
        const found = firstIssue(schema.item, value[i], leaf ? path : joinPath(path, i));
        if (found) return found;
      }
      if (schema.unique) {
        const key = schema.unique.key as (item: unknown) => unknown;
        if (new Set(value.map(key)).size !== value.length)
          return issue(`must not repeat ${/^[aeiou]/i.test(schema.unique.what) ? 'an' : 'a'} ${schema.unique.what}`);
      }
      return null;
    }
    case 'union': {
      if (!isPlainObject(value)) return issue('must be an object');
      const tag = value[schema.discriminator];
      const variant = typeof tag === 'string' && Object.hasOwn(schema.variants, tag) ? schema.variants[tag] : undefined;
      if (!variant) return issue(`must be one of ${Object.keys(schema.variants).join(', ')}`, joinPath(path, schema.discriminator));
      return firstIssue(variant, value, path);
    }
    case 'refine': {
      const inner = firstIssue(schema.inner, value, path);
      if (inner) return inner;
      const found = (schema.check as (v: unknown) => Issue | null)(value);
      return found ? issue(found.message, joinPath(path, found.path)) : null;
    }
  }
}
