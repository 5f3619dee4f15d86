import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { PersonalDataStore, PersonRecord } from '../apps/api/src/personal-data/personal-data-store.port.js';
import { PostgresPersonalDataStore } from '../apps/api/src/personal-data/postgres-personal-data-store.js';
import { SqlitePersonalDataStore } from '../apps/api/src/personal-data/sqlite-personal-data-store.js';
import { postgresTestUrl } from '../libs/event-store/src/testing/postgres-test-url.js';

/** Both personal-data adapters keep, replace and erase a record the same way (domain.md §8). */
const POSTGRES_URL = postgresTestUrl('the personal-data store contract');

const record = (personId: string, firstName = 'Léa'): PersonRecord => ({
  personId,
  kind: 'child',
  firstName,
  lastName: 'Martin-Ünal',
  contact: { email: null, phone: '+33 6 00 00 00 00', address: '1 rue de la Cité, 11000 Carcassonne' },
  cafCode: '11',
  operatorId: 'op-1',
  updatedAt: '2026-11-22T10:00:00.000Z',
});

function personalDataContract(name: string, open: () => Promise<PersonalDataStore>): void {
  describe(`${name} personal-data store`, () => {
    const opened: PersonalDataStore[] = [];
    afterAll(async () => {
      for (const store of opened) await store.close();
    });
    const store = async () => {
      const s = await open();
      opened.push(s);
      return s;
    };

    it('keeps a record, replaces it, and erases it (right to erasure) without touching others', async () => {
      const s = await store();
      const [a, b] = [`child-${randomUUID()}`, `child-${randomUUID()}`];
      await s.put(record(a));
      await s.put(record(b, 'Noé'));
      expect(await s.get(a)).toEqual(record(a));
      await s.put(record(a, 'Léna'));
      expect((await s.get(a))?.firstName).toBe('Léna');
      expect(await s.erase(a)).toBe(true);
      expect(await s.get(a)).toBeNull();
      expect(await s.erase(a)).toBe(false);
      expect((await s.get(b))?.firstName).toBe('Noé');
    });
  });
}

personalDataContract('SQLite', async () => new SqlitePersonalDataStore(':memory:'));

if (POSTGRES_URL) {
  personalDataContract('PostgreSQL', () => PostgresPersonalDataStore.open(POSTGRES_URL));
}
