import type { EventStore, EventStoreOptions } from './event-store.port.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { connectEventStoreDb, type EventStoreDbConnectOptions } from './eventstoredb-client.js';

export type EventStoreConfig =
  | ({ kind: 'sqlite'; path?: string } & EventStoreOptions)
  | ({ kind: 'postgres'; url: string; schema?: string; poolSize?: number } & EventStoreOptions)
  | ({ kind: 'eventstoredb' } & EventStoreDbConnectOptions);

/**
 * Builds the configured adapter; PostgreSQL connects and migrates before resolving, EventStoreDB
 * connects and pings within `connectTimeoutMs` (an unreachable server rejects with STORE_UNAVAILABLE).
 */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'sqlite': {
      const { kind: _kind, ...options } = config;
      return new SqliteEventStore(options);
    }
    case 'postgres': {
      const { kind: _kind, ...options } = config;
      return PostgresEventStore.start(options);
    }
    case 'eventstoredb': {
      const { kind: _kind, ...options } = config;
      return connectEventStoreDb(options);
    }
    default: {
      const unknown: never = config;
      throw new Error(`unknown event store kind: ${(unknown as { kind: string }).kind}`);
    }
  }
}
