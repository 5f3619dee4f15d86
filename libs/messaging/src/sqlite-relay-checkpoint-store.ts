import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { RelayCheckpointStore } from './relay-checkpoint.js';

/**
 * Checkpoints in a small SQLite file of their own (WAL, synchronous=FULL: a saved checkpoint
 * survives a crash, or a restart would re-send more than needed). One row per relay name.
 */
export class SqliteRelayCheckpointStore implements RelayCheckpointStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { position: number }>;
  private readonly upsert: Database.Statement<[string, number, string]>;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS relay_checkpoints (
      relay_name TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL)`);
    this.select = this.db.prepare('SELECT position FROM relay_checkpoints WHERE relay_name = ?');
    this.upsert = this.db.prepare(`INSERT INTO relay_checkpoints (relay_name, position, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (relay_name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`);
  }

  async load(relayName: string): Promise<number> {
    return this.select.get(relayName)?.position ?? 0;
  }

  async save(relayName: string, position: number): Promise<void> {
    this.upsert.run(relayName, position, new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
