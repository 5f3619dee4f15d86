import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type LocalDate, addDays, localDate } from '@clas/domain';
import { SqliteEventStore } from '@clas/event-store';
import { SettableClock, writeNationalLog } from '../../../../bench/generator/index.js';
import { CLAS_READ_MODELS, clasReadModelProjection } from '../projector/clas-read-models.projection.js';
import { rebuildReadModels } from '../projector/rebuild.command.js';
import { type ReadDatabaseSuite, onBothReadDatabases } from '../testing/read-database-suites.js';
import { ReadDatabase } from './read-database.js';
import {
  type ListPage,
  ListParameterError,
  type ListScope,
  type PageRequest,
  type ProjectListItem,
  ReadModelQueries,
  type RenewalLetterItem,
  encodeCursor,
} from './read-model-queries.js';
import { WORKLISTS, type WorklistProjectItem, worklistNamed, worklistPage } from './worklists.js';

const ALL: ListScope = { cafCode: null, operatorId: null };
/**
 * The day worklists are read for when lateness does not matter to the check. The generated season is
 * 2025-2026 and 2026-2027; the renewal deadline of 2026-2027 is 2026-06-30 (bench/generator), so on
 * this day the renewal letters are still owed.
 */
const TODAY = localDate('2026-06-15');
/** What allPages hands each read: the page size and the cursor. */
type PageOnly = Pick<PageRequest, 'limit' | 'cursor'>;

/** Every page of a list, following nextCursor; checks each page says the read model's position. */
async function allPages<T>(read: (request: PageOnly) => Promise<ListPage<T>>, limit: number, position: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await read({ limit, ...(cursor !== undefined && { cursor }) });
    expect(page.position).toBe(position);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    expect(page.items).toHaveLength(limit);
    cursor = page.nextCursor;
  }
  throw new Error('the pages never end');
}

interface Row {
  project_id: string;
  caf_code: string;
  school_year: string;
  operator_id: string;
  title: string;
  commune: string;
  rural: unknown;
  lifecycle_status: string;
  planned_eligibility: string;
  bilan_status: string;
  advances_cents: unknown;
  forecast_ps_cents: unknown;
  due_cents: unknown;
  bilan_next_due_on: string | null;
  unnotified_letters: unknown;
}
const truthy = (v: unknown): boolean => v === true || v === 1;

/**
 * Issue 13: lists served from the read-model tables — filters, keyset pages in a stable order,
 * reader scope, the cursor's validation and the worklists — on a generated season, on SQLite
 * and PostgreSQL. The oracle is the table itself read whole (one unfiltered SELECT) and filtered
 * in JavaScript; the order oracle is the database's own ORDER BY of the sort column and the id.
 */
