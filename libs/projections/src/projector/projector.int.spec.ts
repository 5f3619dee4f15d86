import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, type EventStore, type NewEvent } from '@clas/event-store';
import { ReadDatabase, type ReadDatabaseConfig } from '../read-models/read-database.js';
import { dumpTables } from '../read-models/table-dump.js';
import { Projector } from './engine/projector.js';
import { type CrashPoint, crashingReadDatabase } from './testing/crashing-read-database.js';
import { rebuildReadModels } from './rebuild.command.js';
import { COUNT_TABLE, countingProjection, createCountTable } from './testing/counting.projection.js';
import { type ReadDatabaseSuite, onBothReadDatabases } from '../testing/read-database-suites.js';

const TABLES = ['rm_fold_state', 'rm_checkpoint', 'rm_stream_directory', COUNT_TABLE];

function event(type: string, projectId: string, n: number): NewEvent {
  return {
    type,
    data: { projectId, operatorId: `op-${projectId}`, cafCode: '11', schoolYear: '2026-2027', n },
    occurredAt: '2026-10-01T08:00:00.000Z',
    metadata: { actor: 'test', role: 'system' },
  };
}

/** 12 projects, 6 appends each of 1–5 events, interleaved: ~200 events. */
async function seed(store: EventStore, from = 0, rounds = 6): Promise<void> {
  for (let round = from; round < from + rounds; round++) {
    for (let p = 0; p < 12; p++) {
      const count = ((round * 7 + p * 3) % 5) + 1;
      const events = Array.from({ length: count }, (_, i) =>
        event((round + i + p) % 4 === 0 ? 'Doubled' : 'Counted', `p${p}`, round * 10 + i),
      );
      await store.append(`project-p${p}`, events, 'any');
    }
    await store.append(`noise-${round}`, [event('Ignored', 'none', round)], 'any');
  }
}

async function open(config: ReadDatabaseConfig): Promise<ReadDatabase> {
  const db = await ReadDatabase.open(config);
  await createCountTable(db);
  return db;
}

