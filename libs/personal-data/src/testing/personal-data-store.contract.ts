// jest's injected globals, not @jest/globals (which throws when loaded outside jest): a lib's testing
// entry loads in any program, e.g. the fuzz CLI takes its clock and actors from two of them.
import { randomUUID } from 'node:crypto';
import type { PersonalDataStore, PersonRecord } from '../personal-data-store.port.js';

/**
 * Where one run of the contract keeps its records. Every `open()` is a new connection to the
 * same records — as the API and a `clas erase` beside it are — and `dispose()` removes them
 * once the connections are closed.
 */
export interface PersonalDataStorage {
  open(): Promise<PersonalDataStore>;
  dispose(): Promise<void>;
}

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

/**
 * The behaviour every PersonalDataStore adapter must show (domain.md §8: names and contacts
 * outside the log, erased on request); run by each adapter's int spec. What an erasure leaves
 * in the files is adapter-specific and proved end to end (test/personal-data-erasure*.e2e.spec.ts).
 */
export function personalDataStoreContract(name: string, storageOf: () => Promise<PersonalDataStorage>): void {
  describe(`PersonalDataStore contract: ${name}`, () => {
    let storage: PersonalDataStorage;
    const opened: PersonalDataStore[] = [];
    beforeAll(async () => {
      storage = await storageOf();
    });
    afterAll(async () => {
      for (const store of opened) await store.close();
      await storage?.dispose();
    });
    const store = async () => {
      const s = await storage.open();
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

    it('gives back every field as put: each kind, contact fields and operator absent (null), quotes and accents in names', async () => {
      const s = await store();
      const parent: PersonRecord = {
        ...record(`parent-${randomUUID()}`, "Anne-Sophie d'Alembert"),
        kind: 'parent',
        lastName: 'N\'Diaye "Zoé"; DROP TABLE persons',
        contact: { email: null, phone: null, address: null },
        operatorId: null,
      };
      const staff: PersonRecord = {
        ...record(`staff-${randomUUID()}`, 'Éric'),
        kind: 'staff',
        contact: { email: 'eric@example.org', phone: null, address: null },
        cafCode: '40',
        updatedAt: '2027-01-31T23:59:59.999Z',
      };
      await s.put(parent);
      await s.put(staff);
      expect(await s.get(parent.personId)).toEqual(parent);
      expect(await s.get(staff.personId)).toEqual(staff);
    });

    it('an id never recorded: get gives null and erase erases nothing', async () => {
      const s = await store();
      const unknown = `child-${randomUUID()}`;
      expect(await s.get(unknown)).toBeNull();
      expect(await s.erase(unknown)).toBe(false);
    });

    it('a second connection (clas erase beside the running API) sees the record, and the first sees its erasure', async () => {
      const [api, cli] = [await store(), await store()];
      const [id, other] = [`child-${randomUUID()}`, `child-${randomUUID()}`];
      await api.put(record(id));
      await api.put(record(other, 'Noé'));
      expect(await cli.get(id)).toEqual(record(id));
      expect(await cli.erase(id)).toBe(true);
      expect(await api.get(id)).toBeNull();
      expect(await api.erase(id)).toBe(false);
      expect(await api.get(other)).toEqual(record(other, 'Noé'));
    });

    it('records outlive the connection: closed and opened again, the store has them, and not the erased one', async () => {
      const first = await storage.open();
      const [kept, erased] = [`child-${randomUUID()}`, `child-${randomUUID()}`];
      try {
        await first.put(record(kept, 'Léna'));
        await first.put(record(erased));
        expect(await first.erase(erased)).toBe(true);
      } finally {
        await first.close();
      }
      const again = await store();
      expect(await again.get(kept)).toEqual(record(kept, 'Léna'));
      expect(await again.get(erased)).toBeNull();
    });
  });
}
