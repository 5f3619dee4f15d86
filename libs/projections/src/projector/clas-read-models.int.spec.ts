import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@clas/domain';
import { SqliteEventStore } from '@clas/event-store';
import { SettableClock, writeNationalLog } from '../../../../bench/generator/index.js';
import { foldAsOf, type AsOf } from '../core/keyed-fold.js';
import { eligibilityStatus } from '../answers/eligibility.answer.js';
import { payablePs } from '../answers/payable-ps.answer.js';
import { campaignFold, campaignKey } from '../folds/campaign.fold.js';
import { operatorFold } from '../folds/operator.fold.js';
import { projectFold } from '../folds/project.fold.js';
import { ClasQueries } from '../time-travel/clas-queries.js';
import { InMemoryStreamDirectory } from '../time-travel/in-memory-stream-directory.js';
import { ReadDatabase } from '../read-models/read-database.js';
import { dumpTables } from '../read-models/table-dump.js';
import { TypeormStreamDirectory } from '../read-models/typeorm-stream-directory.js';
import { Prng } from '../../../../bench/generator/prng.js';
import { CLAS_READ_MODELS, clasReadModelProjection } from './clas-read-models.projection.js';
import { type CrashPoint, crashingReadDatabase } from './testing/crashing-read-database.js';
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
  'rm_campaign',
  'rm_operator',
  'rm_collectif',
  'rm_dirty_key',
];

interface ProjectRow {
  project_id: string;
  caf_code: string;
  school_year: string;
  planned_eligibility: string;
  actual_eligibility: string;
  forecast_ps_cents: number;
  actual_ps_cents: number | null;
  paid_cents: number;
  due_cents: number;
  as_of: string;
  lifecycle_status: string;
}

