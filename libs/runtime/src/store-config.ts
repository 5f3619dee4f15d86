import { CLAS_UPCASTERS } from '@clas/domain';
import type { EventStoreConfig } from '@clas/event-store';
import type { ClasConfig } from './config.js';

/**
 * The event store the configuration names, reading older event schemas through the domain's
 * upcasters (CLAS_UPCASTERS: a v1 decision gains meetingId null) (CLAS_EVENT_STORE, …). One mapping for every app
 * (api, projector, relay, cli), so they can never disagree about which log they open.
 */
export function storeConfigOf(
  config: ClasConfig,
  onSubscriptionDropped?: (error: unknown, attempt: number, delayMs: number) => void,
): EventStoreConfig {
  switch (config.eventStore) {
    case 'postgres':
      return { kind: 'postgres', url: config.databaseUrl!, maxEventBytes: config.maxEventBytes, upcasters: CLAS_UPCASTERS };
    case 'eventstoredb':
      return {
        kind: 'eventstoredb',
        connectionString: config.esdbUrl!,
        maxEventBytes: config.maxEventBytes,
        onSubscriptionDropped,
        upcasters: CLAS_UPCASTERS,
      };
    case 'sqlite':
      return { kind: 'sqlite', path: config.sqlitePath, maxEventBytes: config.maxEventBytes, upcasters: CLAS_UPCASTERS };
  }
}
