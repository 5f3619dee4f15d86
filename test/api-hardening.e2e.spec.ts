import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, JsonLogger, loadConfig } from '@clas/runtime';
import { actors } from '@clas/application/testing';
import { TokenService } from '@clas/auth';
import { startApi as bootApi } from '../apps/api/src/bootstrap.js';
import { type ApiHarness, startApi } from './support/api-harness.js';

/** Issue 11 §8: what a deployer expects of the API before it reaches a network. */

describe('security headers and caching (issue 11)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('sends helmet headers on API answers and on /docs: no framing, no sniffing, no referrer, no framework banner', async () => {
    for (const path of ['/health', '/feed', '/docs', '/docs-json']) {
      const res = await request(api.http).get(path);
      expect({
        path,
        nosniff: res.headers['x-content-type-options'],
        frame: res.headers['x-frame-options'],
        referrer: res.headers['referrer-policy'],
      }).toEqual({
        path,
        nosniff: 'nosniff',
        frame: 'DENY',
        referrer: 'no-referrer',
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      // TLS ends at the proxy: /docs over plain http must not have its own assets upgraded away.
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('answers Cache-Control: no-store on personal data, on every authenticated answer, on errors and on /health', async () => {
    const agent = api.bearer(actors.agent);
    const responses: Array<[string, request.Response]> = [
      // A record the Caf keeps itself: the log is empty, and naming an unregistered operator is refused (R-SCOPE).
      [
        'PUT /persons',
        await request(api.http)
          .put('/persons/child-cache-1')
          .set('Authorization', agent)
          .send({ kind: 'child', firstName: 'Léa', lastName: 'Martin', cafCode: '11', operatorId: null }),
      ],
      ['GET /persons', await request(api.http).get('/persons/child-cache-1').set('Authorization', agent)],
      ['GET /persons 404', await request(api.http).get('/persons/nobody').set('Authorization', agent)],
      ['DELETE /persons', await request(api.http).delete('/persons/child-cache-1').set('Authorization', agent)],
      ['GET /feed', await request(api.http).get('/feed').set('Authorization', api.bearer(actors.auditor))],
      ['GET /cafs/…/bilans', await request(api.http).get('/cafs/11/bilans/2026-2027').set('Authorization', agent)],
      ['401', await request(api.http).get('/persons/child-cache-1')],
      ['/health', await request(api.http).get('/health')],
    ];
    expect(responses.map(([name, res]) => [name, res.status, res.headers['cache-control']])).toEqual([
      ['PUT /persons', 200, 'no-store'],
      ['GET /persons', 200, 'no-store'],
      ['GET /persons 404', 404, 'no-store'],
      ['DELETE /persons', 204, 'no-store'],
      ['GET /feed', 200, 'no-store'],
      ['GET /cafs/…/bilans', 404, 'no-store'],
      ['401', 401, 'no-store'],
      ['/health', 200, 'no-store'],
    ]);
  });
});

describe('failed authentications are rate limited per client address (issue 11)', () => {
  let api: ApiHarness;
  const bad = 'Bearer a.b.c';

  beforeAll(async () => {
    api = await startApi({}, { CLAS_AUTH_FAILURE_LIMIT: '3', CLAS_AUTH_FAILURE_WINDOW: '1m' });
  });
  afterAll(() => api.close());

  it('answers 401 three times, then 429 with Retry-After — even to a valid token, before it is read — and appends nothing', async () => {
    for (let i = 0; i < 3; i++) await request(api.http).get('/feed').set('Authorization', bad).expect(401);
    const head = await api.store.headPosition();
    const limited = await request(api.http).get('/feed').set('Authorization', bad).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      code: 'TOO_MANY_AUTH_FAILURES',
      retryAfterSeconds: Number(limited.headers['retry-after']),
    });
    expect(limited.headers['cache-control']).toBe('no-store');
    // A good token gets no oracle: the address is refused whatever it sends.
    await request(api.http).get('/feed').set('Authorization', api.bearer(actors.auditor)).expect(429);
    const command = await request(api.http)
      .post('/operators')
      .set('Authorization', api.bearer(actors.agent))
      .send({
        commandId: '30000000-0000-4000-8000-000000000001',
        data: { operatorId: 'op-limited', cafCode: '11', name: 'Asso', kind: 'association' },
      });
    expect(command.status).toBe(429);
    expect(await api.store.headPosition()).toBe(head);
    // X-Forwarded-For is not trusted by default (CLAS_TRUST_PROXY=0): forging it does not escape the limit.
    await request(api.http)
      .get('/feed')
      .set('X-Forwarded-For', '198.51.100.7')
      .set('Authorization', api.bearer(actors.auditor))
      .expect(429);
    // Public routes stay open: a load balancer's probe is not locked out.
    await request(api.http).get('/health').expect(200);
  });
});

