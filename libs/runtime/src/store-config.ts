import type { EventStoreConfig } from '@clas/event-store';
import type { ClasConfig } from './config.js';

/**
 * The event store the configuration names (CLAS_EVENT_STORE, …). One mapping for every app
 * (api, projector, relay, cli), so they can never disagree about which log they open.
 */
export function storeConfigOf(
  config: ClasConfig,
  onSubscriptionDropped?: (error: unknown, attempt: number, delayMs: number) => void,
): EventStoreConfig {
  switch (config.eventStore) {
    case 'postgres':
      return { kind: 'postgres', url: config.databaseUrl!, maxEventBytes: config.maxEventBytes };
    case 'eventstoredb':
      return { kind: 'eventstoredb', connectionString: config.esdbUrl!, maxEventBytes: config.maxEventBytes, onSubscriptionDropped };
    case 'sqlite':
      return { kind: 'sqlite', path: config.sqlitePath, maxEventBytes: config.maxEventBytes };
  }
}
