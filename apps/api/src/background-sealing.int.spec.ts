import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SealKeyring, SqliteEventStore, verifyLog } from '@clas/event-store';
import { loadConfig, sealPublicKeyPemOf } from '@clas/runtime';
import { startApi } from './bootstrap.js';

const dir = mkdtempSync(join(tmpdir(), 'clas-api-seal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the API seals the log in the background (issue 11 §5)', () => {
  it('generates the seal key at the first start, seals at CLAS_SEAL_INTERVAL_MS and once more at shutdown', async () => {
    const path = join(dir, 'log.sqlite');
    const reader = new SqliteEventStore({ path });
    await reader.append(
      's',
      [{ type: 'A', data: {}, occurredAt: '2026-09-01T07:00:00.000Z', metadata: { actor: 'a', role: 'system' } }],
      'no_stream',
    );
    const config = loadConfig({
      CLAS_SQLITE_PATH: path,
      CLAS_DATA_DIR: join(dir, 'data'),
      CLAS_PERSONAL_DATA_PATH: ':memory:',
      CLAS_READ_DB: join(dir, 'read.sqlite'),
      CLAS_SEAL_INTERVAL_MS: '25',
      PORT: String(await freePort()),
    });
    const app = await startApi(config);
    try {
      for (let waited = 0; (await reader.lastSeal()) === null; waited += 20) {
        if (waited > 10_000) throw new Error('the API wrote no seal within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await reader.append(
        's',
        [{ type: 'B', data: {}, occurredAt: '2026-09-01T07:00:00.000Z', metadata: { actor: 'a', role: 'system' } }],
        0,
      );
    } finally {
      await app.close();
    }
    const keyring = SealKeyring.fromPem([sealPublicKeyPemOf(config)!]);
    expect(await verifyLog(reader, { keyring })).toMatchObject({ ok: true, events: 2, unsealed: { events: 0 } });
    await reader.close();
  });
});
