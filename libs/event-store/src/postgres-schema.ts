import pg from 'pg';
import { EventHasher, GENESIS_HASH, type ChainedFields } from './chain-hash.js';

export const DEFAULT_POSTGRES_SCHEMA = 'clas_event_store';

/** Schema names are interpolated into DDL, so only plain identifiers are accepted. */
export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}" (lower-case letters, digits, _)`);
  }
}

/** LISTEN/NOTIFY channel of one schema's store. */
export function notifyChannel(schema: string): string {
  return `${schema}_appended`;
}

/**
 * Idempotent: safe on every start and from several processes at once (a transaction-level
 * advisory lock serialises concurrent migrations, whose IF NOT EXISTS checks would race).
 *
 * Global order under concurrent writers: `append_events` takes a short advisory lock
 * around "assign this transaction its id (pg_current_xact_id) + draw its positions from
 * the sequence", so positions increase with transaction ids. Readers of the log only see
 * rows whose transaction id is below the xmin of their snapshot (every older transaction
 * has ended), which is then always a prefix of the position order: an event can never
 * appear later at or below a position a reader has already passed. See README.md.
 */
export async function migrate(client: pg.Pool | pg.PoolClient | pg.Client, schema: string = DEFAULT_POSTGRES_SCHEMA): Promise<void> {
  assertSchemaName(schema);
  const s = `"${schema}"`;
  // One simple-protocol query with several statements runs as one implicit transaction.
  const sql = `
    SELECT pg_advisory_xact_lock(hashtext('clas_event_store_migrate'));
    CREATE SCHEMA IF NOT EXISTS ${s};
    CREATE SEQUENCE IF NOT EXISTS ${s}.global_position_seq AS bigint;
    CREATE TABLE IF NOT EXISTS ${s}.events (
      global_position bigint  PRIMARY KEY,
      transaction_id  xid8    NOT NULL,
      stream_id       text    NOT NULL,
      stream_version  integer NOT NULL,
      event_id        text    NOT NULL,
      type            text    NOT NULL,
      schema_version  integer NOT NULL,
      data            json    NOT NULL,
      metadata        json    NOT NULL,
      occurred_at     text    NOT NULL,
      recorded_at     text    NOT NULL,
      hash            bytea,
      CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
      CONSTRAINT events_event_id_key UNIQUE (event_id)
    );
    CREATE TABLE IF NOT EXISTS ${s}.commands (
      command_id    text    PRIMARY KEY,
      stream_id     text    NOT NULL,
      first_version integer NOT NULL,
      last_version  integer NOT NULL
    );
    -- Tamper evidence (chain-hash.ts, seal.ts): a log from before the chain gets its hash column
    -- and its rows chained by chainExistingLog below.
    CREATE TABLE IF NOT EXISTS ${s}.seals (
      seal_index    bigint PRIMARY KEY,
      up_to         bigint NOT NULL,
      event_count   bigint NOT NULL,
      running_hash  text   NOT NULL,
      previous_seal text   NOT NULL,
      sealed_at     text   NOT NULL,
      key_id        text   NOT NULL,
      signature     text   NOT NULL
    );
    DROP FUNCTION IF EXISTS ${s}.append_events(text, bigint, text[], text[], integer[], text[], text[], text[], text[], text[], text);
    CREATE OR REPLACE FUNCTION ${s}.append_events(
      p_stream_id       text,
      p_expected        bigint,      -- -2 any, -1 no stream, n >= 0 last version
      p_event_ids       text[],
      p_types           text[],
      p_schema_versions integer[],
      p_data            text[],
      p_metadata        text[],
      p_occurred_at     text[],
      p_recorded_at     text[],
      p_command_ids     text[],
      p_probe_event_id  text,
      p_chain           bytea,       -- E(e1) || … || E(en) (chain-hash.ts)
      OUT o_current     integer,
      OUT o_positions   bigint[]
    ) LANGUAGE plpgsql AS $fn$
    DECLARE
      v_count  integer := cardinality(p_event_ids);
      v_xid    xid8;
      v_hash   bytea;
    BEGIN
      -- A retried command or re-sent events: the caller rebuilds the original result.
      IF cardinality(p_command_ids) > 0
         AND EXISTS (SELECT 1 FROM ${s}.commands WHERE command_id = ANY (p_command_ids)) THEN
        RAISE EXCEPTION 'duplicate append' USING ERRCODE = 'CLAS2';
      END IF;
      IF p_probe_event_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM ${s}.events WHERE event_id = p_probe_event_id) THEN
        RAISE EXCEPTION 'duplicate append' USING ERRCODE = 'CLAS2';
      END IF;

      -- The stream's last hash is read with its version, in this transaction: a concurrent append
      -- that chained from the same hash loses on events_stream_version_key, so a chain never forks.
      SELECT stream_version, hash INTO o_current, v_hash FROM ${s}.events
       WHERE stream_id = p_stream_id ORDER BY stream_version DESC LIMIT 1;
      IF NOT FOUND THEN
        o_current := -1;
        v_hash := decode(repeat('00', 32), 'hex');
      END IF;
      IF (p_expected = -1 AND o_current <> -1) OR (p_expected >= 0 AND o_current <> p_expected) THEN
        RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'CLAS1', DETAIL = o_current::text;
      END IF;
      IF v_hash IS NULL THEN
        RAISE EXCEPTION 'stream has an event without chain hash' USING ERRCODE = 'CLAS3', DETAIL = o_current::text;
      END IF;
      v_hash := sha256(v_hash || p_chain);

      -- Nothing above wrote, so this transaction has no id yet: it gets one here, under
      -- the lock, in the same order as its positions. The lock is held for microseconds
      -- (not until commit), so appenders still commit in parallel.
      PERFORM pg_advisory_lock(hashtext('clas_event_store_positions'), hashtext('${schema}'));
      BEGIN
        v_xid := pg_current_xact_id();
        SELECT array_agg(nextval('${s}.global_position_seq') ORDER BY i) INTO o_positions
          FROM generate_series(1, v_count) AS i;
      EXCEPTION WHEN OTHERS OR query_canceled THEN
        PERFORM pg_advisory_unlock(hashtext('clas_event_store_positions'), hashtext('${schema}'));
        RAISE;
      END;
      PERFORM pg_advisory_unlock(hashtext('clas_event_store_positions'), hashtext('${schema}'));

      INSERT INTO ${s}.events (global_position, transaction_id, stream_id, stream_version, event_id, type,
                               schema_version, data, metadata, occurred_at, recorded_at, hash)
      SELECT o_positions[e.i], v_xid, p_stream_id, o_current + e.i, e.event_id, e.type,
             e.schema_version, e.data::json, e.metadata::json, e.occurred_at, e.recorded_at,
             CASE WHEN e.i = v_count THEN v_hash END  -- one hash per append, on its last event
        FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata, p_occurred_at, p_recorded_at)
             WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, occurred_at, recorded_at, i);

      INSERT INTO ${s}.commands (command_id, stream_id, first_version, last_version)
      SELECT c, p_stream_id, o_current + 1, o_current + v_count FROM unnest(p_command_ids) AS c;

      PERFORM pg_notify('${notifyChannel(schema)}', '');
    END;
    $fn$;`;
  await client.query(sql);
  await chainExistingLog(client, schema);
}

