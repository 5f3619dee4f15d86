import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createEventStore, type EventStore } from '@clas/event-store';
import { JsonLogger, loadConfig } from '@clas/runtime';
import { createApi } from '../apps/api/src/bootstrap.js';

describe('GET /health (issue 3: the api boots on the embedded default)', () => {
  let store: EventStore;
  let app: NestExpressApplication;
  const quiet = new JsonLogger('api', new Set(), () => undefined);

  beforeAll(async () => {
    store = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    app = await createApi(loadConfig({ CLAS_PERSONAL_DATA_PATH: ':memory:' }), store, quiet);
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers ok with the store kind and head position when the store is reachable', async () => {
    await store.append('health-probe', [{ type: 'Probed', data: {}, occurredAt: new Date().toISOString(), metadata: { actor: 't', role: 'system' } }], 'no_stream');
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', eventStore: 'sqlite', headPosition: 1 });
  });

  it('needs no token (it is @Public)', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);
  });

  it('answers 503 with the reason once the store is gone', async () => {
    const closed = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    await closed.close();
    const broken = await createApi(loadConfig({ CLAS_PERSONAL_DATA_PATH: ':memory:' }), closed, quiet);
    await broken.init();
    const res = await request(broken.getHttpServer()).get('/health').expect(503);
    expect(res.body).toMatchObject({ status: 'unavailable', eventStore: 'sqlite' });
    expect(typeof res.body.error).toBe('string');
    await broken.close();
  });
});
