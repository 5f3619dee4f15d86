import type Database from 'better-sqlite3';
import { EventHasher, GENESIS_HASH, type ChainedFields } from './chain-hash.js';

/**
 * `global_position` is the rowid: the table is clustered in global order, so a keyset scan
 * of the log is a sequential B-tree walk. One stream read is a range of the
 * (stream_id, stream_version) index, which is also what makes optimistic concurrency a
 * uniqueness check. `commands` holds one row per idempotency key (not per event) so a
 * retried command finds its original append with one lookup.
 */
export function migrateSqlite(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      global_position INTEGER PRIMARY KEY,
      stream_id       TEXT    NOT NULL,
      stream_version  INTEGER NOT NULL,
      event_id        TEXT    NOT NULL,
      type            TEXT    NOT NULL,
      schema_version  INTEGER NOT NULL,
      data            TEXT    NOT NULL,
      metadata        TEXT    NOT NULL,
      occurred_at     TEXT    NOT NULL,
      recorded_at     TEXT    NOT NULL,
      hash            BLOB
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_stream_version ON events (stream_id, stream_version);
    CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
    CREATE TABLE IF NOT EXISTS commands (
      command_id    TEXT    PRIMARY KEY,
      stream_id     TEXT    NOT NULL,
      first_version INTEGER NOT NULL,
      last_version  INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS seals (
      seal_index    INTEGER PRIMARY KEY,
      up_to         INTEGER NOT NULL,
      event_count   INTEGER NOT NULL,
      running_hash  TEXT    NOT NULL,
      previous_seal TEXT    NOT NULL,
      sealed_at     TEXT    NOT NULL,
      key_id        TEXT    NOT NULL,
      signature     TEXT    NOT NULL
    );
  `);
  if (!hasHashColumn(db)) chainExistingLog(db);
}

function hasHashColumn(db: Database.Database): boolean {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('events') as string[]).includes('hash');
}

const MIGRATION_PAGE = 1000;

/**
 * A log written before the hash chain (no `hash` column): the column is added and every event
 * chained, stream by stream in version order, each an append of its own (the boundaries are not
 * known any more), in one write transaction. The chain then vouches for the log as it stood at
 * this migration, not for what happened to it before.
 */
function chainExistingLog(db: Database.Database): void {
  const hasher = new EventHasher();
  const page = db.prepare(
    `SELECT global_position, stream_id, stream_version, event_id AS eventId, type, schema_version AS schemaVersion, data, metadata,
            occurred_at AS occurredAt, recorded_at AS recordedAt
       FROM events WHERE (stream_id, stream_version) > (?, ?) ORDER BY stream_id, stream_version LIMIT ${MIGRATION_PAGE}`,
  );
  db.transaction(() => {
    // Another process may have migrated while this one waited for the write lock.
    if (hasHashColumn(db)) return;
    db.exec('ALTER TABLE events ADD COLUMN hash BLOB');
    const update = db.prepare('UPDATE events SET hash = ? WHERE global_position = ?');
    let after: [string, number] = ['', -1];
    let stream = '';
    let previous: Buffer = GENESIS_HASH;
    for (;;) {
      const rows = page.all(...after) as Array<{ global_position: number; stream_id: string; stream_version: number } & ChainedFields>;
      for (const row of rows) {
        if (row.stream_id !== stream) {
          stream = row.stream_id;
          previous = GENESIS_HASH;
        }
        previous = hasher.hashAppend(previous, row.stream_id, [row]);
        update.run(previous, row.global_position);
      }
      if (rows.length < MIGRATION_PAGE) return;
      const last = rows[rows.length - 1]!;
      after = [last.stream_id, last.stream_version];
    }
  }).immediate();
}