/** A generated season (3 Caf × 8 collectifs × 3 school years, seeded) in a fresh store. */
describe('Clas read models: "now" agrees with time travel', () => {
  let store: SqliteEventStore;
  let db: ReadDatabase;
  let queries: ClasQueries;
  let log: RecordedEvent[];
  let projects: ProjectRow[];

  beforeAll(async () => {
    const clock = new SettableClock();
    store = new SqliteEventStore({ path: ':memory:', clock });
    await writeNationalLog(store, clock, { cafs: 3, collectifsPerCaf: 8, years: 3, seed: 11 });
    db = await ReadDatabase.open({ url: ':memory:' });
    // Small live-size batches with a derivation each: the path the projector worker takes.
    await new Projector(store, db, clasReadModelProjection(), { batchSize: 700 }).catchUp();
    queries = new ClasQueries(store, new TypeormStreamDirectory(db, store, CLAS_READ_MODELS));
    log = [];
    for await (const event of store.readAll()) log.push(event as RecordedEvent);
    projects = (await dumpTables(db, ['rm_project_status'])).rm_project_status as unknown as ProjectRow[];
  }, 120_000);

  afterAll(async () => {
    await db.close();
    await store.close();
  });

  it('stores every project with its answers', () => {
    expect(projects.length).toBeGreaterThan(30);
    expect(new Set(projects.map((p) => p.lifecycle_status))).toContain('approved');
    expect(projects.some((p) => p.actual_ps_cents !== null)).toBe(true);
  });

  it('each stored project row equals the time-travel answer at at = knownAt = its as_of', async () => {
    for (const row of projects) {
      const asOf = { at: row.as_of, knownAt: row.as_of };
      const eligibility = await queries.eligibility(row.project_id, asOf);
      const ps = await queries.payablePs(row.project_id, asOf);
      if (eligibility.kind !== 'found' || ps.kind !== 'found') throw new Error(`${row.project_id} not found by time travel`);
      expect({
        id: row.project_id,
        status: row.lifecycle_status,
        planned: row.planned_eligibility,
        actual: row.actual_eligibility,
        forecast: row.forecast_ps_cents,
        actualPs: row.actual_ps_cents,
        paid: row.paid_cents,
        due: row.due_cents,
      }).toEqual({
        id: row.project_id,
        status: eligibility.value.status,
        planned: eligibility.value.planned?.verdict ?? 'unknown',
        actual: eligibility.value.actual?.verdict ?? 'unknown',
        forecast: ps.value.forecast?.payable ?? 0,
        actualPs: ps.value.actual?.payable ?? null,
        paid: ps.value.paid,
        due: ps.value.due,
      });
    }
  }, 120_000);

  it('at random (at, knownAt) pairs, the time-travel reader equals a fold of the whole log (foldAsOf)', async () => {
    const rng = new Prng(5);
    const first = Date.parse(log[0]!.recordedAt);
    const last = Date.parse(log[log.length - 1]!.recordedAt);
    const instant = (): string => new Date(first + Math.floor(rng.next() * (last - first))).toISOString();
    for (let i = 0; i < 25; i++) {
      const row = rng.pick(projects);
      const a = instant();
      const b = instant();
      const asOf: AsOf = { at: a < b ? a : b, knownAt: a < b ? b : a };
      const project = foldAsOf(projectFold, row.project_id, log, asOf);
      const campaign = foldAsOf(campaignFold, campaignKey(row.caf_code, row.school_year), log, asOf);
      const operatorEvents = log.filter((e) => e.streamId === `operator-${project.ref?.operatorId}`);
      const operator = project.ref ? foldAsOf(operatorFold, project.ref.operatorId, operatorEvents, asOf) : null;
      const ps = await queries.payablePs(row.project_id, asOf);
      const eligibility = await queries.eligibility(row.project_id, asOf);
      if (project.ref === null) {
        expect(ps.kind).toBe('not_found');
        continue;
      }
      if (ps.kind !== 'found' || eligibility.kind !== 'found') throw new Error('expected a project');
      expect(ps.value).toEqual(payablePs(project, campaign, asOf));
      expect(eligibility.value).toEqual(eligibilityStatus(project, campaign, operator?.kind === null ? null : operator, asOf));
    }
  }, 120_000);

  it('departmental totals equal the time-travel departmental bilan, and the breakdown rows add up to them', async () => {
    const dump = await dumpTables(db, ['rm_departmental_totals', 'rm_departmental_figures']);
    const totals = dump.rm_departmental_totals as Array<Record<string, number | string>>;
    expect(totals.length).toBe(9);
    for (const row of totals) {
      const answer = await queries.departmentalBilan(String(row.caf_code), String(row.school_year), {
        at: String(row.as_of),
        knownAt: String(row.as_of),
      });
      if (answer.kind !== 'found' || answer.value.bilan === null) throw new Error('expected a departmental bilan');
      const t = answer.value.bilan.totals;
      expect([
        row.projects,
        row.operators,
        row.collectifs,
        row.children,
        row.sessions,
        row.minutes,
        row.parents_reached,
        row.ps_forecast_cents,
        row.ps_paid_cents,
      ]).toEqual([t.projects, t.operators, t.collectifs, t.children, t.sessions, t.minutes, t.parentsReached, t.psForecast, t.psPaid]);
      // R-BUDGET-ENVELOPE: the envelope columns are the envelope answer's at the same instant.
      const envelope = await queries.envelope(String(row.caf_code), String(row.school_year), {
        at: String(row.as_of),
        knownAt: String(row.as_of),
      });
      if (envelope.kind !== 'found') throw new Error('expected an envelope answer');
      const cents = (v: unknown): number | null => (v === null ? null : Number(v));
      expect([cents(row.envelope_cents), cents(row.committed_cents), cents(row.remaining_cents)]).toEqual([
        envelope.value.envelope,
        envelope.value.committed,
        envelope.value.remaining,
      ]);
      const parts = (dump.rm_departmental_figures as Array<Record<string, number | string>>).filter(
        (r) => r.caf_code === row.caf_code && r.school_year === row.school_year,
      );
      const sum = (column: string): number => parts.reduce((s, r) => s + Number(r[column]), 0);
      expect(
        ['collectifs', 'sessions', 'minutes', 'parents_reached', 'ps_forecast_cents', 'ps_paid_cents', 'committed_cents'].map(sum),
      ).toEqual([
        row.collectifs,
        row.sessions,
        row.minutes,
        row.parents_reached,
        row.ps_forecast_cents,
        row.ps_paid_cents,
        row.committed_cents,
      ]);
    }
  }, 120_000);

  it('stored convention views equal the time-travel convention view', async () => {
    const rows = (await dumpTables(db, ['rm_convention_status'])).rm_convention_status as Array<{
      convention_id: string;
      view: string;
      as_of: string;
    }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const answer = await queries.convention(row.convention_id, { at: row.as_of, knownAt: row.as_of });
      if (answer.kind !== 'found') throw new Error('expected a convention');
      expect(JSON.parse(row.view)).toEqual(JSON.parse(JSON.stringify(answer.value)));
    }
  }, 120_000);

  it('the TypeORM stream directory answers like the in-memory one', async () => {
    const typeorm = new TypeormStreamDirectory(db, store, CLAS_READ_MODELS);
    const memory = new InMemoryStreamDirectory(store);
    await Promise.all([typeorm.catchUp(), memory.catchUp()]);
    for (const row of projects.slice(0, 20)) {
      expect(await typeorm.project(row.project_id)).toEqual(await memory.project(row.project_id));
      expect(await typeorm.collectifsOfProject(row.project_id)).toEqual(await memory.collectifsOfProject(row.project_id));
    }
    expect(await typeorm.projectsOfCampaign('01', '2026-2027')).toEqual(await memory.projectsOfCampaign('01', '2026-2027'));
    expect(await typeorm.projectsOfOperator('op-02-0')).toEqual(await memory.projectsOfOperator('op-02-0'));
  });

  it('a projector with a tiny cache (project states replayed from the log at each miss) writes the same tables', async () => {
    const incremental = await dumpTables(db, TABLES);
    const other = await ReadDatabase.open({ url: ':memory:' });
    try {
      const projector = new Projector(store, other, clasReadModelProjection(), { batchSize: 450, cacheSize: 3 });
      await projector.catchUp();
      expect(projector.cacheStats.misses).toBeGreaterThan(100);
      expect(await dumpTables(other, TABLES)).toEqual(incremental);
    } finally {
      await other.close();
    }
  }, 120_000);

  it.each<CrashPoint>(['before-transaction', 'before-checkpoint', 'before-commit', 'after-commit'])(
    'a crash %s, with project states replayed from the log, neither loses nor doubles anything after a restart',
    async (point) => {
      const incremental = await dumpTables(db, TABLES);
      const other = await ReadDatabase.open({ url: ':memory:' });
      try {
        // Transaction 1 is the reset of the empty database: batch 7 commits in transaction 8.
        const crashing = new Projector(
          store,
          crashingReadDatabase(other, (at, transaction) => at === point && transaction === 8),
          clasReadModelProjection(),
          {
            batchSize: 600,
            cacheSize: 5,
          },
        );
        await expect(crashing.catchUp()).rejects.toThrow('simulated crash');
        // A new process: nothing of the crashed one's memory, states replayed from the log.
        await new Projector(store, other, clasReadModelProjection(), { batchSize: 600, cacheSize: 5 }).catchUp();
        expect(await dumpTables(other, TABLES)).toEqual(incremental);
      } finally {
        await other.close();
      }
    },
    120_000,
  );

  it('a rebuild stopped half-way leaves a checkpoint the projector refuses: it truncates and replays', async () => {
    const incremental = await dumpTables(db, TABLES);
    const other = await ReadDatabase.open({ url: ':memory:' });
    try {
      const controller = new AbortController();
      let calls = 0;
      await rebuildReadModels({ store, readDb: other, projection: clasReadModelProjection(), signal: controller.signal }, () => {
        if (++calls === 3) controller.abort();
      });
      const [checkpoint] = (await dumpTables(other, ['rm_checkpoint'])).rm_checkpoint as Array<{ signature: string; position: number }>;
      expect(checkpoint).toEqual(expect.objectContaining({ position: 0, signature: expect.stringMatching(/#rebuilding$/) }));
      await new Projector(store, other, clasReadModelProjection(), { batchSize: 2_000 }).catchUp();
      expect(await dumpTables(other, TABLES)).toEqual(incremental);
    } finally {
      await other.close();
    }
  }, 120_000);

  it('two rebuilds give identical tables, equal to the incremental run', async () => {
    const incremental = await dumpTables(db, TABLES);
    const other = await ReadDatabase.open({ url: ':memory:' });
    try {
      await rebuildReadModels({ store, readDb: other, projection: clasReadModelProjection(), batchSize: 3_000 });
      const first = await dumpTables(other, TABLES);
      await rebuildReadModels({ store, readDb: other, projection: clasReadModelProjection(), batchSize: 1_111 });
      expect(await dumpTables(other, TABLES)).toEqual(first);
      expect(first).toEqual(incremental);
    } finally {
      await other.close();
    }
  }, 120_000);
});
