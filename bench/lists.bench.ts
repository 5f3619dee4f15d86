/**
 * Lists benchmark (issue 13; not a test): filtered pages of 50 served from the read-model tables
 * on the national bench data set (bench/generator: 100 Cafs × 100 collectifs by default).
 * Generates the log into .bench/ (or reuses it), rebuilds the read models, then times each kind
 * of page (ReadModelQueries, as the API calls it) and prints p50/p95 per kind and overall
 * against the target (p95 ≤ 20 ms). `--help` prints the usage only.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parisDateOf } from '@clas/domain';
import { SqliteEventStore } from '@clas/event-store';
import {
  CLAS_READ_MODELS,
  type ListScope,
  ReadDatabase,
  ReadModelQueries,
  clasReadModelProjection,
  progressBar,
  rebuildReadModels,
  worklistNamed,
  worklistPage,
} from '@clas/projections';
import { Prng, SettableClock, writeNationalLog } from './generator/index.js';
import { percentile } from './projections/measure.js';

const USAGE = `npm run bench:lists -- [options]

Times filtered pages of 50 of the list endpoints' queries on the read-model tables.

  --cafs N          Cafs of the generated log (default 100)
  --collectifs N    collectifs per Caf and school year (default 100)
  --years N         school years (default 1)
  --seed N          generator seed (default 42)
  --samples N       pages timed per kind of query (default 300)
  --read-db URL     read database: a SQLite path (default .bench/lists-…/read.sqlite) or a postgres:// URL
                    (tables in the schema bench_lists, dropped at the end unless --reuse)
  --reuse           keep the generated log and read models of a previous run (.bench/lists-…)
  --help            this text

Target: p95 ≤ 20 ms per page of 50 (filtered, sorted, keyset).`;

const TARGET_P95_MS = 20;
/** One timed page read. */
type Timed = () => Promise<unknown>;
const PAGE = 50;
/** The day the worklists are read for (R-BILAN-DUE lateness), as the API takes it from its clock. */
const TODAY = parisDateOf(new Date().toISOString());
/** PostgreSQL: the bench's own schema, never the API's tables. */
const PG_SCHEMA = 'bench_lists';

