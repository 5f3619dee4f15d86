import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createEventStore } from './create-event-store.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { eventStoreContract, newEvent } from './testing/event-store.contract.js';

eventStoreContract('sqlite (:memory:)', (options) => createEventStore({ kind: 'sqlite', path: ':memory:', ...options }));

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
