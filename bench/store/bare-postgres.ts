import pg from 'pg';
import { EventHasher, GENESIS_HASH } from '@clas/event-store';
import type { Runner } from './runner.js';
import { bareRows, streamEvents, streamId, type Workload } from './workload.js';

/**
 * The same work with `pg` and nothing else: a plain table with a bigserial position, one
 * transaction per append (BEGIN, version check, one multi-row INSERT, COMMIT), keyset pages
 * of 1000. No protection against the sequence-gap race: that is what the store adds.
 *
 * `chained`: the same plus the hash chain's work — the stream's last hash read with its version
 * inside the transaction, one SHA-256 over the append's events (here in JS, with the store's
 * EventHasher; the store computes the same hash in append_events), stored on the append's last event.
 */
export async function barePostgresRunner(url: string, schema: string, workload: Workload, chained = false): Promise<Runner> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const t = `"${schema}".events`;
  await pool.query(`CREATE SCHEMA "${schema}"`);
  await pool.query(`CREATE TABLE ${t} (
    position bigserial PRIMARY KEY, stream_id text NOT NULL, version integer NOT NULL, event_id text NOT NULL,
    type text NOT NULL, data json NOT NULL, metadata json NOT NULL, occurred_at text NOT NULL, recorded_at text NOT NULL,
    ${chained ? 'hash bytea, ' : ''}UNIQUE (stream_id, version))`);
  const hasher = new EventHasher();
  return {
    label: chained ? 'bare postgres + chain' : 'bare postgres',
    async appendStream(s) {
      const stream = streamId(s);
      const rows = bareRows(streamEvents(s, workload.eventsPerStream));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        let current: number;
        let previous: Buffer = GENESIS_HASH;
        if (chained) {
          const tip = (await client.query(`SELECT version, hash FROM ${t} WHERE stream_id = $1 ORDER BY version DESC LIMIT 1`, [stream]))
            .rows[0] as { version: number; hash: Buffer } | undefined;
          current = tip?.version ?? -1;
          previous = tip?.hash ?? GENESIS_HASH;
        } else {
          current = Number((await client.query(`SELECT max(version) AS v FROM ${t} WHERE stream_id = $1`, [stream])).rows[0].v ?? -1);
        }
        if (current !== -1) throw new Error('version conflict');
        const recordedAt = new Date().toISOString();
        const values: unknown[] = [];
        const tuples: string[] = [];
        const width = chained ? 9 : 8;
        if (chained) for (const row of rows) row.recordedAt = recordedAt;
        const chainHash = chained ? hasher.hashAppend(previous, stream, rows) : null;
        rows.forEach((row, i) => {
          const b = values.length;
          tuples.push(`(${Array.from({ length: width }, (_, k) => `$${b + k + 1}`).join(', ')})`);
          values.push(stream, current + 1 + i, row.eventId, row.type, row.data, row.metadata, row.occurredAt, recordedAt);
          if (chained) values.push(i === rows.length - 1 ? chainHash : null);
        });
        await client.query(
          `INSERT INTO ${t} (stream_id, version, event_id, type, data, metadata, occurred_at, recorded_at${chained ? ', hash' : ''}) VALUES ${tuples.join(',')}`,
          values,
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async readAll(rss) {
      let read = 0;
      let after = 0;
      for (;;) {
        const { rows } = await pool.query(`SELECT * FROM ${t} WHERE position > $1 ORDER BY position LIMIT 1000`, [after]);
        if (rows.length === 0) return read;
        read += rows.length;
        after = Number(rows[rows.length - 1].position);
        if (read % 100_000 === 0) rss.sample();
      }
    },
    async readStream(s) {
      return (await pool.query(`SELECT * FROM ${t} WHERE stream_id = $1 ORDER BY version`, [streamId(s)])).rows.length;
    },
    async close() {
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