const { values } = parseArgs({
  options: {
    cafs: { type: 'string', default: '100' },
    collectifs: { type: 'string', default: '100' },
    years: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    samples: { type: 'string', default: '300' },
    'read-db': { type: 'string' },
    reuse: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

const fmt = (n: number, digits = 2): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const cafs = Number(values.cafs);
  const collectifsPerCaf = Number(values.collectifs);
  const years = Number(values.years);
  const seed = Number(values.seed);
  const samples = Number(values.samples);
  const dir = join('.bench', `lists-${cafs}x${collectifsPerCaf}x${years}-s${seed}`);
  const logPath = join(dir, 'log.sqlite');
  const readDb = values['read-db'] ?? join(dir, 'read.sqlite');
  console.log(
    JSON.stringify({
      bench: 'lists',
      cafs,
      collectifsPerCaf,
      years,
      seed,
      samples,
      readDb: readDb.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      node: process.version,
    }),
  );
  if (!values.reuse) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const clock = new SettableClock();
  const store = new SqliteEventStore({ path: logPath, clock });
  try {
    if ((await store.headPosition()) === 0) {
      process.stderr.write('generating the national log…\n');
      const written = await writeNationalLog(store, clock, { cafs, collectifsPerCaf, years, seed });
      console.log(`generation: ${written.events.toLocaleString('en-US')} events in ${fmt(written.elapsedMs / 1000, 1)} s`);
    }
    const head = await store.headPosition();
    const postgres = /^postgres(ql)?:\/\//.test(readDb);
    const db = await ReadDatabase.open({ url: readDb, ...(postgres && { schema: PG_SCHEMA }) });
    try {
      const lists = new ReadModelQueries(db, CLAS_READ_MODELS);
      if (!values.reuse || (await lists.position()).position < head) {
        const rebuilt = await rebuildReadModels(
          { store, storeConfig: { kind: 'sqlite', path: logPath }, readDb: db, projection: clasReadModelProjection() },
          progressBar(process.stderr, 'rebuild'),
        );
        console.log(`rebuild: ${head.toLocaleString('en-US')} events in ${fmt(rebuilt.elapsedMs / 1000, 1)} s`);
      }
      await timePages(db, lists, samples, seed);
    } finally {
      if (postgres && !values.reuse) await db.query(`DROP SCHEMA IF EXISTS "${PG_SCHEMA}" CASCADE`);
      await db.close();
    }
  } finally {
    await store.close();
    if (!values.reuse && values['read-db'] === undefined && existsSync(dir)) {
      // The data set is kept with --reuse only: 1.3 M events are ≈ 1 GB on disk.
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Each kind of page the API serves, with random Cafs, operators and cursors; p50/p95 per kind and overall. */
async function timePages(db: ReadDatabase, lists: ReadModelQueries, samples: number, seed: number): Promise<void> {
  const rng = new Prng(seed);
  const projects = await db.query<{ project_id: string; caf_code: string; school_year: string; operator_id: string; commune: string }>(
    `SELECT "project_id", "caf_code", "school_year", "operator_id", "commune" FROM ${db.table('rm_project_status')}`,
  );
  const operators = await db.query<{ operator_id: string; name: string }>(`SELECT "operator_id", "name" FROM ${db.table('rm_operator')}`);
  console.log(`data: ${projects.length.toLocaleString('en-US')} projects, ${operators.length.toLocaleString('en-US')} operators`);
  const any = <T>(rows: readonly T[]): T => rows[rng.int(0, rows.length - 1)]!;
  const agentOf = (caf: string): ListScope => ({ cafCode: caf, operatorId: null });
  const national: ListScope = { cafCode: null, operatorId: null };
  /**
   * Half the samples time a first page, half the page after it (a cursor, as a client scrolling
   * asks): the first page is then read untimed, in `prepare`.
   */
  const scrolled = async (read: (cursor: string | undefined) => Promise<{ nextCursor: string | null }>): Promise<Timed> => {
    if (rng.chance(0.5)) return () => read(undefined);
    const first = await read(undefined);
    const cursor = first.nextCursor ?? undefined;
    return () => read(cursor);
  };
  const once = (read: () => Promise<unknown>): Promise<Timed> => Promise.resolve(read);
  const kinds: Array<[string, () => Promise<Timed>]> = [
    [
      'projects: Caf + year + status (agent)',
      () => {
        const p = any(projects);
        return scrolled((cursor) =>
          lists.projects({ schoolYear: p.school_year, status: 'approved', limit: PAGE, ...(cursor && { cursor }) }, agentOf(p.caf_code)),
        );
      },
    ],
    [
      'projects: Caf + rural + cycle, sorted by title',
      () => {
        const p = any(projects);
        return scrolled((cursor) =>
          lists.projects({ rural: true, cycle: 'primary', sort: 'title', limit: PAGE, ...(cursor && { cursor }) }, agentOf(p.caf_code)),
        );
      },
    ],
    [
      'projects: Caf + title text, sorted by due desc',
      () => {
        const p = any(projects);
        return scrolled((cursor) =>
          lists.projects(
            { q: p.commune.slice(-3), sort: 'due', order: 'desc', limit: PAGE, ...(cursor && { cursor }) },
            agentOf(p.caf_code),
          ),
        );
      },
    ],
    [
      'projects: national, status + eligibility (auditor)',
      () =>
        scrolled((cursor) =>
          lists.projects({ status: 'approved', eligibility: 'eligible', limit: PAGE, ...(cursor && { cursor }) }, national),
        ),
    ],
    [
      'projects: an operator its own',
      () => once(() => lists.projects({ limit: PAGE }, { cafCode: null, operatorId: any(projects).operator_id })),
    ],
    [
      'operators: Caf + name search',
      () => once(() => lists.operators({ name: any(operators).name.slice(0, 6), limit: PAGE }, agentOf(any(projects).caf_code))),
    ],
    ['campaigns: national', () => once(() => lists.campaigns({ limit: PAGE }, national))],
    ['collectifs of a project', () => once(() => lists.collectifs(any(projects).project_id, { limit: PAGE }, national))],
    [
      'worklist: bilans-due (agent)',
      () => once(() => worklistPage(lists, worklistNamed('bilans-due')!, { limit: PAGE }, agentOf(any(projects).caf_code), TODAY)),
    ],
    [
      'worklist: caf-owes (operator)',
      () =>
        once(() =>
          worklistPage(lists, worklistNamed('caf-owes')!, { limit: PAGE }, { cafCode: null, operatorId: any(projects).operator_id }, TODAY),
        ),
    ],
    [
      // Two correlated lookups per approved row of the Caf (the campaign of Y, a renewal by renewal_of); empty with --years 1.
      'worklist: renewals-awaited (agent)',
      () => once(() => worklistPage(lists, worklistNamed('renewals-awaited')!, { limit: PAGE }, agentOf(any(projects).caf_code), TODAY)),
    ],
  ];
  // Warm-up: statement caches and the database's own cache, as a running API has them.
  for (const [, prepare] of kinds) for (let i = 0; i < 20; i++) await (await prepare())();
  const all: number[] = [];
  for (const [name, prepare] of kinds) {
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const run = await prepare();
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    all.push(...times);
    console.log(`${name.padEnd(52)} p50 ${fmt(percentile(times, 50)).padStart(7)} ms   p95 ${fmt(percentile(times, 95)).padStart(7)} ms`);
  }
  const p95 = percentile(all, 95);
  console.log(
    `all pages (${all.length.toLocaleString('en-US')}): p50 ${fmt(percentile(all, 50))} ms, p95 ${fmt(p95)} ms (target ≤ ${TARGET_P95_MS} ms) ${p95 <= TARGET_P95_MS ? 'OK' : 'OVER'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
