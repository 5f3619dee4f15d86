import type { ReadDatabase, SqlExecutor } from './read-database.js';

export interface Checkpoint {
  projection: string;
  version: number;
  signature: string;
  position: number;
  updatedAt: string;
}

/** rm_checkpoint: one row per projection, written inside the batch's transaction. */
export class CheckpointRepository {
  constructor(private readonly db: ReadDatabase) {}

  async read(executor: SqlExecutor, projection: string): Promise<Checkpoint | null> {
    const rows = await executor.query<{ version: number; signature: string; position: number | string; updated_at: string }>(
      `SELECT "version", "signature", "position", "updated_at" FROM ${this.db.table('rm_checkpoint')} WHERE "projection" = ${this.db.p(0)}`,
      [projection],
    );
    const row = rows[0];
    if (row === undefined) return null;
    return {
      projection,
      version: Number(row.version),
      signature: row.signature,
      position: Number(row.position),
      updatedAt: row.updated_at,
    };
  }

  async write(tx: SqlExecutor, checkpoint: Checkpoint): Promise<void> {
    await this.db.upsert(
      tx,
      'rm_checkpoint',
      ['projection', 'version', 'signature', 'position', 'updated_at'],
      ['projection'],
      [[checkpoint.projection, checkpoint.version, checkpoint.signature, checkpoint.position, checkpoint.updatedAt]],
    );
  }
}
