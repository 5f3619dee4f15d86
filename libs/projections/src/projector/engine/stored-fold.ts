import type { RecordedEvent } from '@clas/domain';
import type { KeyedFold } from '../../core/keyed-fold.js';
import type { StoredFoldState } from '../../read-models/fold-state.repository.js';

/** A key's state before any event: position 0, no instant. */
export function initialStored<S>(fold: KeyedFold<S>, key: string): StoredFoldState<S> {
  return { state: fold.initial(key), lastPosition: 0, lastInstant: '' };
}

/**
 * Applies one event to a stored state in place (the caller owns it): evolve, then move
 * `lastPosition` to the event and `lastInstant` to the latest max(occurredAt, recordedAt).
 */
export function applyStored<S>(fold: KeyedFold<S>, stored: StoredFoldState<S>, event: RecordedEvent): void {
  stored.state = fold.evolve(stored.state, event);
  stored.lastPosition = event.globalPosition;
  const instant = event.occurredAt > event.recordedAt ? event.occurredAt : event.recordedAt;
  if (instant > stored.lastInstant) stored.lastInstant = instant;
}

/**
 * Folds one key's events (in global order) the way the projector does: only events the fold
 * routes to the key, at or before `upTo`; `lastPosition` is the last one applied and
 * `lastInstant` the latest max(occurredAt, recordedAt). Null when no event applies.
 */
export function foldStored<S>(
  fold: KeyedFold<S>,
  key: string,
  events: Iterable<RecordedEvent>,
  upTo = Number.POSITIVE_INFINITY,
): StoredFoldState<S> | null {
  let stored: StoredFoldState<S> | null = null;
  for (const event of events) {
    if (event.globalPosition > upTo) continue;
    const keys = fold.keysOf(event);
    if (keys.length === 0 || (keys.length === 1 ? keys[0] !== key : !keys.includes(key))) continue;
    stored ??= initialStored(fold, key);
    applyStored(fold, stored, event);
  }
  return stored;
}
