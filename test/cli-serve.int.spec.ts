import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ProjectorProcess } from '../bench/projector-kill/projector-process.js';

/**
 * `clas serve` runs the API app as a process of its own (apps import only libs: the CLI never
 * loads the API's sources), from the TypeScript sources here, so no build is needed. The child
 * wrapper of the projector drills serves: it reads the JSON log lines of both processes.
 */
const ROOT = new URL('../', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'clas-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('clas serve', () => {
  it('starts the API in a child process (health 200 on PORT), passes SIGTERM on once, and leaves nothing running', async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CLAS_DATA_DIR: dir,
      CLAS_SQLITE_PATH: join(dir, 'clas.sqlite'),
      CLAS_PERSONAL_DATA_PATH: join(dir, 'personal.sqlite'),
      CLAS_READ_DB: join(dir, 'read.sqlite'),
    };
    const cli = ProjectorProcess.start(
      {
        execPath: process.execPath,
        args: [
          '--import',
          new URL('test/support/ts-worker-register.mjs', ROOT).href,
          fileURLToPath(new URL('apps/cli/src/main.ts', ROOT)),
          'serve',
        ],
      },
      env,
    );
    try {
      const listening = await cli.waitFor((line) => line.msg === 'listening', 90_000);
      expect({ listening, output: listening ? '' : cli.transcript() }).toMatchObject({ listening: { service: 'api', port } });
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
    } finally {
      // The shell's code for a process ended by SIGTERM (128 + 15): the API's own shutdown, reported by `clas serve`.
      expect(await cli.stop()).toBe(143);
    }
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }, 120_000);
});
