import type { ClasEvent, RecordedEvent } from '@clas/domain';

/**
 * Small copy-on-write helpers shared by the folds. They copy exactly one level: the record or
 * array being changed; values inside it are shared with the previous state (never mutated).
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

/** A new record with `key` set to `value`. */
export function setEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  return { ...record, [key]: value };
}

/** A new array with `id` appended unless already present (ids stay in log order). */
export function withId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? (ids as string[]) : [...ids, id];
}

/** A new array with `item` appended. */
export function appended<T>(items: readonly T[], item: T): T[] {
  return [...items, item];
}

/** A new array with the last item matching `predicate` replaced by `update(item)`; unchanged when none. */
export function updateLast<T>(items: readonly T[], predicate: (item: T) => boolean, update: (item: T) => T): T[] {
  for (let i = items.length - 1; i >= 0; i -= 1) {
    if (predicate(items[i])) {
      const copy = items.slice();
      copy[i] = update(items[i]);
      return copy;
    }
  }
  return items as T[];
}

/** Set of a fold's event types, for keysOf's membership test. */
export function typeSet(types: readonly string[]): ReadonlySet<string> {
  return new Set(types);
}
