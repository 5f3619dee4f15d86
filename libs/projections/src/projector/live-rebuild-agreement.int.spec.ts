import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectStreamId } from '@clas/domain';
import { SqliteEventStore } from '@clas/event-store';
import { NOT_RECEIVABLE_ONLY, SettableClock, notReceivableOnly, writeNationalLog } from '../../../../bench/generator/index.js';
import { ReadDatabase } from '../read-models/read-database.js';
import { diffDumps, dumpReadDatabase, type TableDump } from '../read-models/table-dump.js';
import { ClasQueries } from '../time-travel/clas-queries.js';
import { InMemoryStreamDirectory } from '../time-travel/in-memory-stream-directory.js';
import { clasReadModelProjection } from './clas-read-models.projection.js';
import { Projector } from './engine/projector.js';
import { rebuildReadModels } from './rebuild.command.js';
import { type ReadDatabaseSuite, onBothReadDatabases } from '../testing/read-database-suites.js';

const LATE = NOT_RECEIVABLE_ONLY;

/**
 * Issue 11 §7: the live projector (global order, batch by batch) and the rebuild (owner by
 * owner) write identical tables — every table, every row — on a generated season plus the
 * edge case that once split them: a project known only by its non-receivability.
 */
const agreementSuite: ReadDatabaseSuite = (label, configFor, cleanup = async () => undefined) => {
  describe(`live projector = rebuild (${label})`, () => {
    let store: SqliteEventStore;
    let rebuilt: TableDump;

    beforeAll(async () => {
      const clock = new SettableClock();
      store = new SqliteEventStore({ path: ':memory:', clock });
      const { lastRecordedAt } = await writeNationalLog(store, clock, { cafs: 2, collectifsPerCaf: 5, years: 2, seed: 29 });
      const late = notReceivableOnly(lastRecordedAt);
      clock.set(late.recordedAt);
      await store.append(late.streamId, late.events, 'no_stream');
      const db = await ReadDatabase.open(configFor('rebuilt'));
      try {
        await rebuildReadModels({ store, readDb: db, projection: clasReadModelProjection() });
        rebuilt = await dumpReadDatabase(db);
      } finally {
        await db.close();
      }
    }, 180_000);

    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it('the rebuild lists the not-receivable project, like the time-travel directory the API reads', async () => {
      const row = (rebuilt.rm_project_status as Array<{ project_id: string; lifecycle_status: string }>).find(
        (r) => r.project_id === LATE.projectId,
      );
      expect(row?.lifecycle_status).toBe('not_receivable');
      expect(rebuilt.rm_stream_directory).toContainEqual(
        expect.objectContaining({ stream_id: projectStreamId(LATE.projectId), kind: 'project' }),
      );
      const queries = new ClasQueries(store, new InMemoryStreamDirectory(store));
      const answer = await queries.eligibility(LATE.projectId, { at: '2030-01-01T00:00:00.000Z', knownAt: '2030-01-01T00:00:00.000Z' });
      expect(answer.kind === 'found' && answer.value.status).toBe('not_receivable');
    });

    it('a rebuild that dies right after its reset leaves the rebuild marker, never a checkpoint that looks valid', async () => {
      const db = await ReadDatabase.open(configFor('reset-crash'));
      try {
        // The first thing a rebuild does after emptying the tables is to read the head: die there.
        const dying = new Proxy(store, {
          get(target, property) {
            if (property === 'headPosition') return () => Promise.reject(new Error('killed after the reset'));
            const value = Reflect.get(target, property, target) as unknown;
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
        await expect(rebuildReadModels({ store: dying, readDb: db, projection: clasReadModelProjection() })).rejects.toThrow(
          'killed after the reset',
        );
        expect((await dumpReadDatabase(db)).rm_checkpoint).toEqual([
          expect.objectContaining({ position: 0, signature: expect.stringMatching(/#rebuilding$/) }),
        ]);
        const restarted = new Projector(store, db, clasReadModelProjection());
        expect(await restarted.checkpointMatches()).toBe(false);
        await rebuildReadModels({ store, readDb: db, projection: clasReadModelProjection() });
        expect(diffDumps(await dumpReadDatabase(db), rebuilt).differingRows).toBe(0);
      } finally {
        await db.close();
      }
    }, 180_000);

    it.each([
      ['live-sized batches with a derivation each', 997],
      ['one catch-up batch', 50_000],
    ])(
      'the live projector (%s) writes every table row for row as the rebuild',
      async (name, batchSize) => {
        const db = await ReadDatabase.open(configFor(`live-${batchSize}`));
        try {
          await new Projector(store, db, clasReadModelProjection(), { batchSize }).catchUp();
          const live = await dumpReadDatabase(db);
          expect(diffDumps(live, rebuilt)).toEqual({ differingRows: 0, tables: [] });
          expect(live.rm_project_status!.length).toBeGreaterThan(10);
        } finally {
          await db.close();
        }
      },
      180_000,
    );
  });
};

onBothReadDatabases('live projector = rebuild', agreementSuite);
