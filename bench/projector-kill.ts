import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runKillDrill } from './projector-kill/kill-drill.js';
import { compiledProjector } from './projector-kill/projector-process.js';

/**
 * `npm run drill:projector-kill -- --read-db sqlite|postgres [--kills 10] [--seed 1]`:
 * the kill -9 drill of issue 11 §7 on the compiled projector (`apps/projector`, as
 * `npm run start:projector` runs it, worker threads included). Prints one JSON line per kill,
 * then the summary: rows that differ from a clean rebuild (0 expected). Exit 1 if any differ.
 * PostgreSQL: CLAS_TEST_POSTGRES_URL (or --pg-url) names a server where a throw-away database is
 * created and dropped.
 */
const { values } = parseArgs({
  options: {
    'read-db': { type: 'string', default: 'sqlite' },
    kills: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    cafs: { type: 'string', default: '8' },
    collectifs: { type: 'string', default: '20' },
    years: { type: 'string', default: '2' },
    'max-delay-ms': { type: 'string', default: '4000' },
    'pg-url': { type: 'string' },
  },
});
const kind = values['read-db'];
if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('--read-db must be sqlite or postgres');
const dir = mkdtempSync(join(tmpdir(), 'clas-kill-drill-'));
const pgUrl = values['pg-url'] ?? process.env.CLAS_TEST_POSTGRES_URL ?? '';
if (kind === 'postgres' && !pgUrl) throw new Error('--read-db postgres needs CLAS_TEST_POSTGRES_URL or --pg-url');
const database = `clas_kill_${randomBytes(4).toString('hex')}`;
const admin = kind === 'postgres' ? new pg.Client({ connectionString: pgUrl }) : null;
// Set once the drill has compared the tables; an exception skips it (and exits non-zero by itself).
let exitCode: number;
try {
  let readDb = join(dir, 'read.sqlite');
  let referenceDb = { url: join(dir, 'reference.sqlite') } as { url: string; schema?: string };
  if (admin !== null) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(pgUrl);
    url.pathname = `/${database}`;
    readDb = url.toString();
    referenceDb = { url: readDb, schema: 'reference' };
  }
  const result = await runKillDrill({
    kills: Number(values.kills),
    seed: Number(values.seed),
    logPath: join(dir, 'log.sqlite'),
    readDb,
    referenceDb,
    projector: compiledProjector(new URL('../', import.meta.url)),
    log: { cafs: Number(values.cafs), collectifsPerCaf: Number(values.collectifs), years: Number(values.years) },
    maxDelayMs: Number(values['max-delay-ms']),
    onKill: (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
  });
  const phases: Record<string, number> = {};
  for (const k of result.kills) phases[k.phase] = (phases[k.phase] ?? 0) + 1;
  const left: Record<string, number> = {};
  for (const k of result.kills) {
    const what = k.checkpoint.startsWith('at ') ? 'valid checkpoint' : k.checkpoint;
    left[what] = (left[what] ?? 0) + 1;
  }
  process.stdout.write(
    `${JSON.stringify({ readDb: kind, kills: result.kills.length, events: result.events, differingRows: result.differingRows, lastMessageBeforeKill: phases, checkpointLeft: left, elapsedMs: Math.round(result.elapsedMs) })}\n`,
  );
  for (const table of result.tables)
    process.stdout.write(
      `${JSON.stringify({ table: table.table, onlyAfterKills: table.onlyLeft.slice(0, 3), onlyInRebuild: table.onlyRight.slice(0, 3) })}\n`,
    );
  exitCode = result.differingRows === 0 ? 0 : 1;
} finally {
  if (admin !== null) {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
