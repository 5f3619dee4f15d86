import { isInstant, isLocalDate, type Instant, type LocalDate, SUPPORTED_YEARS_TEXT } from '../shared/calendar-date.js';
import type { Cents } from '../shared/money.js';
import { isSchoolYear, type SchoolYear } from '../shared/school-year.js';
import { isAggregateId } from '../events/stream-ids.js';
import { isKnownCafCode } from './known-caf-codes.js';

/**
 * A payload schema: ONE declaration per command payload, from which follow its TypeScript type
 * (`Infer`), the runtime check every entry runs (`validate`, R-INPUT) and its JSON Schema
 * (`toJsonSchema`, the OpenAPI request body). Plain data and pure functions: the domain stays
 * free of any validation framework, and the HTTP edge drives class-validator from it.
 */
export type JsonSchema = Record<string, unknown>;

/** What the documentation and the error say about a node; `ruleId` replaces R-INPUT in its rejections. */
export interface Meta {
  readonly description?: string;
  readonly example?: unknown;
  readonly ruleId?: string;
  /** A component name: the JSON Schema refers to it instead of inlining it. */
  readonly name?: string;
}

/** A problem inside a value: the path below the checked node ('' = the node itself) and the text. */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

export type Node =
  /** A leaf: one predicate, one message (a bad value yields exactly one error for its field). */
  | { readonly kind: 'scalar'; readonly test: (value: unknown) => boolean; readonly message: string; readonly json: JsonSchema }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Schema>> }
  | { readonly kind: 'list'; readonly item: Schema; readonly min: number; readonly max: number; readonly unique?: Unique }
  | { readonly kind: 'record'; readonly value: Schema }
  | { readonly kind: 'optional'; readonly inner: Schema }
  | { readonly kind: 'nullable'; readonly inner: Schema }
  | { readonly kind: 'union'; readonly discriminator: string; readonly variants: Readonly<Record<string, Schema>> }
  /** A cross-field condition of the shape, checked once the inner shape holds. */
  | { readonly kind: 'refine'; readonly inner: Schema; readonly check: (value: never) => Issue | null; readonly json?: JsonSchema };

interface Unique {
  readonly key: (item: never) => unknown;
  readonly what: string;
}

