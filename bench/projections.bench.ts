/**
 * Read-model benchmark (not a test): `npm run bench:projections -- [--years 4] [--cafs 100]
 * [--collectifs 100] [--seed 42] [--keep] [--reuse] [--generate-only] [--queries-only] [--batch 20000] [--cache 50000] [--flush-ms 60000]
 * [--samples 200] [--rebuild-only] [--workers N] [--worker-heap MB]`. --queries-only reuses the read database of a --keep run (no rebuild).
 * Generates a national log (bench/generator) into .bench/, rebuilds the read models from it,
 * then times as-of questions through the time-travel reader. Data files are removed at the end
 * unless --keep (then --reuse skips the generation on the next run).
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@clas/event-store';
import {
  CLAS_READ_MODELS,
  ClasQueries,
  ReadDatabase,
  TypeormStreamDirectory,
  clasReadModelProjection,
  progressBar,
  rebuildReadModels,
} from '@clas/projections';
import { Prng, SettableClock, writeNationalLog } from './generator/index.js';
import { argument, gc, percentile, withPeakRss } from './projections/measure.js';

const TARGETS = { rebuildSecondsPer5M: 30, rssMb: 512, projectP95Ms: 10, departmentalP95Ms: 300 };

const readPath = (cafs: number, collectifs: number, years: number, seed: number): string =>
  join('.bench', `projections-${cafs}x${collectifs}x${years}-s${seed}`, 'read.sqlite');

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const cafs = Number(argument('cafs') ?? 100);
  const collectifsPerCaf = Number(argument('collectifs') ?? 100);
  const years = Number(argument('years') ?? 1);
  const seed = Number(argument('seed') ?? 42);
  const samples = Number(argument('samples') ?? 200);
  const batchSize = Number(argument('batch') ?? 20_000);
  const cacheSize = argument('cache') === undefined ? undefined : Number(argument('cache'));
  const flushIntervalMs = argument('flush-ms') === undefined ? undefined : Number(argument('flush-ms'));
  const keep = argument('keep') !== undefined;
  const workers = argument('workers') === undefined ? undefined : Number(argument('workers'));
  const workerHeapMb = argument('worker-heap') === undefined ? undefined : Number(argument('worker-heap'));
  const reuse = argument('reuse') !== undefined;
  const generateOnly = argument('generate-only') !== undefined;
  // Reuse the read database of a previous --keep run: time the as-of questions only.
  const queriesOnly = argument('queries-only') !== undefined && existsSync(readPath(cafs, collectifsPerCaf, years, seed));
  const dir = join('.bench', `projections-${cafs}x${collectifsPerCaf}x${years}-s${seed}`);
  const logPath = join(dir, 'log.sqlite');
  const readPathname = readPath(cafs, collectifsPerCaf, years, seed);
  console.log(
    JSON.stringify({
      bench: 'projections',
      cafs,
      collectifsPerCaf,
      years,
      seed,
      batchSize,
      cacheSize,
      flushIntervalMs,
      dir,
      node: process.version,
    }),
  );

  if (!reuse || !existsSync(logPath)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  if (!queriesOnly) {
    rmSync(readPathname, { force: true });
    rmSync(`${readPathname}-wal`, { force: true });
    rmSync(`${readPathname}-shm`, { force: true });
  }
  try {
    const clock = new SettableClock();
    const store = new SqliteEventStore({ path: logPath, clock });
    if ((await store.headPosition()) === 0) {
      process.stderr.write('generating the national log…\n');
      const written = await writeNationalLog(store, clock, { cafs, collectifsPerCaf, years, seed }, (p) => {
        const rate = (p.events * 1000) / Math.max(1, p.elapsedMs);
        process.stderr.write(
          `\rgenerate ${fmt((100 * p.events) / p.estimatedEvents)}% ${p.events.toLocaleString('en-US')} events, ${p.appends.toLocaleString('en-US')} appends, ${Math.round(rate).toLocaleString('en-US')} ev/s   `,
        );
      });
      process.stderr.write('\n');
      console.log(
        `generation: ${written.events.toLocaleString('en-US')} events in ${written.appends.toLocaleString('en-US')} appends, ${fmt(written.elapsedMs / 1000)} s (${Math.round((written.events * 1000) / written.elapsedMs).toLocaleString('en-US')} ev/s)`,
      );
    } else {
      console.log(`generation: reused ${logPath} (${(await store.headPosition()).toLocaleString('en-US')} events)`);
    }
    const head = await store.headPosition();
    if (generateOnly) {
      await store.close();
      return;
    }

    gc();
    const db = await ReadDatabase.open({ url: readPathname });
    if (queriesOnly) {
      console.log(`rebuild: skipped (--queries-only, reusing ${readPathname})`);
    } else {
      const bar = progressBar(process.stderr, 'rebuild');
      const { result: rebuilt, peakRssMb } = await withPeakRss((sample) =>
        rebuildReadModels(
          {
            store,
            storeConfig: { kind: 'sqlite', path: logPath },
            ...(workers !== undefined && { workers }),
            ...(workerHeapMb !== undefined && { workerHeapMb }),
            readDb: db,
            projection: clasReadModelProjection(),
            batchSize,
            ...(cacheSize !== undefined && { cacheSize }),
            ...(flushIntervalMs !== undefined && { flushIntervalMs }),
          },
          (progress) => {
            sample();
            bar(progress);
          },
        ),
      );
      const per5M = (rebuilt.elapsedMs / 1000) * (5_000_000 / head);
      console.log(
        `rebuild: ${head.toLocaleString('en-US')} events in ${fmt(rebuilt.elapsedMs / 1000)} s = ${Math.round(rebuilt.eventsPerSec).toLocaleString('en-US')} ev/s ` +
          `(→ ${fmt(per5M)} s per 5 M, target ≤ ${TARGETS.rebuildSecondsPer5M}); peak RSS ${fmt(peakRssMb, 0)} MB (target ≤ ${TARGETS.rssMb})`,
      );
    }

    if (argument('rebuild-only') !== undefined) {
      await db.close();
      await store.close();
      return;
    }
    const queries = new ClasQueries(store, new TypeormStreamDirectory(db, store, CLAS_READ_MODELS));
    const projects = await db.query<{ project_id: string; caf_code: string; school_year: string }>(
      `SELECT "project_id", "caf_code", "school_year" FROM "rm_project_status" ORDER BY "project_id"`,
    );
    const [firstEvent] = (await store.readAllPage({ after: 0, limit: 1 })).events;
    const [lastEvent] = (await store.readAllPage({ after: head - 1, limit: 1 })).events;
    const from = Date.parse(firstEvent!.recordedAt);
    const to = Date.parse(lastEvent!.recordedAt);
    const rng = new Prng(seed);
    const randomAsOf = () => {
      const a = from + Math.floor(rng.next() * (to - from));
      const b = from + Math.floor(rng.next() * (to - from));
      return { at: new Date(Math.min(a, b)).toISOString(), knownAt: new Date(Math.max(a, b)).toISOString() };
    };

    const projectTimes: number[] = [];
    for (let i = 0; i < samples + 20; i++) {
      const project = rng.pick(projects);
      const asOf = randomAsOf();
      const started = performance.now();
      // One read and one fold of the project's streams for both answers (ClasQueries.projectAnswers).
      await queries.projectAnswers(project.project_id, asOf, ['eligibility', 'payablePs']);
      if (i >= 20) projectTimes.push(performance.now() - started); // the first 20 warm the JIT
    }
    const p95 = percentile(projectTimes, 95);
    console.log(
      `per-project as-of (eligibility + payable PS, time travel): p50 ${fmt(percentile(projectTimes, 50), 2)} ms, p95 ${fmt(p95, 2)} ms (target ≤ ${TARGETS.projectP95Ms})`,
    );

    const campaigns = [...new Set(projects.map((p) => `${p.caf_code}:${p.school_year}`))];
    const departmentalTimes: number[] = [];
    const departmentalSamples = Math.max(20, Math.floor(samples / 5));
    for (let i = 0; i < departmentalSamples + 5; i++) {
      const [cafCode, schoolYear] = rng.pick(campaigns).split(':') as [string, string];
      const asOf = randomAsOf();
      const started = performance.now();
      await queries.departmentalBilan(cafCode, schoolYear, asOf);
      if (i >= 5) departmentalTimes.push(performance.now() - started);
    }
    console.log(
      `departmental bilan as-of (time travel): p50 ${fmt(percentile(departmentalTimes, 50))} ms, p95 ${fmt(percentile(departmentalTimes, 95))} ms (target ≤ ${TARGETS.departmentalP95Ms})`,
    );
    const storedTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const [cafCode, schoolYear] = rng.pick(campaigns).split(':') as [string, string];
      const started = performance.now();
      await db.query(`SELECT * FROM "rm_departmental_figures" WHERE "caf_code" = ? AND "school_year" = ?`, [cafCode, schoolYear]);
      storedTimes.push(performance.now() - started);
    }
    console.log(
      `departmental dashboard now (stored table): p50 ${fmt(percentile(storedTimes, 50), 2)} ms, p95 ${fmt(percentile(storedTimes, 95), 2)} ms`,
    );
    await db.close();
    await store.close();
  } finally {
    if (!keep && !generateOnly) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
