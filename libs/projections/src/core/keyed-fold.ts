import type { RecordedEvent } from '@clas/domain';

/**
 * A projection is a pure fold over events, partitioned by key (a project id, a campaign
 * "caf:year", an operator id, a convention id). The SAME fold serves two masters:
 * - time travel: fold the events of the streams a question needs, filtered by `at`
 *   (occurredAt) and `knownAt` (recordedAt), in the order they were recorded;
 * - the projector: fold the whole log in global order, keep each key's state in the read
 *   database (with the checkpoint, in one transaction), and derive the stored answers.
 * Because both run the same `evolve`, "now" from the read models and "now" from a fold agree.
 *
 * Ownership: a state has exactly ONE owner, and `evolve` may mutate the state it is given
 * (the folds of this library do: an event costs O(1) whatever the season folded so far, with
 * no copy of the collectif's sessions or attendance). The returned state replaces the argument;
 * the caller must not use the argument afterwards, nor keep it as a snapshot. Consequences:
 * - `foldAsOf` starts from `initial()` on every call, so a question never shares state;
 * - the projector owns the states it caches: a batch evolves them in place, and if the batch
 *   (or its commit) fails, the projector drops its whole cache and reloads from the read
 *   database, so a half-applied batch never survives;
 * - to keep a snapshot, copy it (`structuredClone`, or a JSON round trip).
 * Values a fold shares between states (interned strings, frozen vocabulary lists, a frozen
 * list of child ids reused by several attendance sheets) are never mutated.
 * States are plain JSON (objects, arrays, strings, numbers, booleans, null): the projector
 * stores them as JSON and `JSON.parse(JSON.stringify(s))` is an identical state.
 */
export interface KeyedFold<S> {
  /** Stable name, e.g. "project". Used for state tables and checkpoints. */
  readonly name: string;
  /** Bump when evolve or S changes: the projector rebuilds that fold from the start. */
  readonly version: number;
  /** Event types this fold reads (a store-side filter for subscriptions and scans). */
  readonly eventTypes: readonly string[];
  /** Keys whose state the event changes; [] when the event is irrelevant. */
  keysOf(event: RecordedEvent): string[];
  initial(key: string): S;
  /** Applies one event: may mutate `state` (its owner hands it over) and returns the new state. */
  evolve(state: S, event: RecordedEvent): S;
}

/** The two dates of every question (domain.md §7). ISO instants. */
export interface AsOf {
  /** World time: events with occurredAt ≤ at are applied. */
  at: string;
  /** Knowledge time: only events with recordedAt ≤ knownAt exist. */
  knownAt: string;
}

/** True when the event existed at `knownAt` and had happened by `at`. */
export function isVisibleAsOf(event: Pick<RecordedEvent, 'occurredAt' | 'recordedAt'>, asOf: AsOf): boolean {
  return event.recordedAt <= asOf.knownAt && event.occurredAt <= asOf.at;
}

/** Folds events (already in recorded order) for one key, honouring `at` and `knownAt`. */
export function foldAsOf<S>(fold: KeyedFold<S>, key: string, events: Iterable<RecordedEvent>, asOf: AsOf): S {
  let state = fold.initial(key);
  for (const event of events) {
    if (!isVisibleAsOf(event, asOf)) continue;
    if (!fold.keysOf(event).includes(key)) continue;
    state = fold.evolve(state, event);
  }
  return state;
}

/** Streams read separately, merged in global (recorded) order. */
export function mergeByPosition(streams: readonly (readonly RecordedEvent[])[]): RecordedEvent[] {
  if (streams.length === 1) return streams[0] as RecordedEvent[];
  const all = streams.flat();
  all.sort((a, b) => a.globalPosition - b.globalPosition);
  return all;
}
