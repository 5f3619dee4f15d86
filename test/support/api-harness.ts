import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Actor } from '@clas/application';
import { createEventStore, type EventStore } from '@clas/event-store';
import { JsonLogger, loadConfig } from '@clas/runtime';
import { type ApiOptions, createApi } from '../../apps/api/src/bootstrap.js';
import { TokenService } from '../../apps/api/src/auth/token.service.js';

/** An API over a real SQLite store (in memory, or the file `env.CLAS_SQLITE_PATH`), with a token for any actor and the log lines it wrote. */
export interface ApiHarness {
  app: NestExpressApplication;
  /** The HTTP server, for supertest. */
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  store: EventStore;
  tokens: TokenService;
  /** `Authorization` header value for the actor. */
  bearer(actor: Actor): string;
  logLines: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export const TEST_MAX_BODY_BYTES = 64 * 1024;

/**
 * `options.clock`, when given, is also the store's clock: one time source for the API's "now"
 * (default occurredAt, at, knownAt) and the events' recordedAt, so a test can record a fact on
 * one day and a correction on a later one (worked example 3) and ask `knownAt` in between.
 */
export async function startApi(options: ApiOptions = {}, env: Record<string, string> = {}): Promise<ApiHarness> {
  const store = await createEventStore({ kind: 'sqlite', path: env.CLAS_SQLITE_PATH ?? ':memory:', ...(options.clock ? { clock: options.clock } : {}) });
  const config = loadConfig({ CLAS_PERSONAL_DATA_PATH: ':memory:', CLAS_MAX_BODY_BYTES: String(TEST_MAX_BODY_BYTES), ...env });
  const logLines: Array<Record<string, unknown>> = [];
  const logger = new JsonLogger('api', new Set(['error', 'warn']), (line) => logLines.push(JSON.parse(line) as Record<string, unknown>));
  const app = await createApi(config, store, logger, options);
  await app.init();
  const tokens = app.get(TokenService);
  return {
    app,
    http: app.getHttpServer(),
    store,
    tokens,
    bearer: (actor) => `Bearer ${tokens.issue(actor, '10m')}`,
    logLines,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
