import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type PersonRow, personOfRow } from './person-row.js';
import type { PersonRecord, PersonalDataStore } from './personal-data-store.port.js';

/** How long an erasure waits for other connections to leave the WAL before it reports failure. */
const TRUNCATE_WAIT_MS = 10_000;

/**
 * The embedded adapter: its own SQLite file beside the event log (never inside it, so the log
 * file can be copied or exported without a single name in it).
 * Erasure leaves no byte of the person in any file (issue 11 §6):
 * - `secure_delete` overwrites the erased cells with zeros, and the pages a deletion frees
 *   (the freelist) too; a PUT that replaced a name zeroed the old cell the same way;
 * - in WAL mode every committed version of a page is first appended to `-wal`, so the frames
 *   written before the erasure (the record as put, and as replaced) are still there: the
 *   erasure then checkpoints with TRUNCATE, which copies the zeroed pages into the database
 *   and empties the WAL. `-shm` holds only the WAL's page index, never row data.
 */
export class SqlitePersonalDataStore implements PersonalDataStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // `clas erase` may run while the API holds the same file: wait for its write lock.
    this.db = new Database(path, { timeout: 5_000 });
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
      .run(
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
      );
  }

  async get(personId: string): Promise<PersonRecord | null> {
    const row = this.db.prepare('SELECT * FROM persons WHERE person_id = ?').get(personId) as PersonRow | undefined;
    return row ? personOfRow(row) : null;
  }

  async erase(personId: string): Promise<boolean> {
    if (this.db.prepare('DELETE FROM persons WHERE person_id = ?').run(personId).changes === 0) return false;
    await this.truncateWal();
    return true;
  }

  /**
   * Copies every committed page into the database file and empties the WAL. Another connection
   * reading the WAL (a `clas erase` while the API reads, or the reverse) makes it busy for a
   * moment: retry, then fail loudly — the record is deleted, but older frames remain until the
   * next erasure succeeds.
   */
  private async truncateWal(): Promise<void> {
    if (this.db.memory) return;
    const deadline = performance.now() + TRUNCATE_WAIT_MS;
    for (;;) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      if (result === undefined || result.busy === 0) return;
      if (performance.now() > deadline) {
        throw new Error(
          `erased, but the personal-data WAL could not be truncated within ${TRUNCATE_WAIT_MS} ms (another connection keeps reading it): its older frames still hold the record until the next erasure`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