describe('behind a declared proxy (CLAS_TRUST_PROXY=1) each forwarded client counts on its own (issue 11)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({}, { CLAS_AUTH_FAILURE_LIMIT: '2', CLAS_TRUST_PROXY: '1' });
  });
  afterAll(() => api.close());

  it('blocks the client that failed, not its neighbours behind the same proxy', async () => {
    const from = (ip: string) => request(api.http).get('/feed').set('X-Forwarded-For', ip);
    await from('203.0.113.1').set('Authorization', 'Bearer a.b.c').expect(401);
    await from('203.0.113.1').expect(401);
    await from('203.0.113.1').set('Authorization', api.bearer(actors.auditor)).expect(429);
    await from('203.0.113.2').set('Authorization', api.bearer(actors.auditor)).expect(200);
    await from('203.0.113.2').set('Authorization', 'Bearer a.b.c').expect(401);
    // An IPv6 client is counted by its /64: changing the interface id does not reset the count.
    await from('2001:db8:1:2::a').expect(401);
    await from('2001:db8:1:2::b').expect(401);
    await from('2001:db8:1:2::c').set('Authorization', api.bearer(actors.auditor)).expect(429);
  });
});

/** A port free right now, for the real `listen` of startApi (PORT cannot be 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start with no configuration (issue 11): loopback only, a secret of its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clas-start-'));
  const logLines: Array<Record<string, unknown>> = [];
  const logger = new JsonLogger('api', new Set(['log', 'warn', 'error']), (line) =>
    logLines.push(JSON.parse(line) as Record<string, unknown>),
  );
  const apps: NestExpressApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const envIn = async (name: string) => ({
    CLAS_SQLITE_PATH: join(dir, name, 'clas.sqlite'),
    CLAS_PERSONAL_DATA_PATH: join(dir, name, 'clas-personal.sqlite'),
    PORT: String(await freePort()),
  });

  it('listens on 127.0.0.1, generates the token secret beside the log (0600) and says both at start', async () => {
    const env = await envIn('default');
    const app = await bootApi(loadConfig(env), logger);
    apps.push(app);
    expect((app.getHttpServer().address() as AddressInfo).address).toBe('127.0.0.1');
    const secretFile = join(dir, 'default', 'jwt-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(logLines).toContainEqual(expect.objectContaining({ msg: 'token secret', source: 'file', path: secretFile, generated: true }));
    expect(logLines).toContainEqual(expect.objectContaining({ msg: 'listening', host: '127.0.0.1', url: `http://127.0.0.1:${env.PORT}` }));
    expect(JSON.stringify(logLines)).not.toContain(readFileSync(secretFile, 'utf8').trim());
    // A token signed with that secret (what `clas token` does) is accepted over the real socket.
    const token = new TokenService(readFileSync(secretFile, 'utf8').trim(), 3600).issue(actors.auditor, 60);
    const res = await fetch(`http://127.0.0.1:${env.PORT}/feed`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it('listens on every interface only when HOST says so (a container)', async () => {
    const env = await envIn('container');
    const app = await bootApi(loadConfig({ ...env, HOST: '0.0.0.0' }), logger);
    apps.push(app);
    expect((app.getHttpServer().address() as AddressInfo).address).toBe('0.0.0.0');
    expect(logLines).toContainEqual(expect.objectContaining({ msg: 'listening', host: '0.0.0.0', url: `http://127.0.0.1:${env.PORT}` }));
  });

  it('refuses to start on an unusable secret file, naming it, before the log is created', async () => {
    const env = await envIn('bad-secret');
    mkdirSync(join(dir, 'bad-secret'));
    writeFileSync(join(dir, 'bad-secret', 'jwt-secret'), 'short\n', { mode: 0o600 });
    await expect(bootApi(loadConfig(env), logger)).rejects.toThrow(ConfigError);
    await expect(bootApi(loadConfig(env), logger)).rejects.toThrow(
      /jwt-secret \(the token secret in CLAS_DATA_DIR\) must hold at least 32 characters/,
    );
    expect(existsSync(env.CLAS_SQLITE_PATH)).toBe(false);
    expect(existsSync(env.CLAS_PERSONAL_DATA_PATH)).toBe(false);
  });
});
