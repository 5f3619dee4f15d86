import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type QueryRunner } from 'typeorm';
import { applyPostgresColumnTypes } from './postgres-column-types.js';
import { READ_MODEL_ENTITIES } from './read-model-entities.js';

export type ReadDialect = 'sqlite' | 'postgres';

export interface ReadDatabaseConfig {
  /** A file path (SQLite; ':memory:' too) or a postgres:// URL. */
  url: string;
  /** PostgreSQL schema for the tables (created when missing); default "public". */
  schema?: string;
}

export interface ReadDatabaseOpenOptions {
  /**
   * `writer` (default): the caller holds the writer lock (`acquireWriterLock`) and the tables
   * are synchronised with the entities — emptied first when their shape changed. `reader`: no
   * DDL, nothing emptied: a reader (or a standby) must never alter the tables another process
   * writes; it reads what is there until the lock holder has synchronised.
   */
  role?: 'writer' | 'reader';
}

export const DEFAULT_READ_DB = './data/clas-read.sqlite';

/** Runs SQL inside (or outside) a transaction; placeholders come from `ReadDatabase.p`. */
export interface SqlExecutor {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** SQLite's limit is 32 766 variables; PostgreSQL's 65 535. One budget under both keeps SQL text identical. */
const MAX_PARAMS_PER_STATEMENT = 8_000;

export function readDialectOf(url: string): ReadDialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/**
 * Synchronises the tables with the entities. When that changes an existing table (a new
 * column, a new type), its rows are deleted first: a NOT NULL column cannot be added to rows
 * that have no value for it, and read models are caches — with the checkpoint gone too, the
 * projector rebuilds every table from the log.
 */
async function synchroniseEmptyingOnChange(dataSource: DataSource): Promise<void> {
  const pending = await dataSource.driver.createSchemaBuilder().log();
  if (pending.upQueries.length > 0) {
    const runner = dataSource.createQueryRunner();
    try {
      for (const entity of dataSource.entityMetadatas) {
        if (await runner.hasTable(entity.tablePath)) await runner.clearTable(entity.tablePath);
      }
    } finally {
      await runner.release();
    }
  }
  await dataSource.synchronize();
}

/**
 * The read database behind TypeORM. Entities define the tables (synchronised at open: read
 * models are caches, rebuilt from the log when their shape changes), and the hot paths of the
 * projector use raw, chunked multi-row upserts on a QueryRunner, because the ORM's per-entity
 * save is an order of magnitude slower for batches of thousands of rows.
 */
export class ReadDatabase {
  private constructor(
    readonly dataSource: DataSource,
    readonly dialect: ReadDialect,
    readonly schema: string | null,
  ) {}

  static async open(config: ReadDatabaseConfig, options: ReadDatabaseOpenOptions = {}): Promise<ReadDatabase> {
    const writer = (options.role ?? 'writer') === 'writer';
    const dialect = readDialectOf(config.url);
    if (dialect === 'postgres') {
      const schema = config.schema ?? 'public';
      const dataSource = new DataSource({
        type: 'postgres',
        url: config.url,
        schema,
        entities: [...READ_MODEL_ENTITIES],
        synchronize: false,
        extra: { max: 4 },
      });
      await dataSource.initialize();
      applyPostgresColumnTypes(dataSource);
      if (writer) {
        await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await synchroniseEmptyingOnChange(dataSource);
      }
      return new ReadDatabase(dataSource, dialect, schema);
    }
    if (config.url !== ':memory:') mkdirSync(dirname(config.url), { recursive: true });
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: config.url,
      entities: [...READ_MODEL_ENTITIES],
      synchronize: false,
      statementCacheSize: 200,
      // The event log may live in the same file (another connection): wait for its write lock.
      timeout: 10_000,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        // NORMAL: a power cut may lose the last commits, never split one, and state and
        // checkpoint share each commit — the projector just replays from the older checkpoint.
        db.pragma('synchronous = NORMAL');
        db.pragma('cache_size = -65536');
      },
    });
    await dataSource.initialize();
    if (writer) await synchroniseEmptyingOnChange(dataSource);
    return new ReadDatabase(dataSource, dialect, null);
  }

  /** Quoted, schema-qualified table name. */
  table(name: string): string {
    return this.schema === null ? `"${name}"` : `"${this.schema}"."${name}"`;
  }

  /** The i-th (0-based) placeholder. */
  p(index: number): string {
    return this.dialect === 'postgres' ? `$${index + 1}` : '?';
  }

  /** better-sqlite3 binds no booleans; PostgreSQL wants them. */
  value(v: unknown): unknown {
    if (typeof v === 'boolean' && this.dialect === 'sqlite') return v ? 1 : 0;
    return v;
  }

  async query<R = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.dataSource.query(
      sql,
      params.map((v) => this.value(v)),
    )) as R[];
  }

  /** One transaction on one connection; rolled back when `work` throws. */
  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const tx: SqlExecutor = {
        query: async <R>(sql: string, params: readonly unknown[] = []) =>
          (await runner.query(
            sql,
            params.map((v) => this.value(v)),
          )) as R[],
      };
      const result = await work(tx);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * INSERT … ON CONFLICT (keys) DO UPDATE, in chunks that stay under the variable limit.
   * Full chunks share one SQL text, so the statement cache prepares it once.
   */
  async upsert(
    tx: SqlExecutor,
    table: string,
    columns: readonly string[],
    keyColumns: readonly string[],
    rows: readonly unknown[][],
    onConflict: 'update' | 'keep' = 'update',
  ): Promise<void> {
    if (rows.length === 0) return;
    const perChunk = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length));
    const updates = onConflict === 'keep' ? [] : columns.filter((c) => !keyColumns.includes(c));
    const conflict = updates.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${updates.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
    for (let start = 0; start < rows.length; start += perChunk) {
      const chunk = rows.slice(start, start + perChunk);
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (const row of chunk) {
        const marks: string[] = [];
        for (const v of row) {
          marks.push(this.p(params.length));
          params.push(v);
        }
        tuples.push(`(${marks.join(',')})`);
      }
      const sql = `INSERT INTO ${this.table(table)} (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${tuples.join(',')} ON CONFLICT (${keyColumns.map((c) => `"${c}"`).join(',')}) ${conflict}`;
      await tx.query(sql, params);
    }
  }

  /** DELETE … WHERE column IN (…), chunked. */
  async deleteIn(tx: SqlExecutor, table: string, column: string, values: readonly unknown[], extraWhere = ''): Promise<void> {
    const perChunk = MAX_PARAMS_PER_STATEMENT - 10;
    for (let start = 0; start < values.length; start += perChunk) {
      const chunk = values.slice(start, start + perChunk);
      const marks = chunk.map((_, i) => this.p(i));
      await tx.query(`DELETE FROM ${this.table(table)} WHERE "${column}" IN (${marks.join(',')})${extraWhere}`, chunk);
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
