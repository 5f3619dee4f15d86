/**
 * Event-store benchmark (not a test): `npm run bench:store -- [--events N] [--only sqlite|postgres] [--pg-url URL]`.
 * For each backend: the store through its port and the bare driver doing the same work
 * (appends interleaved, see store/runner.ts), and the ratio. Throughput ratios are ours ÷ bare; for latency and memory (lower is better)
 * the ratio is bare ÷ ours, so ≥ 0.8 always means "within 20 % of bare".
 *
 * Tamper evidence (issue 11 §5): the store has no switch to turn its hash chain off (no test hook in
 * production options), so the chain's cost is measured on the bare driver: the same inserts with and
 * without exactly the chain's work (store/bare-*.ts `chained`), interleaved in the same run; target
 * ≥ 0.90. Then the store seals its whole log and verifies it: target ≥ 200 000 events/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore, SqliteEventStore } from '@clas/event-store';
import { bareSqliteRunner } from './store/bare-sqlite.js';
import { barePostgresRunner } from './store/bare-postgres.js';
import { storeRunner } from './store/store-runner.js';
import { runContestants } from './store/runner.js';
import { sampleStreams, type Workload } from './store/workload.js';
import type { Figures } from './store/measure.js';

const EVENTS_PER_STREAM = 100;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0) return process.argv[index + 1];
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

/**
 * The chain's cost per event is the bare driver's time with its work minus without it. The store
 * does more per event than the bare driver (event-id index, commands, validation), so the same
 * cost weighs less on it: without the chain it would take its time minus that cost.
 */
function reportChain(ours: Figures, bare: Figures, chained: Figures): void {
  const cost = chained.appendEventsPerSec / bare.appendEventsPerSec;
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  const perEvent = (rate: number): number => 1e6 / rate;
  const chainUs = perEvent(chained.appendEventsPerSec) - perEvent(bare.appendEventsPerSec);
  const oursUs = perEvent(ours.appendEventsPerSec);
  console.log(
    `hash chain: append bare + chain ${fmt(chained.appendEventsPerSec)} / bare ${fmt(bare.appendEventsPerSec)} events/s = ${cost.toFixed(2)}  (target ≥ 0.90)${cost < 0.9 ? '  BELOW TARGET' : ''}`,
  );
  console.log(
    `  = ${chainUs.toFixed(2)} µs per event; the store takes ${oursUs.toFixed(2)} µs per event with the chain, so ${(oursUs - chainUs).toFixed(2)} without it: ${((oursUs - chainUs) / oursUs).toFixed(2)} of its speed`,
  );
  const verify = ours.verifyEventsPerSec ?? 0;
  console.log(
    `seal (recomputes every chain hash): ${fmt(ours.sealEventsPerSec ?? 0)} events/s; verify: ${fmt(verify)} events/s  (target ≥ 200,000)${verify < 200_000 ? '  BELOW TARGET' : ''}`,
  );
}

function report(title: string, ours: Figures, bare: Figures): void {
  const rows: [string, number, number, number, string][] = [
    ['append (events/s)', ours.appendEventsPerSec, bare.appendEventsPerSec, ours.appendEventsPerSec / bare.appendEventsPerSec, 'ours/bare'],
    [
      'read-all (events/s)',
      ours.readAllEventsPerSec,
      bare.readAllEventsPerSec,
      ours.readAllEventsPerSec / bare.readAllEventsPerSec,
      'ours/bare',
    ],
    ['stream read p50 (ms)', ours.streamReadP50Ms, bare.streamReadP50Ms, bare.streamReadP50Ms / ours.streamReadP50Ms, 'bare/ours'],
    ['stream read p95 (ms)', ours.streamReadP95Ms, bare.streamReadP95Ms, bare.streamReadP95Ms / ours.streamReadP95Ms, 'bare/ours'],
    ['peak RSS (MB)', ours.peakRssMb, bare.peakRssMb, bare.peakRssMb / ours.peakRssMb, 'bare/ours'],
  ];
  const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(3));
  console.log(`\n${title}`);
  console.log(`${'figure'.padEnd(22)}${'ours'.padStart(14)}${'bare'.padStart(14)}${'ratio'.padStart(9)}  (target ≥ 0.80)`);
  for (const [name, o, b, ratio, how] of rows) {
    console.log(
      `${name.padEnd(22)}${fmt(o).padStart(14)}${fmt(b).padStart(14)}${ratio.toFixed(2).padStart(9)}  ${how}${ratio < 0.8 ? '  BELOW TARGET' : ''}`,
    );
  }
}

async function benchSqlite(workload: Workload): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clas-bench-'));
  try {
    process.stderr.write('SQLite: bare driver, bare driver + hash chain, event store\n');
    const store = new SqliteEventStore({ path: join(dir, 'store.sqlite') });
    const [bare, chained, ours] = await runContestants(
      [
        bareSqliteRunner(join(dir, 'bare.sqlite'), workload),
        bareSqliteRunner(join(dir, 'bare-chain.sqlite'), workload, true),
        storeRunner('sqlite store', store, workload),
      ],
      workload,
    );
    report('SQLite (WAL, synchronous=FULL)', ours!, bare!);
    reportChain(ours!, bare!, chained!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string, workload: Workload): Promise<void> {
  const suffix = randomBytes(3).toString('hex');
  process.stderr.write('PostgreSQL: bare driver, bare driver + hash chain, event store\n');
  const schema = `bench_store_${suffix}`;
  const store = await PostgresEventStore.start({ url, schema, poolSize: 2 });
  try {
    const runners = [
      await barePostgresRunner(url, `bench_bare_${suffix}`, workload),
      await barePostgresRunner(url, `bench_chain_${suffix}`, workload, true),
      storeRunner('postgres store', store, workload),
    ];
    const [bare, chained, ours] = await runContestants(runners, workload);
    report('PostgreSQL (xmin-safe global order)', ours!, bare!);
    reportChain(ours!, bare!, chained!);
  } finally {
    await store.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const events = Number(argument('events') ?? process.env.CLAS_BENCH_EVENTS ?? 1_000_000);
  const only = argument('only');
  const url = argument('pg-url') ?? process.env.CLAS_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  if (!Number.isSafeInteger(events) || events < EVENTS_PER_STREAM) throw new Error(`--events must be an integer ≥ ${EVENTS_PER_STREAM}`);
  if (only !== undefined && only !== 'sqlite' && only !== 'postgres') throw new Error('--only takes sqlite or postgres');
  const streams = Math.floor(events / EVENTS_PER_STREAM);
  const workload: Workload = { streams, eventsPerStream: EVENTS_PER_STREAM, sampleStreams: sampleStreams(streams, 1000) };
  console.log(
    `event-store bench: ${streams * EVENTS_PER_STREAM} events = ${streams} streams × ${EVENTS_PER_STREAM}, one append per stream; node ${process.version}`,
  );
  if (only !== 'postgres') await benchSqlite(workload);
  if (only !== 'sqlite') await benchPostgres(url, workload);
  console.log(`\nprocess peak RSS (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
