import type { ClasEvent, RecordedEvent } from '@clas/domain';

/**
 * Small in-place helpers shared by the folds. Folds OWN the state they are given (see
 * `KeyedFold` in core/keyed-fold.ts): these helpers mutate the record or array they receive
 * and return it, so an event costs O(1) whatever the size of the season already folded.
 */

/** A stored event narrowed to one subset of the catalogue (the fold's own events). */
export type EventOf<E extends ClasEvent> = E & { eventId: string; recordedAt: string; globalPosition: number };

/**
 * The fold's view of a stored event: the store keeps `data` opaque, the catalogue types it.
 * Callers only pass events whose `type` is in the fold's `eventTypes` (keysOf guarantees it);
 * upcasters have already brought older schema versions to the current one.
 */
export function asEventOf<E extends ClasEvent>(event: RecordedEvent): EventOf<E> {
  return event as unknown as EventOf<E>;
}

/** Sets `key` to `value` in place; returns the record. */
export function setEntry<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  record[key] = value;
  return record;
}

/** Appends `id` in place unless already present (ids stay in log order); returns the array. */
export function withId(ids: string[], id: string): string[] {
  if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** Appends `item` in place; returns the array. */
export function appended<T>(items: T[], item: T): T[] {
  items.push(item);
  return items;
}

/** Replaces, in place, the last item matching `predicate` by `update(item)`; unchanged when none. */
export function updateLast<T>(items: T[], predicate: (item: T) => boolean, update: (item: T) => T): T[] {
  for (let i = items.length - 1; i >= 0; i -= 1) {
    if (predicate(items[i])) {
      items[i] = update(items[i]);
      return items;
    }
  }
  return items;
}

/** Set of a fold's event types, for keysOf's membership test. */
export function typeSet(types: readonly string[]): ReadonlySet<string> {
  return new Set(types);
}

const interned = new Map<string, string>();

/**
 * One shared instance per distinct short value (dates, clock times, kinds): a season repeats
 * the same few hundred strings thousands of times, and each parsed event brings fresh copies.
 * Bounded: past the limit the value is returned as is (still correct, just not shared).
 */
export function intern<T extends string | null>(value: T): T {
  if (value === null) return value;
  const known = interned.get(value) as T | undefined;
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(value, value);
  return value;
}

const sharedLists = new Map<string, readonly string[]>();
const EMPTY: readonly string[] = Object.freeze([]);

/**
 * A frozen shared copy of a short list of vocabulary strings (activity types…): folds never
 * mutate these lists, so one instance serves every session with the same content.
 */
export function sharedList<T extends string>(values: readonly T[]): T[] {
  if (values.length === 0) return EMPTY as T[];
  const key = values.join('\u0000');
  const known = sharedLists.get(key);
  if (known !== undefined) return known as T[];
  const frozen = Object.freeze(values.map(intern)) as readonly string[];
  if (sharedLists.size < 10_000) sharedLists.set(key, frozen);
  return frozen as T[];
}

/** Empty lists (warnings…) share one frozen instance; a non-empty list is kept as given. */
export function orShared<T>(values: T[]): T[] {
  return values.length === 0 ? (EMPTY as unknown as T[]) : values;
}

const indexes = new WeakMap<readonly object[], Map<string, number>>();

/**
 * Position of the item with id `id` in `items` (ids unique), or -1. The id → index map is built
 * lazily beside the array (a WeakMap, so it is never serialised and dies with the array) and
 * kept up to date by `pushIndexed`; an array changed another way is re-indexed on next use.
 */
export function indexOfId<T extends object>(items: readonly T[], id: string, idOf: (item: T) => string): number {
  let index = indexes.get(items);
  if (index === undefined || index.size !== items.length) {
    index = new Map();
    for (let i = 0; i < items.length; i++) index.set(idOf(items[i]!), i);
    indexes.set(items, index);
  }
  return index.get(id) ?? -1;
}

/** The item with id `id`, or undefined (see `indexOfId`). */
export function byId<T extends object>(items: readonly T[], id: string, idOf: (item: T) => string): T | undefined {
  const i = indexOfId(items, id, idOf);
  return i < 0 ? undefined : items[i];
}

/** Appends an item whose id is not in `items` yet, keeping the lazy index current. */
export function pushIndexed<T extends object>(items: T[], item: T, id: string): void {
  items.push(item);
  const index = indexes.get(items);
  if (index !== undefined && index.size === items.length - 1) index.set(id, items.length - 1);
}
