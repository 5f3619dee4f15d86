import pg from 'pg';
import { type PersonRow, personOfRow } from './person-row.js';
import type { PersonRecord, PersonalDataStore } from './personal-data-store.port.js';

/** How long an erasure waits for the snapshots taken before it to end. */
const SNAPSHOT_WAIT_MS = 10_000;

/**
 * Sessions, replication slots and prepared transactions whose snapshot is older than the
 * erasing transaction `$1` (an xid): PostgreSQL must keep the deleted row version for them.
 * (age() compares transaction ids across wrap-around: older = greater age.)
 */
const HOLDERS_SQL = `
  SELECT 'session pid ' || pid || coalesce(' (' || nullif(application_name, '') || ')', '') || ', ' || coalesce(state, '?') || ' since ' || coalesce(xact_start::text, '?') AS holder
    FROM pg_stat_activity
   WHERE pid <> pg_backend_pid() AND (datname = current_database() OR datname IS NULL)
     AND ((backend_xmin IS NOT NULL AND age(backend_xmin) >= age($1::xid)) OR (backend_xid IS NOT NULL AND age(backend_xid) >= age($1::xid)))
  UNION ALL
  SELECT 'replication slot ' || slot_name FROM pg_replication_slots WHERE xmin IS NOT NULL AND age(xmin) >= age($1::xid)
  UNION ALL
  SELECT 'prepared transaction ' || gid FROM pg_prepared_xacts WHERE age(transaction) >= age($1::xid)`;

/**
 * The server adapter, used when the event store is PostgreSQL: the same database, its own
 * table (`clas_persons`), so a log export or a replica of the event tables carries no name.
 * Erasure leaves no byte of the person in the table's files (issue 11 §6): a DELETE only marks
 * the row version dead, and a plain VACUUM prunes the page without overwriting it (the bytes
 * stay in the free space) — nor do the dead versions a PUT left when it replaced a name. So the
 * erasure waits until no snapshot taken before it can still see the row, then runs VACUUM FULL,
 * which writes the live rows into new files (heap, TOAST, indexes) and unlinks the old ones.
 * PostgreSQL's own WAL segments (and any WAL archive or base backup) still hold the bytes until
 * they are recycled or expire: that retention is the operator's (docs/production.md).
 */
export class PostgresPersonalDataStore implements PersonalDataStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresPersonalDataStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection ended by the server (restart, failover) is an 'error' event of the pool: the
    // pool drops that client and the next query opens a new one; unhandled, it would crash the process.
    pool.on('error', () => undefined);
    await pool.query(`CREATE TABLE IF NOT EXISTS clas_persons (
      person_id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('child', 'parent', 'staff')),
      first_name TEXT NOT NULL,
      last_name TEXT NOT NULL,
      email TEXT,
      phone TEXT,
      address TEXT,
      caf_code TEXT NOT NULL,
      operator_id TEXT,
      updated_at TEXT NOT NULL
    )`);
    return new PostgresPersonalDataStore(pool);
  }

  async put(p: PersonRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO clas_persons (person_id, kind, first_name, last_name, email, phone, address, caf_code, operator_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (person_id) DO UPDATE SET kind = EXCLUDED.kind, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
         email = EXCLUDED.email, phone = EXCLUDED.phone, address = EXCLUDED.address, caf_code = EXCLUDED.caf_code,
         operator_id = EXCLUDED.operator_id, updated_at = EXCLUDED.updated_at`,
      [
        p.personId,
        p.kind,
        p.firstName,
        p.lastName,
        p.contact.email,
        p.contact.phone,
        p.contact.address,
        p.cafCode,
        p.operatorId,
        p.updatedAt,
      ],
    );
  }

  async get(personId: string): Promise<PersonRecord | null> {
    const { rows } = await this.pool.query<PersonRow>('SELECT * FROM clas_persons WHERE person_id = $1', [personId]);
    return rows[0] ? personOfRow(rows[0]) : null;
  }

  async erase(personId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ xid: string }>(
      'DELETE FROM clas_persons WHERE person_id = $1 RETURNING pg_current_xact_id()::xid::text AS xid',
      [personId],
    );
    if (rows.length === 0) return false;
    await this.purge(rows[0]!.xid);
    return true;
  }

  /**
   * Rewrites clas_persons without the dead row versions, once no snapshot older than the
   * erasing transaction `xid` remains (else VACUUM FULL would have to copy them). A snapshot held
   * longer than SNAPSHOT_WAIT_MS fails the erasure loudly, naming who holds it: the record is
   * deleted, and the next erasure (or a VACUUM FULL clas_persons) removes its bytes.
   *
   * The rewrite is then checked, not assumed: PostgreSQL's removal horizon also counts
   * transactions of OTHER databases on the server that our query above cannot attribute (a
   * snapshot taken here while they run carries their xid), so VACUUM FULL may still copy the dead
   * versions. Its VERBOSE report says how many it kept; the rewrite is repeated until none.
   */
  private async purge(xid: string): Promise<void> {
    const deadline = performance.now() + SNAPSHOT_WAIT_MS;
    for (;;) {
      const { rows } = await this.pool.query<{ holder: string }>(HOLDERS_SQL, [xid]);
      if (rows.length === 0) break;
      if (performance.now() > deadline) {
        throw new Error(
          `erased, but PostgreSQL must keep the old row version for ${rows.map((r) => r.holder).join('; ')}: its bytes stay in clas_persons until the next erasure or a VACUUM FULL clas_persons`,
        );
      }
      await pause();
    }
    for (;;) {
      const kept = await this.rewrite();
      if (kept === 0) return;
      if (performance.now() > deadline) {
        throw new Error(
          `erased, but PostgreSQL kept ${kept} dead row version(s) of clas_persons for a transaction still open on the server (another database): their bytes stay until the next erasure or a VACUUM FULL clas_persons`,
        );
      }
      await pause();
    }
  }

  /** VACUUM FULL clas_persons; returns the dead row versions it had to keep (its VERBOSE DETAIL). */
  private async rewrite(): Promise<number> {
    const client = await this.pool.connect();
    const notices: string[] = [];
    const listen = (notice: { message?: string; detail?: string }) => notices.push(`${notice.message ?? ''}\n${notice.detail ?? ''}`);
    client.on('notice', listen);
    try {
      await client.query('VACUUM (FULL, VERBOSE) clas_persons');
    } finally {
      client.off('notice', listen);
      client.release();
    }
    const report = notices.join('\n').match(/(\d+) dead row versions cannot be removed yet/);
    if (report === null)
      throw new Error(`VACUUM FULL clas_persons gave no report of the dead row versions it kept: ${notices.join(' | ')}`);
    return Number(report[1]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
