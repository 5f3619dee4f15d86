import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { type Actor, ClasCommandBus, PersonDirectory } from '@clas/application';
import { type Clock, createEventStore, type EventStore } from '@clas/event-store';
import { InMemoryStreamDirectory } from '@clas/projections';
import { JsonLogger, loadConfig, randomSecret } from '@clas/runtime';
import { type ApiOptions, createApi } from '../../apps/api/src/bootstrap.js';
import { TokenService } from '@clas/auth';
import { openPersonalData } from '@clas/personal-data';
import { StoryClock } from '@clas/application/testing';
import { type CapturedResponse, captureResponses } from './contract/captured-responses.js';
import { ResponseContract, type ServedDocument } from './contract/response-contract.js';

/** An API over a real SQLite store (in memory, or the file `env.CLAS_SQLITE_PATH`), with a token for any actor and the log lines it wrote. */
export interface ApiHarness {
  app: NestExpressApplication;
  /** The HTTP server, for supertest. */
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  store: EventStore;
  /** The API's and the store's clock; the StoryClock unless the test handed in its own. */
  clock: Clock;
  /** The StoryClock the bus follows, or null when the test handed in its own clock (and moves it). */
  story: StoryClock | null;
  tokens: TokenService;
  /** `Authorization` header value for the actor. */
  bearer(actor: Actor): string;
  logLines: Array<Record<string, unknown>>;
  /** Every response the API sent so far (see captureResponses). */
  responses: CapturedResponse[];
  /**
   * Closes the API, then checks every response it sent against the OpenAPI document it
   * served (ResponseContract): a body, status or media type the document does not describe
   * fails the spec (the afterAll that closes the harness throws).
   */
  close(): Promise<void>;
}

export const TEST_MAX_BODY_BYTES = 64 * 1024;

/**
 * The test environment: in-memory personal data and webhook delivery log, a small body limit, a fresh secret (nothing
 * written to ./data), and no auth-failure limit, because the role matrices send many anonymous
 * requests from one address on purpose; test/api-hardening.e2e.spec.ts sets its own limit.
 */
const testEnv = (): Record<string, string> => ({
  CLAS_PERSONAL_DATA_PATH: ':memory:',
  // The lists' read models in memory, projected in the API's process (CLAS_PROJECTOR=embedded).
  CLAS_READ_DB: ':memory:',
  // Webhook secrets and deliveries of one API only: nothing shared with another suite through ./data.
  CLAS_WEBHOOK_DB: ':memory:',
  CLAS_MAX_BODY_BYTES: String(TEST_MAX_BODY_BYTES),
  CLAS_JWT_SECRET: randomSecret(),
  CLAS_AUTH_FAILURE_LIMIT: '1000000',
});

/**
 * One time source for the API's "now" (default occurredAt, at, knownAt), the events' recordedAt
 * and the reception instant the bus judges deadlines on (R-LIFE-RECEIPT). `options.clock`, when
 * given, is that clock and the test moves it (record a fact on one day, a correction on a later
 * one, and ask `knownAt` in between: worked example 3). Otherwise it is a StoryClock: each
 * command is received when its occurredAt says, so a story written with business instants runs
 * on a simulated calendar, never by recording the future.
 */
export async function startApi(options: ApiOptions = {}, env: Record<string, string> = {}): Promise<ApiHarness> {
  const story = options.clock === undefined ? new StoryClock() : null;
  const clock: Clock = options.clock ?? (story as StoryClock);
  const store = await createEventStore({ kind: 'sqlite', path: env.CLAS_SQLITE_PATH ?? ':memory:', clock });
  const config = loadConfig({ ...testEnv(), ...env });
  const logLines: Array<Record<string, unknown>> = [];
  const logger = new JsonLogger('api', new Set(['error', 'warn']), (line) => logLines.push(JSON.parse(line) as Record<string, unknown>));
  const directory = options.directory ?? new InMemoryStreamDirectory(store);
  let storyOptions: ApiOptions = {};
  let opened: { close(): Promise<void> } | null = null;
  if (story && !options.bus) {
    // The bus createApi would build (same directories, same personal-data store), received on the story's calendar.
    const persons = options.persons ?? new PersonDirectory(store);
    const personalData = options.personalData ?? (opened = await openPersonalData(config));
    storyOptions = {
      persons,
      personalData,
      bus: story.receiving(new ClasCommandBus(store, { directory, persons, personRecords: personalData })),
    };
  }
  const app = await createApi(config, store, logger, { ...options, clock, directory, ...storyOptions });
  await app.init();
  const responses = captureResponses(app.getHttpServer());
  const tokens = app.get(TokenService);
  return {
    app,
    http: app.getHttpServer(),
    store,
    clock,
    story,
    tokens,
    bearer: (actor) => `Bearer ${tokens.issue(actor, 600)}`,
    logLines,
    responses,
    close: async () => {
      const served = await servedDocument(app);
      await app.close();
      await opened?.close();
      await store.close();
      assertResponsesMatch(served, responses);
    },
  };
}

/** The OpenAPI document the app serves at /docs-json. */
export async function servedDocument(app: NestExpressApplication): Promise<ServedDocument> {
  return (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as ServedDocument;
}

/** Throws, listing them, when some responses are not what the served document says. */
export function assertResponsesMatch(served: ServedDocument, responses: readonly CapturedResponse[]): void {
  const violations = new ResponseContract(served).violations(responses);
  if (violations.length > 0) {
    throw new Error(
      `${violations.length} of ${responses.length} responses do not match the served OpenAPI document (/docs-json):\n${violations.slice(0, 25).join('\n')}`,
    );
  }
}