/** `T` is phantom: it only carries the type the node accepts. */
export type Schema<T = unknown> = Node & { readonly meta: Meta; readonly __type?: T };
type Opt<T> = Schema<T> & { readonly kind: 'optional' };

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Any schema, its value type kept: `Schema<unknown>` would erase what Infer reads back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one place the schema's own type parameter is left open
type AnySchema = Schema<any>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<F> = { [K in keyof F]: F[K] extends Opt<unknown> ? K : never }[keyof F];
type ObjectOf<F extends Record<string, AnySchema>> = Simplify<
  { [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Infer<F[K]> }
>;

const node = <T>(n: Node, meta: Meta = {}): Schema<T> => ({ ...n, meta }) as Schema<T>;

export function scalar<T>(test: (value: unknown) => boolean, message: string, json: JsonSchema): Schema<T> {
  return node<T>({ kind: 'scalar', test, message, json });
}

/** A non-empty text (not only spaces) of at most `max` characters. */
export const text = (max: number): Schema<string> =>
  scalar((v) => typeof v === 'string' && v.trim() !== '' && v.length <= max, `must be a non-empty text of at most ${max} characters`, {
    type: 'string',
    minLength: 1,
    maxLength: max,
  });

/** Opaque aggregate or person ids: letters, digits, - _ . : (they become part of stream ids). */
export const id = (): Schema<string> =>
  scalar(isAggregateId, 'must be an id of at most 100 characters (letters, digits, - _ . :)', {
    type: 'string',
    pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$',
    maxLength: 100,
  });

export const int = (min: number, max: number): Schema<number> =>
  scalar((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max, `must be an integer between ${min} and ${max}`, {
    type: 'integer',
    minimum: min,
    maximum: max,
  });

/** Money: integer cents ≥ 0 (R-PS-FORMULA: never float euros, never negative). */
export const cents = (): Schema<Cents> =>
  scalar((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0, 'must be an integer ≥ 0 (cents)', {
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
  });

export const bool = (): Schema<boolean> => scalar((v) => typeof v === 'boolean', 'must be true or false', { type: 'boolean' });

export const localDate = (): Schema<LocalDate> =>
  scalar(isLocalDate, `must be a calendar date YYYY-MM-DD in ${SUPPORTED_YEARS_TEXT}`, {
    type: 'string',
    format: 'date',
    example: '2026-11-03',
  });

export const instant = (): Schema<Instant> =>
  scalar(isInstant, `must be an ISO-8601 instant with a zone, a real date in ${SUPPORTED_YEARS_TEXT} (e.g. "2026-10-05T08:00:00Z")`, {
    type: 'string',
    format: 'date-time',
    example: '2026-11-03T16:45:00Z',
  });

export const schoolYear = (): Schema<SchoolYear> =>
  scalar(isSchoolYear, 'must be a school year "YYYY-YYYY+1" (e.g. "2026-2027")', {
    type: 'string',
    pattern: '^\\d{4}-\\d{4}$',
    example: '2026-2027',
  });

/** The code of a département that exists (a typo is refused, not a new campaign). */
export const cafCode = (): Schema<string> =>
  scalar(isKnownCafCode, 'must be the code of a département (e.g. "11", "2A", "974")', {
    type: 'string',
    pattern: '^(\\d{2}|2A|2B|97[1-6])$',
    example: '11',
  });

/** Paris wall-clock 'HH:MM', 24 h. */
export const clockTime = (): Schema<string> =>
  scalar((v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'must be a time HH:MM (24 h, Europe/Paris)', {
    type: 'string',
    pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
    example: '16:45',
  });

export const monthDay = (): Schema<string> =>
  scalar((v) => typeof v === 'string' && /^\d{2}-\d{2}$/.test(v) && isLocalDate(`2000-${v}`), 'must be a month-day MM-DD', {
    type: 'string',
    pattern: '^\\d{2}-\\d{2}$',
    example: '11-01',
  });

export const oneOf = <const V extends readonly string[]>(values: V): Schema<V[number]> =>
  scalar((v) => typeof v === 'string' && values.includes(v), `must be one of ${values.join(', ')}`, { type: 'string', enum: [...values] });

/** Unknown fields are refused ('is not an accepted field'), like the HTTP edge's whitelist. */
export const object = <F extends Record<string, AnySchema>>(fields: F): Schema<ObjectOf<F>> => node({ kind: 'object', fields });

/** `min`..`max` items; `unique` refuses two items with the same key ('must not repeat a …'). */
export function list<T>(
  item: Schema<T>,
  opts: { min?: number; max?: number; unique?: { key?: (item: T) => unknown; what: string } } = {},
): Schema<T[]> {
  const { min = 0, max = 1000, unique } = opts;
  return node({ kind: 'list', item, min, max, ...(unique ? { unique: { key: unique.key ?? ((x: T) => x), what: unique.what } } : {}) });
}

/** An object of `value`s under any keys. */
export const record = <T>(value: Schema<T>): Schema<Record<string, T>> => node({ kind: 'record', value });

/** The field may be left out, but not sent as null (the domain reads a null as a value to refuse). */
export const optional = <T>(inner: Schema<T>): Opt<T> => node<T>({ kind: 'optional', inner }) as Opt<T>;

export const nullable = <T>(inner: Schema<T>): Schema<T | null> => node({ kind: 'nullable', inner });

/** One of several object shapes, told apart by the text field `discriminator`. */
export function union<D extends string, V extends Record<string, Schema<object>>>(
  discriminator: D,
  variants: V,
): Schema<{ [K in keyof V]: Infer<V[K]> & Record<D, K> }[keyof V]> {
  return node({ kind: 'union', discriminator, variants });
}

/** A condition across fields of a well-shaped value; `check` answers the issue (path below the node) or null. */
export const refine = <T>(inner: Schema<T>, check: (value: T) => Issue | null, json?: JsonSchema): Schema<T> =>
  node({ kind: 'refine', inner, check, ...(json ? { json } : {}) });

/** Documentation and rule id of a node (kept by the JSON Schema and the rejection). */
export const withMeta = <S extends AnySchema>(schema: S, meta: Meta): S => ({ ...schema, meta: { ...schema.meta, ...meta } });

/** A named component: `/docs-json` shows it once under components.schemas. */
export const named = <S extends AnySchema>(name: string, schema: S, meta: Omit<Meta, 'name'> = {}): S =>
  withMeta(schema, { ...meta, name });

/** An object schema without some fields. */
export function omit<T extends object, K extends keyof T & string>(schema: Schema<T>, keys: readonly K[]): Schema<Simplify<Omit<T, K>>> {
  // A refined object keeps its condition, which must not read the omitted fields.
  if (schema.kind === 'refine') return node({ ...schema, inner: omit(schema.inner as Schema<T>, keys) }, schema.meta);
  const fields = fieldsOf(schema);
  return node({
    kind: 'object',
    fields: Object.fromEntries(Object.entries(fields).filter(([k]) => !(keys as readonly string[]).includes(k))),
  });
}

/** Every field of an object schema made optional (an amendment patch). */
export function partial<T extends object>(schema: Schema<T>): Schema<Partial<T>> {
  const fields = fieldsOf(schema);
  return node({
    kind: 'object',
    fields: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.kind === 'optional' ? f : optional(f)])),
  });
}

function fieldsOf(schema: Schema): Readonly<Record<string, Schema>> {
  if (schema.kind !== 'object') throw new Error(`not an object schema: ${schema.kind}`);
  return schema.fields;
}
