import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLAS_UPCASTERS } from '@clas/domain';
import { SqliteEventStore } from '@clas/event-store';
import { SettableClock, writeNationalLog } from '../../../../bench/generator/index.js';
import { ReadDatabase } from '../read-models/read-database.js';
import { dumpTables } from '../read-models/table-dump.js';
import { clasReadModelProjection } from './clas-read-models.projection.js';
import { Projector } from './engine/projector.js';
import { rebuildReadModels } from './rebuild.command.js';

const TABLES = [
  'rm_fold_state',
  'rm_checkpoint',
  'rm_stream_directory',
  'rm_project_status',
  'rm_convention_status',
  'rm_departmental_figures',
  'rm_departmental_totals',
  'rm_dirty_key',
];
/** Worker threads run plain JavaScript: from the sources they need this TypeScript loader. */
const LOADER = ['--import', new URL('../../../../test/support/ts-worker-register.mjs', import.meta.url).href];

/** The rebuild's worker-thread path, on a store file the workers open themselves. */
describe('Clas rebuild on worker threads', () => {
  let dir: string;
  let path: string;
  let store: SqliteEventStore;
  let incremental: Record<string, unknown[]>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clas-rebuild-workers-'));
    path = join(dir, 'log.sqlite');
    const clock = new SettableClock();
    store = new SqliteEventStore({ path, clock });
    await writeNationalLog(store, clock, { cafs: 3, collectifsPerCaf: 8, years: 2, seed: 23 });
    const db = await ReadDatabase.open({ url: ':memory:' });
    await new Projector(store, db, clasReadModelProjection(), { batchSize: 900 }).catchUp();
    incremental = await dumpTables(db, TABLES);
    await db.close();
  }, 120_000);

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two workers write the same tables as the incremental projector', async () => {
    const db = await ReadDatabase.open({ url: ':memory:' });
    try {
      const result = await rebuildReadModels({
        store,
        // As the apps configure it (storeConfigOf): with the domain's upcasters, which are functions a
        // worker cannot receive — the rebuild must still start its workers.
        storeConfig: { kind: 'sqlite', path, upcasters: CLAS_UPCASTERS },
        workers: 2,
        workerExecArgv: LOADER,
        readDb: db,
        projection: clasReadModelProjection(),
      });
      expect(result.workers).toBe(2);
      expect(result.position).toBe(await store.headPosition());
      expect(await dumpTables(db, TABLES)).toEqual(incremental);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('without a shareable store the rebuild stays in this thread, with the same tables', async () => {
    const db = await ReadDatabase.open({ url: ':memory:' });
    try {
      const result = await rebuildReadModels({
        store,
        workers: 2,
        workerExecArgv: LOADER,
        readDb: db,
        projection: clasReadModelProjection(),
      });
      expect(result.workers).toBe(0);
      expect(await dumpTables(db, TABLES)).toEqual(incremental);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('a worker that cannot open the store fails the rebuild with its reason, and the checkpoint stays unusable', async () => {
    const db = await ReadDatabase.open({ url: ':memory:' });
    try {
      await expect(
        rebuildReadModels({
          store,
          storeConfig: { kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none', connectTimeoutMs: 500 } as never,
          workers: 1,
          workerExecArgv: LOADER,
          readDb: db,
          projection: clasReadModelProjection(),
        }),
      ).rejects.toThrow(/127\.0\.0\.1:1|ECONNREFUSED|unavailable/i);
      const [checkpoint] = (await dumpTables(db, ['rm_checkpoint'])).rm_checkpoint as Array<{ signature: string; position: number }>;
      expect(checkpoint).toEqual(expect.objectContaining({ position: 0, signature: expect.stringMatching(/#rebuilding$/) }));
    } finally {
      await db.close();
    }
  }, 60_000);
});
