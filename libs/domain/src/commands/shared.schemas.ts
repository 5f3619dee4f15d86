import { type Issue, list, localDate, object, refine, type Schema, text, withMeta } from '../schema/schema.js';

/** Where a group meets (a room in a school, a centre social, a library…). */
export const placeSchema = object({
  name: withMeta(text(300), { example: 'École Jean-Jaurès' }),
  commune: withMeta(text(200), { example: 'Carcassonne', description: 'Commune name or INSEE code, as the Caf records it' }),
});

/** `from` ≤ `to`, both calendar dates. */
export const dateRangeSchema = refine(object({ from: localDate(), to: localDate() }), (r): Issue | null =>
  r.from > r.to ? { path: '', message: 'from must not be after to' } : null,
);

/** Integer cents ≥ 1: an amount that must not be nothing (a payment, a budget). */
export const positiveCents = <T extends number>(cents: Schema<T>): Schema<T> =>
  refine(cents, (v) => (v < 1 ? { path: '', message: 'must be at least 1 cents' } : null), { minimum: 1 });

/** No two items share the key `key` ('duplicate X' on `list.key`, the domain's historical wording). */
export function distinctBy<T>(items: Schema<T[]>, key: keyof T & string): Schema<T[]> {
  return refine(items, (values) => {
    const seen = new Set<unknown>();
    for (const value of values) {
      if (seen.has(value[key])) return { path: key, message: `duplicate ${String(value[key])}` };
      seen.add(value[key]);
    }
    return null;
  });
}

/** Lists of ids that must not repeat one. */
export const idList = (item: Schema<string>, what: string, opts: { min?: number; max?: number } = {}): Schema<string[]> =>
  list(item, { ...opts, unique: { what } });
