import type { ReadDatabase, SqlExecutor } from './read-database.js';

/** rm_dirty_key access: keys whose answers still have to be derived. */
export class DirtyKeyRepository {
  constructor(private readonly db: ReadDatabase) {}

  async load(executor: SqlExecutor, projection: string): Promise<Map<string, Set<string>>> {
    const rows = await executor.query<{ fold_name: string; state_key: string }>(
      `SELECT "fold_name", "state_key" FROM ${this.db.table('rm_dirty_key')} WHERE "projection" = ${this.db.p(0)}`,
      [projection],
    );
    const dirty = new Map<string, Set<string>>();
    for (const row of rows) {
      let keys = dirty.get(row.fold_name);
      if (keys === undefined) dirty.set(row.fold_name, (keys = new Set()));
      keys.add(row.state_key);
    }
    return dirty;
  }

  async mark(tx: SqlExecutor, projection: string, touched: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
    const rows: unknown[][] = [];
    for (const [fold, keys] of touched) for (const key of keys) rows.push([projection, fold, key, 1]);
    await this.db.upsert(
      tx,
      'rm_dirty_key',
      ['projection', 'fold_name', 'state_key', 'marks'],
      ['projection', 'fold_name', 'state_key'],
      rows,
      'keep',
    );
  }

  async clear(tx: SqlExecutor, projection: string): Promise<void> {
    await tx.query(`DELETE FROM ${this.db.table('rm_dirty_key')} WHERE "projection" = ${this.db.p(0)}`, [projection]);
  }
}
