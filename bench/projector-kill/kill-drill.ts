import Database from 'better-sqlite3';
import pg from 'pg';
import { SqliteEventStore } from '@clas/event-store';
import {
  ReadDatabase,
  clasReadModelProjection,
  diffDumps,
  dumpReadDatabase,
  projectionSignature,
  readDialectOf,
  rebuildReadModels,
  CLAS_READ_MODELS,
  type ReadDatabaseConfig,
  type TableDifference,
} from '@clas/projections';
import { SettableClock, nationalLog, notReceivableOnly, type GeneratedAppend, type NationalLogOptions } from '../generator/index.js';
import { Prng } from '../generator/prng.js';
import { type ProjectorCommand, ProjectorProcess } from './projector-process.js';

export interface KillDrillOptions {
  kills: number;
  seed: number;
  /** The SQLite event log file the drill writes (must not exist yet). */
  logPath: string;
  /** CLAS_READ_DB of the projector processes: a SQLite file or a postgres:// URL (an empty database). */
  readDb: string;
  /** Where the clean rebuild is written for the comparison (empty). */
  referenceDb: ReadDatabaseConfig;
  projector: ProjectorCommand;
  /** The generated log. */
  log: NationalLogOptions;
  /** Share of the log written before the first start; the rest is appended while the projectors run. Default 0.7. */
  preload?: number;
  /** A kill lands at most this long after its trigger (start of the process). Default 4 000 ms. */
  maxDelayMs?: number;
  /** Extra environment of the projector processes. */
  env?: NodeJS.ProcessEnv;
  onKill?: (report: KillReport) => void;
}

/** Where a kill -9 landed and what it left. */
export interface KillReport {
  kill: number;
  /**
   * What the kill waited for: the process start, the rebuild's start (its reset; the checkpoint
   * was first made to look written by an older version) or the start of the live phase.
   */
  trigger: 'start' | 'rebuilding' | 'started';
  delayMs: number;
  /** The projector's last log message before the kill. */
  phase: string;
  /** The checkpoint the kill left: none, the rebuild marker, or valid at a position. */
  checkpoint: string;
  /** Events in the log at the kill. */
  head: number;
}

export interface KillDrillResult {
  kills: KillReport[];
  events: number;
  /** Rows that differ between the killed-and-restarted projector's tables and a clean rebuild. */
  differingRows: number;
  tables: TableDifference[];
  elapsedMs: number;
}

interface CheckpointRow {
  version: number;
  signature: string;
  position: number;
}

/** The projection's checkpoint and dirty keys, read with a plain connection (no schema synchronisation). */
async function readProgress(readDb: string): Promise<{ checkpoint: CheckpointRow | null; dirty: number }> {
  const sql = [
    'SELECT "version", "signature", "position" FROM "rm_checkpoint" WHERE "projection" = ',
    'SELECT count(*) AS n FROM "rm_dirty_key"',
  ];
  try {
    if (readDialectOf(readDb) === 'postgres') {
      const client = new pg.Client({ connectionString: readDb });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: number; signature: string; position: string }>(`${sql[0]}$1`, [CLAS_READ_MODELS]);
        const dirty = await client.query<{ n: string }>(sql[1]!);
        const row = rows[0];
        return {
          checkpoint: row ? { version: Number(row.version), signature: row.signature, position: Number(row.position) } : null,
          dirty: Number(dirty.rows[0]!.n),
        };
      } finally {
        await client.end();
      }
    }
    const db = new Database(readDb, { readonly: true, fileMustExist: true, timeout: 5_000 });
    try {
      const row = db.prepare(`${sql[0]}?`).get(CLAS_READ_MODELS) as CheckpointRow | undefined;
      const dirty = db.prepare(sql[1]!).get() as { n: number };
      return {
        checkpoint: row ? { version: Number(row.version), signature: row.signature, position: Number(row.position) } : null,
        dirty: dirty.n,
      };
    } finally {
      db.close();
    }
  } catch {
    // No database or no tables yet (killed before its schema was created).
    return { checkpoint: null, dirty: 0 };
  }
}

/** What a checkpoint tells a starting projector: nothing, rebuild (marker, older version), or resume at a position. */
function describeCheckpoint(checkpoint: CheckpointRow | null): string {
  const projection = clasReadModelProjection();
  if (checkpoint === null) return 'none';
  if (checkpoint.signature.endsWith('#rebuilding')) return 'rebuild marker';
  if (checkpoint.version !== projection.version || checkpoint.signature !== projectionSignature(projection)) return 'older version';
  return `at ${checkpoint.position}`;
}

