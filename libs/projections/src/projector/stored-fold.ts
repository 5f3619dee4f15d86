import type { RecordedEvent } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import type { StoredFoldState } from '../read-models/fold-state.repository.js';

/**
 * Folds one key's events (in global order) the way the projector does: only events the fold
 * routes to the key, at or before `upTo`; `lastPosition` is the last one applied and
 * `lastInstant` the latest max(occurredAt, recordedAt). Null when no event applies.
 */
export function foldStored<S>(fold: KeyedFold<S>, key: string, events: Iterable<RecordedEvent>, upTo = Number.POSITIVE_INFINITY): StoredFoldState<S> | null {
  let stored: StoredFoldState<S> | null = null;
  for (const event of events) {
    if (event.globalPosition > upTo) continue;
    const keys = fold.keysOf(event);
    if (keys.length === 0 || (keys.length === 1 ? keys[0] !== key : !keys.includes(key))) continue;
    stored ??= { state: fold.initial(key), lastPosition: 0, lastInstant: '' };
    stored.state = fold.evolve(stored.state, event);
    stored.lastPosition = event.globalPosition;
    const instant = event.occurredAt > event.recordedAt ? event.occurredAt : event.recordedAt;
    if (instant > stored.lastInstant) stored.lastInstant = instant;
  }
  return stored;
}

/** Streams read separately, merged in global (recorded) order. */
export function mergeByPosition(streams: readonly (readonly RecordedEvent[])[]): RecordedEvent[] {
  if (streams.length === 1) return streams[0] as RecordedEvent[];
  const all = streams.flat();
  all.sort((a, b) => a.globalPosition - b.globalPosition);
  return all;
}
