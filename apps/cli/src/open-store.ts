import type { Clock, EventStore, EventStoreConfig } from '@clas/event-store';
import { createEventStore } from '@clas/event-store';
import { type ClasConfig, storeConfigOf } from '@clas/runtime';

/** The event store the configuration names (as the API opens it); the clock stamps recordedAt (the demo's is simulated). */
export function eventStoreConfigOf(config: ClasConfig, clock?: Clock): EventStoreConfig {
  return { ...storeConfigOf(config), ...(clock ? { clock } : {}) };
}

export async function openStore(config: ClasConfig, clock?: Clock): Promise<EventStore> {
  return createEventStore(eventStoreConfigOf(config, clock));
}

/** Runs `work` with an open store and always closes it. */
export async function withStore<T>(config: ClasConfig, work: (store: EventStore) => Promise<T>, clock?: Clock): Promise<T> {
  const store = await openStore(config, clock);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