/** Makes the stored checkpoint look written by an older version of the code (as after an upgrade). */
async function markOlderVersion(readDb: string): Promise<void> {
  const sql = `UPDATE "rm_checkpoint" SET "version" = 0 WHERE "projection" = `;
  if (readDialectOf(readDb) === 'postgres') {
    const client = new pg.Client({ connectionString: readDb });
    await client.connect();
    try {
      await client.query(`${sql}$1`, [CLAS_READ_MODELS]).catch(() => undefined);
    } finally {
      await client.end();
    }
    return;
  }
  let db: Database.Database;
  try {
    db = new Database(readDb, { fileMustExist: true, timeout: 5_000 });
  } catch {
    return;
  }
  try {
    db.prepare(`${sql}?`).run(CLAS_READ_MODELS);
  } catch {
    // No tables yet: the start will build them anyway.
  } finally {
    db.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The kill -9 drill (issue 11 §7): a generated log, part of it written up front and the rest
 * while the projectors run; `kills` times, start `apps/projector` as a child process and SIGKILL
 * it at a random instant (after its start, after its "rebuilding" line — the reset — or after
 * its "started" line — the live catch-up), then restart it. A last run catches up with the whole
 * log and stops cleanly; its tables are then compared row for row with a clean rebuild.
 */
export async function runKillDrill(options: KillDrillOptions): Promise<KillDrillResult> {
  const started = performance.now();
  const rng = new Prng(options.seed);
  const clock = new SettableClock();
  const store = new SqliteEventStore({ path: options.logPath, clock });
  const appends: GeneratedAppend[] = [...nationalLog({ ...options.log, seed: options.log.seed ?? options.seed })];
  const preload = Math.floor(appends.length * (options.preload ?? 0.7));
  // The edge case that once split the live projector and the rebuild, in the part written up front.
  appends.splice(preload, 0, notReceivableOnly(appends[preload - 1]!.recordedAt));
  let next = 0;
  const appendOne = async (): Promise<void> => {
    const append = appends[next++]!;
    clock.set(append.recordedAt);
    await store.append(append.streamId, append.events, 'any');
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    CLAS_EVENT_STORE: 'sqlite',
    CLAS_SQLITE_PATH: options.logPath,
    CLAS_READ_DB: options.readDb,
  };
  const maxDelayMs = options.maxDelayMs ?? 4_000;
  const kills: KillReport[] = [];
  try {
    while (next <= preload) await appendOne();

    for (let kill = 1; kill <= options.kills; kill++) {
      const trigger = rng.pick(['start', 'rebuilding', 'started'] as const);
      // Once the tables are built, only a new version of the code makes the projector rebuild:
      // play that upgrade (a checkpoint of another version) so the kill can land in the reset.
      if (trigger === 'rebuilding') await markOlderVersion(options.readDb);
      const child = ProjectorProcess.start(options.projector, env);
      // The rest of the log arrives while the projectors run: the live path has work to do.
      let writing = true;
      const writer = (async () => {
        while (writing && next < appends.length) {
          await appendOne();
          await sleep(2);
        }
      })();
      // After "rebuilding": the reset and the first rows, a window of a few hundred ms at most.
      const delayMs = trigger === 'rebuilding' ? rng.int(0, Math.floor(maxDelayMs / 10)) : rng.int(0, maxDelayMs);
      if (trigger !== 'start') {
        // No rebuild to do (a valid checkpoint): the live start is the trigger then.
        await child.waitFor((line) => line.msg === trigger || line.msg === 'started', 120_000);
      }
      await sleep(delayMs);
      if (!child.running) throw new Error(`kill ${kill}: the projector exited by itself before the kill:\n${child.transcript()}`);
      const phase = child.phase;
      await child.kill9();
      writing = false;
      await writer;
      const { checkpoint } = await readProgress(options.readDb);
      const report: KillReport = {
        kill,
        trigger,
        delayMs,
        phase,
        checkpoint: describeCheckpoint(checkpoint),
        head: await store.headPosition(),
      };
      kills.push(report);
      options.onKill?.(report);
    }

    while (next < appends.length) await appendOne();
    const head = await store.headPosition();
    const last = ProjectorProcess.start(options.projector, env);
    // Live (its signal handlers installed, any rebuild done) before it may be asked to stop.
    if ((await last.waitFor((line) => line.msg === 'started', 600_000)) === null) {
      await last.kill9();
      throw new Error(`the last projector never went live:\n${last.transcript()}`);
    }
    for (const deadline = performance.now() + 600_000; ;) {
      const { checkpoint, dirty } = await readProgress(options.readDb);
      if (describeCheckpoint(checkpoint) === `at ${head}` && dirty === 0) break;
      if (!last.running || performance.now() > deadline) {
        await last.kill9();
        throw new Error(`the last projector did not catch up with position ${head}:\n${last.transcript()}`);
      }
      await sleep(100);
    }
    const code = await last.stop();
    if (code !== 0) throw new Error(`the last projector exited with ${code} on SIGTERM:\n${last.transcript()}`);

    await rebuildReadModels({ store, readDb: options.referenceDb, projection: clasReadModelProjection() });
    const [survivor, reference] = await Promise.all([ReadDatabase.open({ url: options.readDb }), ReadDatabase.open(options.referenceDb)]);
    try {
      const diff = diffDumps(await dumpReadDatabase(survivor), await dumpReadDatabase(reference));
      return { kills, events: head, differingRows: diff.differingRows, tables: diff.tables, elapsedMs: performance.now() - started };
    } finally {
      await survivor.close();
      await reference.close();
    }
  } finally {
    await store.close();
  }
}
