import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@clas/event-store';
import {
  Projector,
  ReadDatabase,
  clasReadModelProjection,
  diffDumps,
  dumpReadDatabase,
  rebuildReadModels,
  type TableDump,
} from '@clas/projections';
import { runCli } from '../cli.js';
import { LANDES } from './landes-season.js';
import { type ReadDatabaseSuite, onBothReadDatabases } from '@clas/projections/testing';

/** The demo's "today": fixed, so the season played is the same on every run. */
const TODAY = '2026-11-22T12:00:00.000Z';
/** Worker threads run plain JavaScript: from the sources they need this TypeScript loader. */
const LOADER = ['--import', new URL('../../../../test/support/ts-worker-register.mjs', import.meta.url).href];

/**
 * Issue 11 §7 on the demo log (both campaigns, a late paper file declared not receivable, a
 * corrected decision, late attendance sheets, a convention with amendments): the live projector
 * and the rebuild — in process and on worker threads — write identical tables, row for row.
 */
const demoSuite: ReadDatabaseSuite = (label, configFor, cleanup = async () => undefined) => {
  describe(`the demo log: live projector = rebuild (${label})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'clas-demo-read-'));
    const path = join(dir, 'demo.sqlite');
    let store: SqliteEventStore;
    let live: TableDump;

    beforeAll(async () => {
      const err: string[] = [];
      const env = {
        CLAS_SQLITE_PATH: path,
        CLAS_PERSONAL_DATA_PATH: join(dir, 'personal.sqlite'),
        CLAS_READ_DB: join(dir, 'read.sqlite'),
        CLAS_DATA_DIR: dir,
      };
      const code = await runCli(['demo'], {
        stdout: { write: () => true },
        stderr: { write: (s: string) => err.push(s) },
        env,
        clock: { now: () => new Date(TODAY) },
      });
      if (code !== 0) throw new Error(`clas demo failed: ${err.join('')}`);
      store = new SqliteEventStore({ path });
      const db = await ReadDatabase.open(configFor('live'));
      try {
        // Small batches, a derivation each: the path the projector worker takes when live.
        await new Projector(store, db, clasReadModelProjection(), { batchSize: 25 }).catchUp();
        live = await dumpReadDatabase(db);
      } finally {
        await db.close();
      }
    }, 120_000);

    afterAll(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      await cleanup();
    });

    it('the late paper file declared not receivable (R-LIFE-1) has its row', () => {
      const row = (live.rm_project_status as Array<{ project_id: string; lifecycle_status: string }>).find(
        (r) => r.project_id === LANDES.late.projectId,
      );
      expect(row?.lifecycle_status).toBe('not_receivable');
      expect(live.rm_project_status!.length).toBeGreaterThan(3);
      expect(live.rm_departmental_totals!.map((r) => r.caf_code)).toEqual(expect.arrayContaining([40, 11]));
    });

    it('a rebuild in this thread writes every table row for row as the live projector', async () => {
      const db = await ReadDatabase.open(configFor('rebuilt'));
      try {
        await rebuildReadModels({ store, readDb: db, projection: clasReadModelProjection() });
        expect(diffDumps(await dumpReadDatabase(db), live)).toEqual({ differingRows: 0, tables: [] });
      } finally {
        await db.close();
      }
    }, 120_000);

    it('a rebuild on two worker threads writes every table row for row as the live projector', async () => {
      const db = await ReadDatabase.open(configFor('workers'));
      try {
        const result = await rebuildReadModels({
          store,
          storeConfig: { kind: 'sqlite', path },
          workers: 2,
          workerExecArgv: LOADER,
          readDb: db,
          projection: clasReadModelProjection(),
        });
        expect(result.workers).toBe(2);
        expect(diffDumps(await dumpReadDatabase(db), live)).toEqual({ differingRows: 0, tables: [] });
      } finally {
        await db.close();
      }
    }, 120_000);
  });
};

onBothReadDatabases('the demo log: live projector = rebuild', demoSuite);
