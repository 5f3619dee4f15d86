import type Database from 'better-sqlite3';

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
      recorded_at     TEXT    NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_stream_version ON events (stream_id, stream_version);
    CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
    CREATE TABLE IF NOT EXISTS commands (
      command_id    TEXT    PRIMARY KEY,
      stream_id     TEXT    NOT NULL,
      first_version INTEGER NOT NULL,
      last_version  INTEGER NOT NULL
    ) WITHOUT ROWID;
  `);
}