const projectorSuite: ReadDatabaseSuite = (label, configFor, cleanup = async () => undefined) => {
  describe(`Projector (${label})`, () => {
    let store: SqliteEventStore;
    let reference: Record<string, unknown[]>;

    beforeAll(async () => {
      store = new SqliteEventStore({ path: ':memory:' });
      await seed(store);
      const clean = await open(configFor('reference'));
      await rebuildReadModels({ store, readDb: clean, projection: countingProjection(), batchSize: 1_000 });
      reference = await dumpTables(clean, TABLES);
      await clean.close();
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it('a clean rebuild folds every event once and derives from the stored states', () => {
      const counts = reference[COUNT_TABLE] as Array<{ project_id: string; events: number; campaign_total: number }>;
      expect(counts).toHaveLength(12);
      const total = counts.reduce((sum, row) => sum + row.events, 0);
      expect(counts.every((row) => row.campaign_total === total)).toBe(true);
      expect((reference.rm_stream_directory as Array<{ kind: string }>).filter((r) => r.kind === 'project')).toHaveLength(12);
      expect(reference.rm_checkpoint).toEqual([expect.objectContaining({ projection: 'test-counting', position: expect.any(Number) })]);
    });

    it.each<CrashPoint>(['before-transaction', 'before-checkpoint', 'before-commit', 'after-commit'])(
      'a crash %s of a batch, then a restart, gives the same tables as a clean rebuild',
      async (point) => {
        const db = await open(configFor(`crash-${point}`));
        try {
          // Transaction 1 is the reset of the empty database: batch 5 commits in transaction 6.
          const crashing = new Projector(
            store,
            crashingReadDatabase(db, (at, transaction) => at === point && transaction === 6),
            countingProjection(),
            { batchSize: 7 },
          );
          await expect(crashing.catchUp()).rejects.toThrow('simulated crash');
          // Before the commit nothing of batch 5 is stored (checkpoint after batch 4 = position 28); after it, all of it (35).
          const checkpoint = (await dumpTables(db, ['rm_checkpoint'])).rm_checkpoint as Array<{ position: number }>;
          expect(checkpoint[0]!.position).toBe(point === 'after-commit' ? 35 : 28);
          // The crashed projector only knows what it heard committed.
          expect(crashing.position).toBe(28);
          const restarted = new Projector(store, db, countingProjection(), { batchSize: 11 });
          await restarted.catchUp();
          expect(await dumpTables(db, TABLES)).toEqual(reference);
        } finally {
          await db.close();
        }
      },
    );

    it.each<CrashPoint>(['before-transaction', 'before-checkpoint', 'before-commit'])(
      'ownership: a batch failing %s leaves no half-evolved state in the SAME projector, which then resumes exactly',
      async (point) => {
        const db = await open(configFor(`retry-${point}`));
        try {
          let thrown = false;
          const failOnce = (at: CrashPoint, transaction: number) => {
            if (thrown || at !== point || transaction < 3) return false;
            return (thrown = true);
          };
          // Commits at most every ms, not every batch: the failure also discards uncommitted batches before it.
          const projector = new Projector(store, crashingReadDatabase(db, failOnce), countingProjection(), {
            batchSize: 7,
            flushIntervalMs: 1,
          });
          await expect(projector.catchUp()).rejects.toThrow('simulated crash');
          const checkpoint = (await dumpTables(db, ['rm_checkpoint'])).rm_checkpoint as Array<{ position: number }>;
          expect(projector.position).toBe(checkpoint[0]!.position);
          expect(projector.cacheStats.size).toBe(0);
          await projector.catchUp();
          expect(await dumpTables(db, TABLES)).toEqual(reference);
        } finally {
          await db.close();
        }
      },
    );

    it('a rebuild committing only every N ms gives the same tables as one committing every batch', async () => {
      const db = await open(configFor('flush-interval'));
      try {
        await rebuildReadModels({ store, readDb: db, projection: countingProjection(), batchSize: 5, flushIntervalMs: 60_000 });
        expect(await dumpTables(db, TABLES)).toEqual(reference);
      } finally {
        await db.close();
      }
    });

    it('a crash while derivations are deferred (dirty keys) is recovered at restart', async () => {
      const db = await open(configFor('deferred'));
      try {
        // Transaction 1 is the reset: batch 6 commits in transaction 7.
        const deferring = new Projector(
          store,
          crashingReadDatabase(db, (at, transaction) => at === 'after-commit' && transaction === 7),
          countingProjection(),
          {
            batchSize: 9,
            deriveIntervalMs: Number.POSITIVE_INFINITY,
          },
        );
        await expect(deferring.catchUp()).rejects.toThrow('simulated crash');
        expect((await dumpTables(db, ['rm_dirty_key'])).rm_dirty_key!.length).toBeGreaterThan(0);
        await new Projector(store, db, countingProjection(), { batchSize: 9, deriveIntervalMs: Number.POSITIVE_INFINITY }).catchUp();
        expect(await dumpTables(db, TABLES)).toEqual(reference);
        expect((await dumpTables(db, ['rm_dirty_key'])).rm_dirty_key).toEqual([]);
      } finally {
        await db.close();
      }
    });

    it('resumes from its checkpoint when the log grows, and ends where a clean rebuild ends', async () => {
      const db = await open(configFor('resume'));
      const growing = new SqliteEventStore({ path: ':memory:' });
      try {
        await seed(growing, 0, 3);
        const first = new Projector(growing, db, countingProjection(), { batchSize: 13 });
        const half = await first.catchUp();
        await seed(growing, 3, 3);
        const second = new Projector(growing, db, countingProjection(), { batchSize: 13 });
        expect(await second.start()).toBe(half);
        await second.catchUp();
        const resumed = await dumpTables(db, TABLES);
        await rebuildReadModels({ store: growing, readDb: db, projection: countingProjection() });
        expect(resumed).toEqual(await dumpTables(db, TABLES));
      } finally {
        await growing.close();
        await db.close();
      }
    });

    it('a new projection version truncates and replays instead of mixing versions', async () => {
      const db = await open(configFor('version'));
      try {
        await new Projector(store, db, countingProjection(1)).catchUp();
        await db.query(`UPDATE ${db.table(COUNT_TABLE)} SET events = -1`);
        const upgraded = new Projector(store, db, countingProjection(2));
        expect(await upgraded.start()).toBe(0);
        await upgraded.catchUp();
        const dump = await dumpTables(db, TABLES);
        expect(dump[COUNT_TABLE]).toEqual(reference[COUNT_TABLE]);
        expect((dump.rm_checkpoint as Array<{ version: number }>)[0]!.version).toBe(2);
      } finally {
        await db.close();
      }
    });

    it('live: applies events appended after the catch-up and stops cleanly on abort', async () => {
      const db = await open(configFor('live'));
      const live = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 20 });
      try {
        await seed(live, 0, 2);
        const projector = new Projector(live, db, countingProjection(), { batchSize: 50, batchMs: 10 });
        const controller = new AbortController();
        const running = projector.run(controller.signal);
        await seed(live, 2, 4);
        const head = await live.headPosition();
        for (let i = 0; i < 200 && projector.position < head; i++) await new Promise((r) => setTimeout(r, 10));
        controller.abort();
        await running;
        expect(projector.position).toBe(head);
        const dump = await dumpTables(db, TABLES);
        await rebuildReadModels({ store: live, readDb: db, projection: countingProjection() });
        expect(dump).toEqual(await dumpTables(db, TABLES));
      } finally {
        await live.close();
        await db.close();
      }
    });
  });
};

onBothReadDatabases('the projector read models', projectorSuite);
