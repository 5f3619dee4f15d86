import Database from 'better-sqlite3';
import { EventHasher, GENESIS_HASH } from '@clas/event-store';
import type { Runner } from './runner.js';
import { bareRows, streamEvents, streamId, type BareRow, type Workload } from './workload.js';

interface Row {
  position: number;
  data: unknown;
  metadata: unknown;
}

/**
 * The same work with better-sqlite3 and nothing else: a plain table, one transaction per
 * append with a version check, the idiomatic per-row prepared insert, keyset pages of 1000,
 * JSON parsed on read. Same durability settings as the store (WAL, synchronous=FULL).
 *
 * `chained`: the same inserts plus exactly the hash chain's work (the store's own EventHasher):
 * the stream's last hash read with its version, one SHA-256 over the append's events, stored in a
 * `hash` column on the append's last event (as the store does).
 * Comparing the two measures what the chain costs an append, in the same run.
 */
export function bareSqliteRunner(path: string, workload: Workload, chained = false): Runner {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL, event_id TEXT NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
    ${chained ? 'hash BLOB, ' : ''}UNIQUE (stream_id, version))`);
  const versionOf = db.prepare('SELECT max(version) AS v FROM events WHERE stream_id = ?');
  const insert = db.prepare(
    'INSERT INTO events (stream_id, version, event_id, type, data, metadata, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const tipOf = chained ? db.prepare('SELECT version, hash FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1') : null;
  const insertChained = chained
    ? db.prepare(
        'INSERT INTO events (stream_id, version, event_id, type, data, metadata, occurred_at, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
    : null;
  const hasher = new EventHasher();
  const append = db.transaction((stream: string, expected: number, rows: BareRow[]) => {
    const recordedAt = new Date().toISOString();
    if (insertChained !== null && tipOf !== null) {
      const tip = tipOf.get(stream) as { version: number; hash: Buffer } | undefined;
      const current = tip?.version ?? -1;
      if (current !== expected) throw new Error('version conflict');
      for (const row of rows) row.recordedAt = recordedAt;
      const chainHash = hasher.hashAppend(tip?.hash ?? GENESIS_HASH, stream, rows);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        insertChained.run(
          stream,
          current + 1 + i,
          row.eventId,
          row.type,
          row.data,
          row.metadata,
          row.occurredAt,
          recordedAt,
          i === rows.length - 1 ? chainHash : null,
        );
      }
      return;
    }
    const current = (versionOf.get(stream) as { v: number | null }).v ?? -1;
    if (current !== expected) throw new Error('version conflict');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      insert.run(stream, current + 1 + i, row.eventId, row.type, row.data, row.metadata, row.occurredAt, recordedAt);
    }
  }).immediate;
  const page = db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT 1000');
  const byStream = db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY version');
  const parse = (rows: Row[]): Row[] => {
    for (const row of rows) {
      row.data = JSON.parse(row.data as string);
      row.metadata = JSON.parse(row.metadata as string);
    }
    return rows;
  };
  return {
    label: chained ? 'bare sqlite + chain' : 'bare sqlite',
    appendStream(s) {
      append(streamId(s), -1, bareRows(streamEvents(s, workload.eventsPerStream)));
    },
    readAll(rss) {
      let read = 0;
      let after = 0;
      for (;;) {
        const rows = parse(page.all(after) as Row[]);
        if (rows.length === 0) return read;
        read += rows.length;
        after = rows[rows.length - 1]!.position;
        if (read % 100_000 === 0) rss.sample();
      }
    },
    readStream(s) {
      return parse(byStream.all(streamId(s)) as Row[]).length;
    },
    close: () => {
      db.close();
    },
  };
}
