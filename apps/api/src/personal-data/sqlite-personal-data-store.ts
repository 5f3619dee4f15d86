import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type PersonRow, personOfRow } from './person-row.js';
import type { PersonRecord, PersonalDataStore } from './personal-data-store.port.js';

/**
 * The embedded adapter: its own SQLite file beside the event log (never inside it, so the log
 * file can be copied or exported without a single name in it). `secure_delete` overwrites
 * erased rows on disk instead of leaving them in free pages.
 */
export class SqlitePersonalDataStore implements PersonalDataStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('secure_delete = ON');
    this.db.exec(`CREATE TABLE IF NOT EXISTS persons (
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
  }

  async put(p: PersonRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO persons (person_id, kind, first_name, last_name, email, phone, address, caf_code, operator_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET kind = excluded.kind, first_name = excluded.first_name, last_name = excluded.last_name,
           email = excluded.email, phone = excluded.phone, address = excluded.address, caf_code = excluded.caf_code,
           operator_id = excluded.operator_id, updated_at = excluded.updated_at`,
      )
      .run(p.personId, p.kind, p.firstName, p.lastName, p.contact.email, p.contact.phone, p.contact.address, p.cafCode, p.operatorId, p.updatedAt);
  }

  async get(personId: string): Promise<PersonRecord | null> {
    const row = this.db.prepare('SELECT * FROM persons WHERE person_id = ?').get(personId) as PersonRow | undefined;
    return row ? personOfRow(row) : null;
  }

  async erase(personId: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM persons WHERE person_id = ?').run(personId).changes > 0;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
