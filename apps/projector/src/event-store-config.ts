import type { EventStoreConfig } from '@clas/event-store';
import type { ClasConfig } from '@clas/runtime';

/** The event store the configuration names (loadConfig has validated it). */
export function eventStoreConfigOf(config: ClasConfig): EventStoreConfig {
  return config.eventStore === 'postgres'
    ? { kind: 'postgres', url: config.databaseUrl!, maxEventBytes: config.maxEventBytes }
    : { kind: 'sqlite', path: config.sqlitePath, maxEventBytes: config.maxEventBytes };
}
