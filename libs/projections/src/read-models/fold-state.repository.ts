import type { KeyedFold } from '../core/keyed-fold.js';
import type { ReadDatabase, SqlExecutor } from './read-database.js';

const COLUMNS = ['fold_name', 'fold_version', 'state_key', 'state', 'last_position', 'last_instant'] as const;
const KEYS = ['fold_name', 'fold_version', 'state_key'] as const;
/** Keys per SELECT … IN (…): well under the variable limit, with room for name and version. */
const LOAD_CHUNK = 2_000;
/** States serialised per upsert call (a full statement chunk of 6 columns is 1 333 rows). */
const SAVE_SLICE = 500;

export interface StoredFoldState<S> {
  state: S;
  lastPosition: number;
  /** max(occurredAt, recordedAt) of the folded events (ISO instant). */
  lastInstant: string;
}

/** rm_fold_state access for one database: bulk load by keys, bulk upsert. */
export class FoldStateRepository {
  constructor(private readonly db: ReadDatabase) {}

  async load<S>(executor: SqlExecutor, fold: KeyedFold<S>, keys: readonly string[]): Promise<Map<string, StoredFoldState<S>>> {
    const found = new Map<string, StoredFoldState<S>>();
    for (let start = 0; start < keys.length; start += LOAD_CHUNK) {
      const chunk = keys.slice(start, start + LOAD_CHUNK);
      const marks = chunk.map((_, i) => this.db.p(i + 2));
      const rows = await executor.query<{ state_key: string; state: string; last_position: number | string; last_instant: string }>(
        `SELECT "state_key", "state", "last_position", "last_instant" FROM ${this.db.table('rm_fold_state')}
         WHERE "fold_name" = ${this.db.p(0)} AND "fold_version" = ${this.db.p(1)} AND "state_key" IN (${marks.join(',')})`,
        [fold.name, fold.version, ...chunk],
      );
      for (const row of rows)
        found.set(row.state_key, {
          state: JSON.parse(row.state) as S,
          lastPosition: Number(row.last_position),
          lastInstant: row.last_instant,
        });
    }
    return found;
  }

  /** Every key of a fold (for derivations that need a whole scope, e.g. a campaign's projects). */
  async keys(executor: SqlExecutor, fold: KeyedFold<unknown>): Promise<string[]> {
    const rows = await executor.query<{ state_key: string }>(
      `SELECT "state_key" FROM ${this.db.table('rm_fold_state')} WHERE "fold_name" = ${this.db.p(0)} AND "fold_version" = ${this.db.p(1)} ORDER BY "state_key"`,
      [fold.name, fold.version],
    );
    return rows.map((r) => r.state_key);
  }

  /**
   * Upserts the states, serialising SAVE_SLICE at a time: a rebuild's final commit writes every
   * state of a school year, and holding all their JSON at once would dominate peak memory.
   */
  async save(tx: SqlExecutor, fold: KeyedFold<unknown>, states: ReadonlyMap<string, StoredFoldState<unknown>>): Promise<void> {
    let rows: unknown[][] = [];
    for (const [key, { state, lastPosition, lastInstant }] of states) {
      rows.push([fold.name, fold.version, key, JSON.stringify(state), lastPosition, lastInstant]);
      if (rows.length === SAVE_SLICE) {
        await this.db.upsert(tx, 'rm_fold_state', COLUMNS, KEYS, rows);
        rows = [];
      }
    }
    await this.db.upsert(tx, 'rm_fold_state', COLUMNS, KEYS, rows);
  }

  /** Drops every version of these folds (truncate-and-replay). */
  async clear(tx: SqlExecutor, foldNames: readonly string[]): Promise<void> {
    await this.db.deleteIn(tx, 'rm_fold_state', 'fold_name', foldNames);
  }
}
