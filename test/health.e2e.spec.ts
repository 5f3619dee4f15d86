import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createEventStore, type EventStore } from '@clas/event-store';
import { JsonLogger, loadConfig, randomSecret } from '@clas/runtime';
import { createApi } from '../apps/api/src/bootstrap.js';
import { assertResponsesMatch, servedDocument } from './support/api-harness.js';
import { type CapturedResponse, captureResponses } from './support/contract/captured-responses.js';

const config = () => loadConfig({ CLAS_PERSONAL_DATA_PATH: ':memory:', CLAS_WEBHOOK_DB: ':memory:', CLAS_JWT_SECRET: randomSecret() });

describe('GET /health (issue 3: the api boots on the embedded default; issue 11: public, so it says up or down and nothing else)', () => {
  let store: EventStore;
  let app: NestExpressApplication;
  const logLines: Array<Record<string, unknown>> = [];
  const logger = new JsonLogger('api', new Set(['error']), (line) => logLines.push(JSON.parse(line) as Record<string, unknown>));
  // Built without the harness, so its responses are checked against /docs-json here (as the harness does).
  const captured: CapturedResponse[][] = [];

  beforeAll(async () => {
    store = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    app = await createApi(config(), store, logger);
    await app.init();
    captured.push(captureResponses(app.getHttpServer()));
  });
  afterAll(async () => {
    const served = await servedDocument(app);
    await app.close();
    await store.close();
    assertResponsesMatch(served, captured.flat());
  });

  it('answers ok when the store is reachable, without positions, counts or the store kind', async () => {
    await store.append(
      'health-probe',
      [{ type: 'Probed', data: {}, occurredAt: new Date().toISOString(), metadata: { actor: 't', role: 'system' } }],
      'no_stream',
    );
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('needs no token (it is @Public)', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);
  });

  it('answers 503 once the store is gone; the reason goes to the log, not to the caller', async () => {
    const closed = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    await closed.close();
    const broken = await createApi(config(), closed, logger);
    await broken.init();
    captured.push(captureResponses(broken.getHttpServer()));
    const res = await request(broken.getHttpServer()).get('/health').expect(503);
    expect(res.body).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'the event store does not answer',
      status: 'unavailable',
    });
    expect(logLines.at(-1)).toMatchObject({
      level: 'error',
      context: 'health',
      msg: 'health check failed: the event store does not answer',
      error: expect.any(String),
    });
    await broken.close();
  });
});
