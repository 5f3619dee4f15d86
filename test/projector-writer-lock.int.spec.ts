import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { SqliteEventStore } from '@clas/event-store';
import { ReadDatabaseBusyError, acquireWriterLock, clasReadModelProjection, rebuildReadModels } from '@clas/projections';
import { SettableClock, writeNationalLog } from '../bench/generator/index.js';
import { runCli } from '../apps/cli/src/cli.js';
import { ProjectorProcess, projectorFromSources } from '../bench/projector-kill/projector-process.js';
import { postgresTestUrl } from '@clas/event-store/testing';

/**
 * Issue 11 §7 / docs/production.md, "Several projectors, safely": one writer per read database.
 * A second projector started on the same read database waits (a standby, logging who holds the
 * lock) and writes nothing; it takes over when the first dies, even by kill -9. A rebuild refuses
 * to start while a projector holds the database.
 */
const ROOT = new URL('../', import.meta.url);
const WAITING = 'waiting for the read-database writer lock';

function lockSuite(label: string, readDbOf: (dir: string) => Promise<string>, cleanup: () => Promise<void> = async () => undefined): void {
  describe(`one projector writes a read database at a time (${label})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'clas-writer-lock-'));
    const logPath = join(dir, 'log.sqlite');
    let readDb: string;
    let store: SqliteEventStore;
    const started: ProjectorProcess[] = [];
    const start = (): ProjectorProcess => {
      const child = ProjectorProcess.start(projectorFromSources(ROOT), {
        ...process.env,
        CLAS_EVENT_STORE: 'sqlite',
        CLAS_SQLITE_PATH: logPath,
        CLAS_READ_DB: readDb,
      });
      started.push(child);
      return child;
    };

    beforeAll(async () => {
      readDb = await readDbOf(dir);
      const clock = new SettableClock();
      store = new SqliteEventStore({ path: logPath, clock });
      await writeNationalLog(store, clock, { cafs: 1, collectifsPerCaf: 3, years: 1, seed: 5 });
    }, 120_000);
    afterAll(async () => {
      for (const child of started) await child.kill9();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      await cleanup();
    });

    it('in process: a second writer is refused with a clear message, or waits until the first releases', async () => {
      const first = await acquireWriterLock({ url: readDb });
      try {
        await expect(acquireWriterLock({ url: readDb })).rejects.toThrow(ReadDatabaseBusyError);
        await expect(acquireWriterLock({ url: readDb })).rejects.toThrow(
          /is being written by another projector or rebuild.*only one writer at a time/,
        );
        const waits: ReadDatabaseBusyError[] = [];
        const second = acquireWriterLock({ url: readDb }, { wait: true, pollMs: 20, onWait: (busy) => waits.push(busy) });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(waits).toHaveLength(1);
        await first.release();
        await (await second).release();
      } finally {
        await first.release();
      }
    });

    it('a second projector waits, naming the holder, and takes over when the first is killed -9; a rebuild meanwhile is refused', async () => {
      const a = start();
      expect(await a.waitFor((l) => l.msg === 'started', 120_000)).not.toBeNull();
      const b = start();
      const waiting = await b.waitFor((l) => l.msg === WAITING, 60_000);
      expect(waiting).not.toBeNull();
      if (label === 'PostgreSQL') expect(String(waiting!.holder)).toContain(`clas projector pid ${a.pid}`);
      expect(String(waiting!.reason)).toContain('only one writer at a time');
      await expect(rebuildReadModels({ store, readDb: { url: readDb }, projection: clasReadModelProjection() })).rejects.toThrow(
        ReadDatabaseBusyError,
      );
      const err: string[] = [];
      const cli = await runCli(['rebuild'], {
        stdout: { write: () => true },
        stderr: { write: (t: string) => err.push(t) },
        env: { CLAS_SQLITE_PATH: logPath, CLAS_READ_DB: readDb },
        clock: { now: () => new Date() },
      });
      expect(cli).toBe(1);
      expect(err.join('')).toMatch(/clas rebuild: the read database .* only one writer at a time; stop the projector first/);
      // B wrote nothing while waiting: it never reached its start.
      expect(b.lines.map((l) => l.msg)).not.toContain('writer lock acquired');

      await a.kill9();
      expect(await b.waitFor((l) => l.msg === 'started', 120_000)).not.toBeNull();
      expect(b.lines.map((l) => l.msg)).toContain('writer lock acquired');
      expect(await b.stop()).toBe(0);
      // Both stopped: the database is free again.
      await (await acquireWriterLock({ url: readDb })).release();
    }, 300_000);
  });
}

lockSuite('SQLite', async (dir) => join(dir, 'read.sqlite'));

const pgUrl = postgresTestUrl('one projector writes a read database at a time');
if (pgUrl !== null) {
  const database = `clas_lock_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  lockSuite(
    'PostgreSQL',
    async () => {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      return Object.assign(new URL(pgUrl), { pathname: `/${database}` }).toString();
    },
    async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  );
}
