import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createEventStore } from './create-event-store.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { eventStoreContract, newEvent } from './testing/event-store.contract.js';
import { tamperDetectionSuite } from './testing/tamper-detection.suite.js';
import { verifyLog } from './log-verification.js';

eventStoreContract('sqlite (:memory:)', (options) => createEventStore({ kind: 'sqlite', path: ':memory:', ...options }));

const tamperDir = mkdtempSync(join(tmpdir(), 'clas-es-tamper-'));
afterAll(() => rmSync(tamperDir, { recursive: true, force: true }));
let tamperFiles = 0;
// The database file edited by a second connection, as anyone holding the file can.
tamperDetectionSuite('sqlite', async () => {
  const path = join(tamperDir, `log-${tamperFiles++}.sqlite`);
  const store = new SqliteEventStore({ path });
  const Database = (await import('better-sqlite3')).default;
  const raw = new Database(path);
  return {
    store,
    tamper: {
      run: async (sql, ...params) => void raw.prepare(sql).run(...params),
      insertEvent: async (r) =>
        void raw
          .prepare(
            'INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            r.globalPosition,
            r.streamId,
            r.streamVersion,
            r.eventId,
            r.type,
            r.schemaVersion,
            r.data,
            r.metadata,
            r.occurredAt,
            r.recordedAt,
            r.hash === null ? null : Buffer.from(r.hash, 'hex'),
          ),
    },
    close: async () => {
      raw.close();
      await store.close();
    },
  };
});

describe('SqliteEventStore on a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clas-es-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the parent directory, uses WAL with synchronous=FULL, and keeps events across reopen', async () => {
    const path = join(dir, 'nested', 'deeper', 'events.sqlite');
    const store = new SqliteEventStore({ path });
    await store.append('s', [newEvent('A', { a: 1 })], 'no_stream');
    await store.close();
    const reopened = new SqliteEventStore({ path });
    expect((await reopened.readStream('s'))[0]).toMatchObject({ type: 'A', data: { a: 1 } });
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await reopened.close();
  });

  it('chains a log written before the hash chain when it opens it (migration), then appends onto the chains', async () => {
    const path = join(dir, 'legacy.sqlite');
    const Database = (await import('better-sqlite3')).default;
    const legacy = new Database(path);
    legacy.exec(`CREATE TABLE events (global_position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, event_id TEXT NOT NULL,
      type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
    const insert = legacy.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)');
    const rows: Array<[string, number]> = [
      ['s', 0],
      ['t', 0],
      ['s', 1],
      ['t', 1],
      ['s', 2],
    ];
    rows.forEach(([stream, version], i) =>
      insert.run(
        i + 1,
        stream,
        version,
        `0190f0a0-0000-7000-8000-00000000000${i}`,
        'Old',
        `{"i":${i}}`,
        '{"actor":"a","role":"system"}',
        '2025-01-01T00:00:00.000Z',
        '2025-01-01T00:00:00.000Z',
      ),
    );
    legacy.close();
    const store = new SqliteEventStore({ path });
    await store.append('s', [newEvent('New')], 2);
    expect(await verifyLog(store, { keyring: null })).toMatchObject({ ok: true, events: 6, streams: 2 });
    await store.close();
  });

  it('a subscription sees appends made by another connection to the same file (poll fallback)', async () => {
    const path = join(dir, 'shared.sqlite');
    const reader = new SqliteEventStore({ path, pollIntervalMs: 20 });
    const writer = new SqliteEventStore({ path });
    const subscription = reader.subscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    const next = iterator.next();
    await writer.append('s', [newEvent('FromElsewhere')], 'no_stream');
    expect((await next).value).toMatchObject({ type: 'FromElsewhere' });
    await subscription.close();
    await Promise.all([reader.close(), writer.close()]);
  });
});
