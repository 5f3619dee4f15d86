import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { ReadDatabaseConfig } from '@clas/projections';
import { runKillDrill } from '../bench/projector-kill/kill-drill.js';
import { projectorFromSources } from '../bench/projector-kill/projector-process.js';
import { postgresTestUrl } from '@clas/event-store/testing';

/**
 * Issue 11 §7, bounded for `npm test`: `apps/projector` (a real child process, from its sources)
 * is killed with SIGKILL three times — in the reset of its first rebuild, at a random instant after
 * its start, and during the live catch-up while events keep arriving — and restarted; then its
 * tables equal a clean rebuild's, row for row. `npm run drill:projector-kill` runs the same drill
 * with 10 kills on the compiled projector (figures in the README).
 */
const ROOT = new URL('../', import.meta.url);
/** Seed 13 draws the triggers rebuilding (48 ms), start (1 658 ms), started (2 714 ms). */
const DRILL = { kills: 3, seed: 13, maxDelayMs: 3_000, log: { cafs: 3, collectifsPerCaf: 6, years: 1 } } as const;

function drillSuite(
  label: string,
  databases: (dir: string) => Promise<{ readDb: string; referenceDb: ReadDatabaseConfig }>,
  cleanup: () => Promise<void> = async () => undefined,
): void {
  describe(`kill -9 of the projector (${label} read models)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'clas-kill9-'));
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await cleanup();
    });

    it(`${DRILL.kills} kills at random points, restarts, then 0 rows differ from a clean rebuild`, async () => {
      const { readDb, referenceDb } = await databases(dir);
      const result = await runKillDrill({
        ...DRILL,
        logPath: join(dir, 'log.sqlite'),
        readDb,
        referenceDb,
        projector: projectorFromSources(ROOT),
      });
      expect(result.kills.map((k) => k.trigger)).toEqual(['rebuilding', 'start', 'started']);
      expect(result.events).toBeGreaterThan(1_000);
      expect({ differingRows: result.differingRows, tables: result.tables }).toEqual({ differingRows: 0, tables: [] });
    }, 600_000);
  });
}

drillSuite('SQLite', async (dir) => ({ readDb: join(dir, 'read.sqlite'), referenceDb: { url: join(dir, 'reference.sqlite') } }));

const pgUrl = postgresTestUrl('the kill -9 drill of the projector');
if (pgUrl !== null) {
  // CLAS_READ_DB names a database: the drill gets a throw-away one (the reference in its own schema).
  const database = `clas_kill9_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  drillSuite(
    'PostgreSQL',
    async () => {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      const readDb = Object.assign(new URL(pgUrl), { pathname: `/${database}` }).toString();
      return { readDb, referenceDb: { url: readDb, schema: 'reference' } };
    },
    async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  );
}