const listsSuite: ReadDatabaseSuite = (label, configFor, cleanup = async () => undefined) => {
  describe(`read-model lists (${label})`, () => {
    let store: SqliteEventStore;
    let db: ReadDatabase;
    let lists: ReadModelQueries;
    let rows: Row[];
    let position: number;

    beforeAll(async () => {
      const clock = new SettableClock();
      store = new SqliteEventStore({ path: ':memory:', clock });
      await writeNationalLog(store, clock, { cafs: 3, collectifsPerCaf: 6, years: 2, seed: 13, unfiledBilanEvery: 4 });
      db = await ReadDatabase.open(configFor('lists'));
      await rebuildReadModels({ store, readDb: db, projection: clasReadModelProjection() });
      lists = new ReadModelQueries(db, CLAS_READ_MODELS);
      rows = await db.query<Row>(`SELECT * FROM ${db.table('rm_project_status')}`);
      position = await store.headPosition();
    }, 180_000);

    afterAll(async () => {
      await db.close();
      await store.close();
      await cleanup();
    });

    it('every page says the read model position; pages of 7 list every project once, in id order', async () => {
      expect((await lists.position()).position).toBe(position);
      const items = await allPages((r) => lists.projects(r, ALL), 7, position);
      expect(rows.length).toBeGreaterThan(20);
      expect(items.map((i) => i.projectId)).toEqual(rows.map((r) => r.project_id).sort());
    });

    it('filters: Caf, school year, status, rural, title text, each as the table says', async () => {
      const [caf, year] = [rows[0]!.caf_code, rows[0]!.school_year];
      const commune = rows[0]!.commune;
      const cases: Array<[Parameters<ReadModelQueries['projects']>[0], (r: Row) => boolean]> = [
        [{ cafCode: caf }, (r) => r.caf_code === caf],
        [{ cafCode: caf, schoolYear: year }, (r) => r.caf_code === caf && r.school_year === year],
        [{ status: 'approved' }, (r) => r.lifecycle_status === 'approved'],
        [{ rural: true }, (r) => truthy(r.rural)],
        [{ rural: false, eligibility: 'eligible' }, (r) => !truthy(r.rural) && r.planned_eligibility === 'eligible'],
        [{ q: commune.toUpperCase() }, (r) => r.title.toLowerCase().includes(commune.toLowerCase())],
        [{ commune }, (r) => r.commune === commune],
      ];
      for (const [filter, keep] of cases) {
        const expected = rows
          .filter(keep)
          .map((r) => r.project_id)
          .sort();
        expect(expected.length).toBeGreaterThan(0);
        const got = await allPages((r) => lists.projects({ ...filter, ...r }, ALL), 5, position);
        expect(got.map((i) => i.projectId)).toEqual(expected);
      }
    });

    it('a sort other than the id pages in the database order of (column, id), ascending and descending, without repeats', async () => {
      for (const [sort, column] of [
        ['title', 'title'],
        ['due', 'due_cents'],
        ['commune', 'commune'],
      ] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const dir = order === 'asc' ? 'ASC' : 'DESC';
          const expected = (
            await db.query<{ project_id: string }>(
              `SELECT "project_id" FROM ${db.table('rm_project_status')} ORDER BY "${column}" ${dir}, "project_id" ${dir}`,
            )
          ).map((r) => r.project_id);
          const got = await allPages((r) => lists.projects({ ...r, sort, order }, ALL), 6, position);
          expect(got.map((i) => i.projectId)).toEqual(expected);
        }
      }
    });

    it("scope: an operator's pages hold its own projects only, whatever it filters on; a Caf's its Caf's", async () => {
      const operatorId = rows[0]!.operator_id;
      const own = rows
        .filter((r) => r.operator_id === operatorId)
        .map((r) => r.project_id)
        .sort();
      const asOperator: ListScope = { cafCode: null, operatorId };
      expect((await allPages((r) => lists.projects(r, asOperator), 50, position)).map((i) => i.projectId)).toEqual(own);
      const other = rows.find((r) => r.operator_id !== operatorId)!;
      expect((await lists.projects({ operatorId: other.operator_id }, asOperator)).items).toEqual([]);
      const caf = rows[0]!.caf_code;
      const inCaf = await allPages((r) => lists.projects(r, { cafCode: caf, operatorId: null }), 50, position);
      expect(new Set(inCaf.map((i) => i.cafCode))).toEqual(new Set([caf]));
      const otherCaf = rows.find((r) => r.caf_code !== caf)!.caf_code;
      expect((await lists.projects({ cafCode: otherCaf }, { cafCode: caf, operatorId: null })).items).toEqual([]);
    });

    it('items carry their list columns and links to their detail', async () => {
      const page = await lists.projects({ limit: 1 }, ALL);
      const item: ProjectListItem = page.items[0]!;
      const row = rows.find((r) => r.project_id === item.projectId)!;
      expect(item).toMatchObject({ title: row.title, commune: row.commune, status: row.lifecycle_status, dueCents: Number(row.due_cents) });
      expect(item.links.eligibility).toBe(`/projects/${item.projectId}/eligibility`);
      expect(typeof item.asOf).toBe('string');
    });

    it('a cursor that is not base64url JSON, or was made for another sort or order, is refused naming the cursor', async () => {
      const refused = async (request: Parameters<ReadModelQueries['projects']>[0]) => {
        const error = await lists.projects(request, ALL).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ListParameterError);
        expect((error as ListParameterError).parameter).toBe('cursor');
      };
      await refused({ cursor: 'not a cursor!' });
      await refused({ cursor: Buffer.from('[1,2').toString('base64url') });
      await refused({ cursor: Buffer.from(JSON.stringify({ id: 1 })).toString('base64url') });
      const next = (await lists.projects({ limit: 2, sort: 'title' }, ALL)).nextCursor!;
      await refused({ cursor: next, sort: 'due' });
      await refused({ cursor: next, sort: 'title', order: 'desc' });
      await refused({ cursor: encodeCursor({ s: 'id', o: 'desc', v: 'x', id: 'x' }) });
      const limit = await lists.projects({ limit: 201 }, ALL).catch((e: unknown) => e);
      expect((limit as ListParameterError).parameter).toBe('limit');
    });

    it('campaigns, operators (name search, an operator sees itself), collectifs of a project and by id', async () => {
      const campaigns = await allPages((r) => lists.campaigns(r, ALL), 2, position);
      expect(campaigns).toHaveLength(6);
      expect(campaigns.every((c) => c.status === 'open' && c.deadlineNew !== null)).toBe(true);
      const caf = campaigns[0]!.cafCode;
      expect((await lists.campaigns({ cafCode: caf }, ALL)).items.map((c) => c.schoolYear)).toHaveLength(2);

      const operators = await allPages((r) => lists.operators(r, ALL), 4, position);
      expect(operators.length).toBeGreaterThan(1);
      const first = operators[0]!;
      const searched = await lists.operators({ name: first.name.slice(1, 6).toUpperCase() }, ALL);
      expect(searched.items.map((o) => o.operatorId)).toContain(first.operatorId);
      expect(searched.items.every((o) => o.name.toLowerCase().includes(first.name.slice(1, 6).toLowerCase()))).toBe(true);
      const own = await lists.operators({}, { cafCode: null, operatorId: first.operatorId });
      expect(own.items.map((o) => o.operatorId)).toEqual([first.operatorId]);
      expect(await lists.operator(first.operatorId)).toEqual(first);
      expect(await lists.operator('op-nobody')).toBeNull();

      const approved = rows.find((r) => r.lifecycle_status === 'approved')!;
      const collectifs = await allPages((r) => lists.collectifs(approved.project_id, r, ALL), 1, position);
      expect(collectifs.length).toBeGreaterThan(0);
      expect(new Set(collectifs.map((c) => c.projectId))).toEqual(new Set([approved.project_id]));
      expect(await lists.collectif(collectifs[0]!.collectifId)).toEqual(collectifs[0]);
      expect((await lists.collectifs(approved.project_id, {}, { cafCode: null, operatorId: 'op-other' })).items).toEqual([]);
    });

    it('conventions list by status, the scope applies', async () => {
      const conventions = await allPages((r) => lists.conventions(r, ALL), 1, position);
      const dumped = await db.query<{ convention_id: string; status: string }>(`SELECT * FROM ${db.table('rm_convention_status')}`);
      expect(conventions.map((c) => c.conventionId)).toEqual(dumped.map((d) => d.convention_id).sort());
      for (const status of new Set(dumped.map((d) => d.status))) {
        const got = await lists.conventions({ status, limit: 200 }, ALL);
        expect(got.items.map((c) => c.conventionId)).toEqual(
          dumped
            .filter((d) => d.status === status)
            .map((d) => d.convention_id)
            .sort(),
        );
      }
    });

    it('worklists hold exactly the rows their predicate names (checked against the table in JavaScript)', async () => {
      const oracle: Record<string, (r: Row) => boolean> = {
        'applications-to-examine': (r) => r.lifecycle_status === 'filed',
        'files-incomplete': (r) => ['filed', 'under_examination'].includes(r.lifecycle_status) && r.planned_eligibility === 'incomplete',
        'decisions-pending': (r) => r.lifecycle_status === 'under_examination',
        'advances-due': (r) => r.lifecycle_status === 'approved' && Number(r.advances_cents) === 0 && Number(r.forecast_ps_cents) > 0,
        'bilans-due': (r) => r.lifecycle_status === 'approved' && ['none', 'returned'].includes(r.bilan_status),
        'bilans-to-file': (r) => r.lifecycle_status === 'approved' && ['none', 'returned'].includes(r.bilan_status),
        'balances-to-pay': (r) => r.bilan_status === 'validated' && Number(r.due_cents) > 0,
        'amounts-to-recover': (r) => Number(r.due_cents) < 0,
        'caf-owes': (r) =>
          (r.lifecycle_status === 'approved' && Number(r.advances_cents) === 0 && Number(r.forecast_ps_cents) > 0) ||
          (r.bilan_status === 'validated' && Number(r.due_cents) > 0),
      };
      let nonEmpty = 0;
      for (const [name, keep] of Object.entries(oracle)) {
        const worklist = worklistNamed(name)!;
        expect(worklist.over).toBe('projects');
        const items = await allPages((r) => worklistPage(lists, worklist, r, ALL, TODAY), 4, position);
        const expected = rows
          .filter(keep)
          .map((r) => r.project_id)
          .sort();
        expect([name, items.map((i) => (i as ProjectListItem).projectId)]).toEqual([name, expected]);
        if (expected.length > 0) nonEmpty++;
      }
      // A generated season ends with bilans filed and payments made: at least three lists are not empty (not a vacuous check).
      expect(nonEmpty).toBeGreaterThanOrEqual(3);
      const operatorRows = await db.query<{ operator_id: string; declarations_missing: unknown }>(
        `SELECT "operator_id", "declarations_missing" FROM ${db.table('rm_operator')}`,
      );
      const owing = await allPages((r) => worklistPage(lists, worklistNamed('declarations-to-file')!, r, ALL, TODAY), 50, position);
      expect(owing.map((o) => (o as { operatorId: string }).operatorId)).toEqual(
        operatorRows
          .filter((o) => Number(o.declarations_missing) > 0)
          .map((o) => o.operator_id)
          .sort(),
      );
      const staff = await worklistPage(lists, worklistNamed('staff-to-declare')!, { limit: 200 }, ALL, TODAY);
      expect(staff.items.every((c) => 'staffAssigned' in c && c.staffAssigned === 0)).toBe(true);
      const amendments = await worklistPage(lists, worklistNamed('amendments-to-validate')!, { limit: 200 }, ALL, TODAY);
      expect(amendments.items.every((c) => 'pendingAmendments' in c && c.pendingAmendments > 0)).toBe(true);
      expect(new Set(WORKLISTS.map((w) => w.name)).size).toBe(WORKLISTS.length);
    });

    it('R-BILAN-DUE: bilans-late holds the approved projects with a part not received due before the day it is read', async () => {
      const approved = rows.filter((r) => r.lifecycle_status === 'approved');
      // The generator's campaigns set the qualitative part due on 30 June after the school year:
      // an approved project with no bilan filed owes it first; one whose bilan is in owes nothing.
      const owing = approved.filter((r) => r.bilan_status === 'none');
      expect(owing.length).toBeGreaterThan(0);
      for (const r of owing) expect(r.bilan_next_due_on).toBe(`${r.school_year.slice(5)}-06-30`);
      expect(approved.some((r) => r.bilan_status !== 'none' && r.bilan_next_due_on === null)).toBe(true);
      expect(rows.filter((r) => r.lifecycle_status !== 'approved').every((r) => r.bilan_next_due_on === null)).toBe(true);

      const worklist = worklistNamed('bilans-late')!;
      const dues = [...new Set(owing.map((r) => r.bilan_next_due_on!))].sort().map(localDate);
      const days = dues.flatMap((due) => [due, addDays(due, 1)]);
      let lateSeen = 0;
      for (const today of days) {
        const page = await worklistPage(lists, worklist, { limit: 200 }, ALL, today);
        expect(page.today).toBe(today);
        const expected = approved
          .filter((r) => r.bilan_next_due_on !== null && r.bilan_next_due_on < today)
          .map((r) => r.project_id)
          .sort();
        expect([today, page.items.map((i) => (i as ProjectListItem).projectId)]).toEqual([today, expected]);
        expect(page.items.every((i) => (i as WorklistProjectItem).bilanLate)).toBe(true);
        lateSeen = Math.max(lateSeen, expected.length);
      }
      // On its due date a part is not late yet; the day after, it is.
      expect(
        (await worklistPage(lists, worklist, { limit: 200 }, ALL, dues[0]!)).items.map((i) => (i as ProjectListItem).projectId),
      ).not.toContain(owing.find((r) => r.bilan_next_due_on === dues[0])!.project_id);
      expect(lateSeen).toBe(owing.length);
      // An operator's own bilans-to-file items carry the same due date.
      const mine = owing[0]!;
      const toFile = await allPages(
        (r) => worklistPage(lists, worklistNamed('bilans-to-file')!, r, { cafCode: null, operatorId: mine.operator_id }, TODAY),
        50,
        position,
      );
      expect(toFile.find((i) => (i as ProjectListItem).projectId === mine.project_id)).toMatchObject({
        bilanNextDueOn: mine.bilan_next_due_on,
        bilanLate: mine.bilan_next_due_on! < TODAY,
      });
    });

    it('R-NOTIFY: decisions-not-notified holds the projects with a decision or correction letter never sent', async () => {
      const items = await allPages((r) => worklistPage(lists, worklistNamed('decisions-not-notified')!, r, ALL, TODAY), 7, position);
      const expected = rows
        .filter((r) => Number(r.unnotified_letters) > 0)
        .map((r) => r.project_id)
        .sort();
      // The generated season records decisions but sends no letter: every decided project is listed.
      expect(expected.length).toBeGreaterThan(0);
      expect(rows.filter((r) => ['approved', 'refused'].includes(r.lifecycle_status)).every((r) => Number(r.unnotified_letters) >= 1)).toBe(
        true,
      );
      expect(items.map((i) => (i as ProjectListItem).projectId)).toEqual(expected);
      expect(items.every((i) => (i as ProjectListItem).unnotifiedLetters > 0)).toBe(true);
    });

    it('R-LIFE-4: a renewal letter is owed for an approved project of Y−1 that no project of Y renews, until the renewal deadline of Y', async () => {
      const letters = worklistNamed('renewal-letters')!;
      expect(letters).toMatchObject({ audience: 'operator', over: 'renewals' });
      const table = db.table('rm_project_status');
      const all = await db.query<{
        project_id: string;
        caf_code: string;
        school_year: string;
        operator_id: string;
        lifecycle_status: string;
        renewal_of: string;
      }>(`SELECT "project_id", "caf_code", "school_year", "operator_id", "lifecycle_status", "renewal_of" FROM ${table}`);
      const owed = async (today: LocalDate, scope: ListScope = ALL) =>
        (await allPages((r) => worklistPage(lists, letters, r, scope, today), 3, position)) as RenewalLetterItem[];
      const oracle = () => {
        const renewed = new Set(
          all.filter((r) => r.renewal_of !== '' && !['withdrawn', 'not_receivable'].includes(r.lifecycle_status)).map((r) => r.renewal_of),
        );
        return all
          .filter((r) => r.school_year === '2025-2026' && r.lifecycle_status === 'approved' && !renewed.has(r.project_id))
          .map((r) => r.project_id)
          .sort();
      };
      // The generated season renews its projects (short renewals filed for 2026-2027): not a vacuous check.
      const previous = all.find(
        (r) => r.school_year === '2025-2026' && r.lifecycle_status === 'approved' && all.some((n) => n.renewal_of === r.project_id),
      )!;
      expect(previous).toBeDefined();
      const renewal = all.find((r) => r.renewal_of === previous.project_id)!;
      expect(renewal.school_year).toBe('2026-2027');
      expect((await owed(TODAY)).map((i) => i.projectId)).toEqual(oracle());
      expect((await owed(TODAY)).map((i) => i.projectId)).not.toContain(previous.project_id);

      // The renewal as if never filed: the previous project owes its letter again, until the deadline of 2026-2027.
      const setRenewal = (renewalOf: string, status: string) =>
        db.query(`UPDATE ${table} SET "renewal_of" = ${db.p(0)}, "lifecycle_status" = ${db.p(1)} WHERE "project_id" = ${db.p(2)}`, [
          renewalOf,
          status,
          renewal.project_id,
        ]);
      await setRenewal('', renewal.lifecycle_status);
      try {
        const unrenewed = await owed(TODAY);
        expect(unrenewed.find((i) => i.projectId === previous.project_id)).toMatchObject({
          status: 'approved',
          schoolYear: '2025-2026',
          renewal: {
            schoolYear: '2026-2027',
            deadline: '2026-06-30',
            campaign: `/campaigns?cafCode=${previous.caf_code}&schoolYear=2026-2027`,
          },
        });
        // Still owed on the deadline itself, no longer the day after (the campaign no longer receives renewals).
        expect((await owed(localDate('2026-06-30'))).map((i) => i.projectId)).toContain(previous.project_id);
        expect(await owed(localDate('2026-07-01'))).toEqual([]);
        // An operator's list is its own; the Caf side reads the same list as renewals-awaited.
        const own = await owed(TODAY, { cafCode: null, operatorId: previous.operator_id });
        expect(own.map((i) => i.projectId)).toContain(previous.project_id);
        expect(own.every((i) => i.operatorId === previous.operator_id)).toBe(true);
        const awaited = await allPages((r) => worklistPage(lists, worklistNamed('renewals-awaited')!, r, ALL, TODAY), 50, position);
        expect(awaited.map((i) => (i as RenewalLetterItem).projectId)).toEqual(unrenewed.map((i) => i.projectId));
        // A withdrawn or not receivable renewal renews nothing: the letter is owed again.
        for (const status of ['withdrawn', 'not_receivable']) {
          await setRenewal(previous.project_id, status);
          expect([status, (await owed(TODAY)).map((i) => i.projectId)]).toEqual([status, expect.arrayContaining([previous.project_id])]);
        }
      } finally {
        await setRenewal(renewal.renewal_of, renewal.lifecycle_status);
      }
      expect((await owed(TODAY)).map((i) => i.projectId)).not.toContain(previous.project_id);
    });
  });
};

onBothReadDatabases('read-model lists', listsSuite);
