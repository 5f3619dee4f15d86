import { type ClasEvent, type Decider, isClasEvent } from '@clas/domain';
import type { EventStore, StoredEvent } from '@clas/event-store';

export interface LoadedAggregate<S> {
  state: S;
  /** Version of the last event read; -1 when the stream does not exist. */
  version: number;
  events: StoredEvent[];
}

/**
 * Reads a stream and folds it with the decider's evolve. The store has already upcast old
 * schema versions, so an event outside the catalogue here is a wiring bug: it throws rather
 * than deciding on a state that silently skipped a fact.
 */
export async function loadAggregate<C, E extends ClasEvent, S, X>(
  store: EventStore,
  decider: Decider<C, E, S, X>,
  streamId: string,
): Promise<LoadedAggregate<S>> {
  const events = await store.readStream(streamId);
  let state = decider.initialState();
  for (const event of events) {
    if (!isClasEvent(event))
      throw new Error(`${streamId}@${event.streamVersion}: ${event.type} v${event.schemaVersion} is not a current event of the catalogue`);
    state = decider.evolve(state, event as unknown as E);
  }
  return { state, version: events.length === 0 ? -1 : events[events.length - 1]!.streamVersion, events };
}
