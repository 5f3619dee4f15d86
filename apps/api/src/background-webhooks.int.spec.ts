import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteWebhookDeliveryStore } from '@clas/messaging';
import { JsonLogger, loadConfig } from '@clas/runtime';
import { startApi } from './bootstrap.js';

const dir = mkdtempSync(join(tmpdir(), 'clas-api-webhooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const configOf = async (name: string, env: Record<string, string> = {}) =>
  loadConfig({
    CLAS_SQLITE_PATH: join(dir, `${name}.sqlite`),
    CLAS_DATA_DIR: join(dir, name),
    CLAS_PERSONAL_DATA_PATH: ':memory:',
    CLAS_READ_DB: join(dir, `${name}-read.sqlite`),
    PORT: String(await freePort()),
    ...env,
  });

/** Whether a dispatcher holds the delivery database (another one may take it only when it is free). */
async function dispatcherLockFree(path: string): Promise<boolean> {
  const probe = new SqliteWebhookDeliveryStore(path);
  try {
    const lock = await probe.tryLock();
    await lock?.release();
    return lock !== null;
  } finally {
    await probe.close();
  }
}

describe('the API runs the webhook dispatcher in the background (issue 13 §4)', () => {
  it('starts it at boot over CLAS_WEBHOOK_DB, prints where, and stops it at shutdown (the lock is released)', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = new JsonLogger('api', new Set(['log', 'warn', 'error']), (line) =>
      lines.push(JSON.parse(line) as Record<string, unknown>),
    );
    const config = await configOf('on');
    expect(config.webhooks.db).toBe(join(dir, 'on', 'clas-webhooks.sqlite'));
    const app = await startApi(config, logger);
    try {
      for (let waited = 0; !lines.some((l) => l.msg === 'webhook dispatcher active'); waited += 20) {
        if (waited > 10_000) throw new Error('the dispatcher did not start within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await dispatcherLockFree(config.webhooks.db)).toBe(false);
      expect(lines.find((l) => l.msg === 'configuration')).toMatchObject({ webhooks: { enabled: true, db: config.webhooks.db } });
    } finally {
      await app.close();
    }
    expect(await dispatcherLockFree(config.webhooks.db)).toBe(true);
  });

  it('CLAS_WEBHOOKS=off: no dispatcher in this process, the delivery database stays free for another', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = new JsonLogger('api', new Set(['log', 'warn', 'error']), (line) =>
      lines.push(JSON.parse(line) as Record<string, unknown>),
    );
    const config = await configOf('off', { CLAS_WEBHOOKS: 'off' });
    const app = await startApi(config, logger);
    try {
      expect(lines.find((l) => l.msg === 'webhooks')).toMatchObject({ dispatcher: 'off (CLAS_WEBHOOKS=off)' });
      expect(await dispatcherLockFree(config.webhooks.db)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
