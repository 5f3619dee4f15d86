import pg from 'pg';
import { type PersonRow, personOfRow } from './person-row.js';
import type { PersonRecord, PersonalDataStore } from './personal-data-store.port.js';

/**
 * The server adapter, used when the event store is PostgreSQL: the same database, its own
 * table (`clas_persons`), so a log export or a replica of the event tables carries no name.
 */
export class PostgresPersonalDataStore implements PersonalDataStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresPersonalDataStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
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
      [p.personId, p.kind, p.firstName, p.lastName, p.contact.email, p.contact.phone, p.contact.address, p.cafCode, p.operatorId, p.updatedAt],
    );
  }

  async get(personId: string): Promise<PersonRecord | null> {
    const { rows } = await this.pool.query<PersonRow>('SELECT * FROM clas_persons WHERE person_id = $1', [personId]);
    return rows[0] ? personOfRow(rows[0]) : null;
  }

  async erase(personId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM clas_persons WHERE person_id = $1', [personId]);
    return (result.rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