const MIGRATION_PAGE = 1000;

/**
 * A log written before the hash chain (no `hash` column): the column is added and the rows
 * chained stream by stream in version order, each event an append of its own (the boundaries
 * are not known any more), in one transaction that locks out appends. Nothing to do (one
 * catalogue lookup) once the column exists. The chain then vouches for the log as it stood at
 * this migration.
 */
async function chainExistingLog(pool: pg.Pool | pg.PoolClient | pg.Client, schema: string): Promise<void> {
  const s = `"${schema}"`;
  const chained = `SELECT 1 FROM pg_attribute WHERE attrelid = '${s}.events'::regclass AND attname = 'hash' AND NOT attisdropped`;
  if ((await pool.query(chained)).rows.length === 1) return;
  // The transaction needs one connection: a pool lends one.
  const client = pool instanceof pg.Pool ? await pool.connect() : pool;
  const hasher = new EventHasher();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('clas_event_store_migrate'))`);
    await client.query(`LOCK TABLE ${s}.events IN SHARE ROW EXCLUSIVE MODE`);
    // Another process may have chained the log while this one waited for the lock.
    if ((await client.query(chained)).rows.length === 1) {
      await client.query('COMMIT');
      return;
    }
    await client.query(`ALTER TABLE ${s}.events ADD COLUMN hash bytea`);
    let after: [string, number] = ['', -1];
    let stream = '';
    let previous: Buffer = GENESIS_HASH;
    for (;;) {
      const { rows } = await client.query<{ global_position: string; stream_id: string; stream_version: number } & ChainedFields>(
        `SELECT global_position, stream_id, stream_version, event_id AS "eventId", type, schema_version AS "schemaVersion",
                data::text AS data, metadata::text AS metadata, occurred_at AS "occurredAt", recorded_at AS "recordedAt"
           FROM ${s}.events WHERE (stream_id, stream_version) > ($1, $2) ORDER BY stream_id, stream_version LIMIT ${MIGRATION_PAGE}`,
        after,
      );
      const positions: string[] = [];
      const hashes: Buffer[] = [];
      for (const row of rows) {
        if (row.stream_id !== stream) {
          stream = row.stream_id;
          previous = GENESIS_HASH;
        }
        previous = hasher.hashAppend(previous, row.stream_id, [row]);
        positions.push(row.global_position);
        hashes.push(previous);
      }
      if (rows.length > 0) {
        await client.query(
          `UPDATE ${s}.events AS e SET hash = u.hash FROM unnest($1::bigint[], $2::bytea[]) AS u(position, hash) WHERE e.global_position = u.position`,
          [positions, hashes],
        );
      }
      if (rows.length < MIGRATION_PAGE) break;
      const last = rows[rows.length - 1]!;
      after = [last.stream_id, last.stream_version];
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    if (client !== pool) (client as pg.PoolClient).release();
  }
}

/** Drops a schema created by `migrate` (tests isolate themselves in a throw-away schema). */
export async function dropSchema(client: pg.Pool | pg.PoolClient | pg.Client, schema: string): Promise<void> {
  assertSchemaName(schema);
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
