import type { CommandBus, PersonDirectory } from '@clas/application';
import type { Clock } from '@clas/event-store';
import type { TokenService } from '@clas/auth';
import type { ReadModelQueries, StreamDirectory } from '@clas/projections';
import type { PersonalDataStore } from '@clas/personal-data';
import type { WebhookDeliveryStore } from '@clas/messaging';
import type { ClasQueriesPort } from './queries/clas-queries.port.js';

/**
 * What createApi builds by default from the store and the configuration, and a test may hand
 * in instead (a fake bus to script an outcome, a fixed clock, an in-memory personal store).
 */
export interface ApiOptions {
  bus?: CommandBus;
  queries?: ClasQueriesPort;
  directory?: StreamDirectory;
  /** Who owns each person id of the log; shared by the bus and /persons. */
  persons?: PersonDirectory;
  personalData?: PersonalDataStore;
  clock?: Clock;
  /** The lists' read models; default: opened from CLAS_READ_DB per CLAS_PROJECTOR (ReadModelsRuntime), closed with the app. */
  readModels?: ReadModelQueries;
  /** The webhook delivery log and secrets (default: the SQLite file CLAS_WEBHOOK_DB, opened and closed with the app). */
  webhookDeliveries?: WebhookDeliveryStore;
  /** Closed when the application closes, before what createApi opened (startApi's background sealer). */
  closeWithApp?: Array<{ close(): Promise<void> }>;
}

/** Everything the module needs, resolved. */
export interface ApiDependencies {
  bus: CommandBus;
  queries: ClasQueriesPort;
  directory: StreamDirectory;
  persons: PersonDirectory;
  personalData: PersonalDataStore;
  clock: Clock;
  readModels: ReadModelQueries;
  webhookDeliveries: WebhookDeliveryStore;
  /** Signs and verifies bearer tokens with the configured (or generated) secret. */
  tokens: TokenService;
  /** Closed when the application closes (only what createApi opened itself). */
  owned: Array<{ close(): Promise<void> }>;
}
