import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createEventStore } from './create-event-store.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { dropSchema } from './postgres-schema.js';
import { eventStoreContract, newEvent } from './testing/event-store.contract.js';
import { tamperDetectionSuite } from './testing/tamper-detection.suite.js';
import { verifyLog } from './log-verification.js';
import { postgresTestUrl } from './testing/postgres-test-url.js';

const url = postgresTestUrl('the event-store contract');
if (url !== null) {
  const databaseUrl = url;
  // Every store of this file lives in its own throw-away schema, dropped at the end.
  const run = `t${randomBytes(4).toString('hex')}`;
  const schemas: string[] = [];
  const admin = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const newSchema = (): string => {
    const schema = `es_${run}_${schemas.length}`;
    schemas.push(schema);
    return schema;
  };
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(admin, schema);
    await admin.end();
  });

  eventStoreContract('postgres', (options) => createEventStore({ kind: 'postgres', url: databaseUrl, schema: newSchema(), ...options }));

  // The tables edited over a second connection, as a DBA login can.
  tamperDetectionSuite('postgres', async () => {
    const schema = newSchema();
    const store = await PostgresEventStore.start({ url: databaseUrl, schema });
    const raw = new pg.Client({ connectionString: databaseUrl });
    await raw.connect();
    await raw.query(`SET search_path TO "${schema}"`);
    const numbered = (sql: string): string => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    };
    return {
      store,
      tamper: {
        run: async (sql, ...params) => void (await raw.query(numbered(sql), params)),
        // An old transaction id, as a careful forger would copy: the row is visible at once.
        insertEvent: async (r) =>
          void (await raw.query(
            `INSERT INTO events (global_position, transaction_id, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, recorded_at, hash)
             VALUES ($1, (SELECT min(transaction_id) FROM events), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [
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
            ],
          )),
      },
      close: async () => {
        await raw.end();
        await store.close();
      },
    };
  });

  describe('PostgresEventStore specifics', () => {
    it('never lets a tailing reader see a position at or below one it has passed, under many parallel writers', async () => {
      const store = await PostgresEventStore.start({ url: databaseUrl, schema: newSchema(), poolSize: 16 });
      const writers = 16;
      const appendsPerWriter = 40;
      let writing = true;
      const written = Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const positions: number[] = [];
          for (let k = 0; k < appendsPerWriter; k++) {
            const batch = Array.from({ length: 1 + ((w + k) % 4) }, (_, i) => newEvent('Tick', { w, k, i }));
            positions.push(...(await store.append(`writer-${w}`, batch, 'any')).positions);
          }
          return positions;
        }),
      ).finally(() => (writing = false));

      const seen: number[] = [];
      let after = 0;
      // The end of the log is reached once the writers are done AND the last position written
      // has been read: the store hides rows below the oldest open transaction of the whole
      // PostgreSQL cluster, so another suite's transaction may delay the tail (never reorder it).
      for (;;) {
        const stillWriting = writing;
        const page = await store.readAllPage({ after, limit: 50 });
        for (const event of page.events) {
          if (seen.length > 0) expect(event.globalPosition).toBeGreaterThan(seen[seen.length - 1]!);
          seen.push(event.globalPosition);
        }
        after = page.nextAfter;
        if (!stillWriting && page.isEnd && after >= Math.max(...(await written).flat())) break;
        if (page.isEnd) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const all = (await written).flat().sort((a, b) => a - b);
      expect(seen).toEqual(all);
      await store.close();
    }, 30_000);

    it('wakes a subscription in another store instance through LISTEN/NOTIFY', async () => {
      const schema = newSchema();
      const reader = await PostgresEventStore.start({ url: databaseUrl, schema, pollIntervalMs: 60_000 });
      const writer = await PostgresEventStore.start({ url: databaseUrl, schema });
      const subscription = reader.subscribe();
      const iterator = subscription[Symbol.asyncIterator]();
      const next = iterator.next();
      // Let the first (empty) page and the LISTEN happen before writing.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writer.append('s', [newEvent('FromElsewhere')], 'no_stream');
      expect((await next).value).toMatchObject({ type: 'FromElsewhere' });
      await subscription.close();
      await Promise.all([reader.close(), writer.close()]);
    });

    it('migrate is idempotent and concurrent starts on one schema agree', async () => {
      const schema = newSchema();
      const stores = await Promise.all([1, 2, 3].map(() => PostgresEventStore.start({ url: databaseUrl, schema })));
      await stores[0]!.append('s', [newEvent('A')], 'no_stream');
      expect(await stores[2]!.streamVersion('s')).toBe(0);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('chains a log written before the hash chain when it starts on it (migration), then appends onto the chains', async () => {
      const schema = newSchema();
      const first = await PostgresEventStore.start({ url: databaseUrl, schema });
      await first.append('s', [newEvent('Old', { i: 0 }), newEvent('Old', { i: 1 })], 'no_stream');
      await first.append('t', [newEvent('Old', { i: 2 })], 'no_stream');
      await first.append('s', [newEvent('Old', { i: 3 })], 1);
      await first.close();
      // What the previous version left: no hash column, the previous append_events.
      await admin.query(`ALTER TABLE "${schema}".events DROP COLUMN hash`);
      const again = await Promise.all([1, 2].map(() => PostgresEventStore.start({ url: databaseUrl, schema })));
      await again[0]!.append('t', [newEvent('New')], 0);
      expect(await verifyLog(again[1]!, { keyring: null })).toMatchObject({ ok: true, events: 5, streams: 2 });
      // Each old event became an append of its own: every one carries a hash.
      const unchained = await admin.query(`SELECT count(*)::int AS n FROM "${schema}".events WHERE hash IS NULL`);
      expect(unchained.rows[0]).toEqual({ n: 0 });
      await Promise.all(again.map((s) => s.close()));
    });

    it('reports an unreachable server as STORE_UNAVAILABLE', async () => {
      await expect(
        PostgresEventStore.start({ url: 'postgresql://postgres@127.0.0.1:1/postgres', schema: newSchema() }),
      ).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      });
    });
  });
}
