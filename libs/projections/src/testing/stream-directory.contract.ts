// jest's injected globals, not @jest/globals (which throws when loaded outside jest): a lib's testing
// entry loads in any program, e.g. the fuzz CLI takes its clock and actors from two of them.
import { AUDE_2026_2027, LANDES_2025_2026, makeEvent, schoolYear, type ClasEvent } from '@clas/domain';
import { createEventStore, type EventStore } from '@clas/event-store';
import { FakeClock } from '@clas/event-store/testing';
import {
  applicationContent,
  applicationFiled,
  campaignOpened,
  d,
  operatorEvents,
  paris,
  runningCollectif,
  Script,
} from '../answers/testing/scenario.fixtures.js';
import type { StreamDirectory } from '../time-travel/stream-directory.port.js';

/** A directory over a store, and what the implementation does on its own between two questions. */
export interface StreamDirectoryUnderTest {
  directory: StreamDirectory;
  /**
   * The implementation's own work between questions — the projector's next batches for the
   * table-backed directory, nothing for the in-memory one: no answer may change.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the directory over `store`, which already holds the first part of the log. */
export type StreamDirectoryFactory = (store: EventStore) => Promise<StreamDirectoryUnderTest>;

const Y26 = schoolYear('2026-2027');
const zeta = { projectId: 'p-zeta', operatorId: 'op-a', cafCode: '11', schoolYear: Y26 };
const alpha = { projectId: 'p-alpha', operatorId: 'op-a', cafCode: '11', schoolYear: Y26 };
const late = { projectId: 'p-late', operatorId: 'op-b', cafCode: '11', schoolYear: Y26 };
const landes = { projectId: 'p-landes', operatorId: 'op-l', cafCode: '40', schoolYear: schoolYear('2025-2026') };
const beta = { projectId: 'p-beta', operatorId: 'op-a', cafCode: '11', schoolYear: Y26 };

const period = { startSchoolYear: Y26, years: 3, from: d('2026-09-01'), to: d('2029-08-31') };
const terms = { startDate: d('2026-11-02'), collectifs: 2, children: 20, weeks: 28 };

function conventionRequested(conventionId: string, operatorId: string, projectIds: string[], on: string): ClasEvent {
  return makeEvent(
    'ConventionRequested',
    {
      conventionId,
      operatorId,
      cafCode: '11',
      projectIds,
      period,
      terms,
      operatorKind: 'association',
      priorApprovedSchoolYears: 2,
      requestedOn: d(on),
    },
    paris(on),
  );
}

/**
 * Before the directory opens: two campaigns, three operators; p-zeta drafted then filed (two
 * opening types, one entry); p-late known only by its declaration of non-receivability
 * (R-LIFE-1); p-alpha's collectifs opened in the reverse of their ids' order; a convention
 * requested over two projects, then signed (a later event does not change the entry).
 */
function firstPart(): Script {
  const s = new Script();
  s.add(campaignOpened(LANDES_2025_2026, '2025-03-01'));
  for (const e of operatorEvents('op-l', '40', '2025-03-10')) s.add(e);
  s.add(applicationFiled(landes, applicationContent(), '2025-06-20'));
  s.add(campaignOpened(AUDE_2026_2027, '2026-03-01'));
  for (const e of operatorEvents('op-b', '11', '2026-03-10')) s.add(e);
  for (const e of operatorEvents('op-a', '11', '2026-03-11')) s.add(e);
  s.add(
    makeEvent('ProjectDrafted', { ...zeta, title: 'Clas Zeta', schoolCycle: 'primary', draftedOn: d('2026-05-02') }, paris('2026-05-02')),
  );
  s.add(applicationFiled(alpha, applicationContent(), '2026-05-03'));
  s.add(conventionRequested('conv-1', 'op-a', ['p-zeta', 'p-alpha'], '2026-05-15'));
  s.add(applicationFiled(zeta, applicationContent(), '2026-06-20'));
  s.add(
    makeEvent(
      'ApplicationFoundNotReceivable',
      {
        ...late,
        reason: 'filed_after_deadline',
        ruleId: 'R-LIFE-1',
        explanation: 'paper file received after the deadline',
        declaredOn: d('2026-08-20'),
      },
      paris('2026-08-20'),
    ),
  );
  s.add(
    makeEvent(
      'ConventionSigned',
      { conventionId: 'conv-1', operatorId: 'op-a', cafCode: '11', period, terms, signedOn: d('2026-09-01') },
      paris('2026-09-01'),
    ),
  );
  for (const e of runningCollectif(alpha, 'col-2', 0, 2)) s.add(e);
  for (const e of runningCollectif(alpha, 'col-1', 0, 2)) s.add(e);
  return s;
}

/** After the directory has answered once: a project, a collectif of an existing project, another operator's convention. */
function secondPart(): Script {
  const s = new Script();
  s.add(applicationFiled(beta, applicationContent(), '2026-11-03'), paris('2027-01-04'));
  s.add(runningCollectif(alpha, 'col-0', 0, 1)[0]!, paris('2027-01-04', '11:00'));
  s.add(conventionRequested('conv-2', 'op-b', ['p-late'], '2027-01-04'), paris('2027-01-04', '12:00'));
  return s;
}

const entry = (ids: { projectId: string; operatorId: string; cafCode: string; schoolYear: string }) => ({
  projectId: ids.projectId,
  operatorId: ids.operatorId,
  cafCode: ids.cafCode,
  schoolYear: ids.schoolYear,
});

/** Every question, for every id of the scenario and a few unknown ones. */
async function everyAnswer(directory: StreamDirectory): Promise<unknown> {
  const projects = ['p-alpha', 'p-beta', 'p-landes', 'p-late', 'p-zeta', 'p-unknown'];
  const operators = ['op-a', 'op-b', 'op-l', 'op-unknown'];
  const campaigns = [
    ['11', '2026-2027'],
    ['40', '2025-2026'],
    ['11', '2025-2026'],
  ] as const;
  const conventions = ['conv-1', 'conv-2', 'conv-unknown'];
  return {
    project: await Promise.all(projects.map((id) => directory.project(id))),
    collectifsOfProject: await Promise.all(projects.map((id) => directory.collectifsOfProject(id))),
    projectsOfCampaign: await Promise.all(campaigns.map(([caf, year]) => directory.projectsOfCampaign(caf, year))),
    projectsOfOperator: await Promise.all(operators.map((id) => directory.projectsOfOperator(id))),
    convention: await Promise.all(conventions.map((id) => directory.convention(id))),
    conventionsOfOperator: await Promise.all(operators.map((id) => directory.conventionsOfOperator(id))),
  };
}

/**
 * The behaviour every StreamDirectory must show (time-travel/stream-directory.port.ts): ids
 * sorted, [] / null for an unknown owner, an entry written once from the aggregate's opening
 * event, and read-your-writes through catchUp. Run by each implementation's int spec.
 */
export function streamDirectoryContract(name: string, factory: StreamDirectoryFactory): void {
  describe(`StreamDirectory contract: ${name}`, () => {
    const opened: Array<{ close(): Promise<void> }> = [];
    afterEach(async () => {
      for (const o of opened.splice(0)) await o.close();
    });

    /** A store holding the first part of the log, and the directory opened over it, caught up. */
    async function open(): Promise<{ store: EventStore; clock: FakeClock; under: StreamDirectoryUnderTest }> {
      const clock = new FakeClock('2025-01-01T00:00:00.000Z');
      const store = await createEventStore({ kind: 'sqlite', path: ':memory:', clock });
      opened.push(store);
      await firstPart().appendTo(store, clock);
      const under = await factory(store);
      opened.unshift(under);
      await under.directory.catchUp();
      return { store, clock, under };
    }

    it('finds each project from its opening event: filed, drafted then filed (one entry), declared not receivable only (R-LIFE-1)', async () => {
      const { directory } = (await open()).under;
      expect(await directory.project('p-zeta')).toEqual(entry(zeta));
      expect(await directory.project('p-alpha')).toEqual(entry(alpha));
      expect(await directory.project('p-late')).toEqual(entry(late));
      expect(await directory.project('p-landes')).toEqual(entry(landes));
    });

    it('lists ids sorted, each once: the projects of a campaign and of an operator, the collectifs of a project', async () => {
      const { directory } = (await open()).under;
      expect(await directory.projectsOfCampaign('11', '2026-2027')).toEqual(['p-alpha', 'p-late', 'p-zeta']);
      expect(await directory.projectsOfCampaign('40', '2025-2026')).toEqual(['p-landes']);
      expect(await directory.projectsOfOperator('op-a')).toEqual(['p-alpha', 'p-zeta']);
      expect(await directory.projectsOfOperator('op-b')).toEqual(['p-late']);
      expect(await directory.collectifsOfProject('p-alpha')).toEqual(['col-1', 'col-2']);
    });

    it('gives a convention as requested (its projects in the request order), whatever came after, and the conventions of an operator', async () => {
      const { directory } = (await open()).under;
      expect(await directory.convention('conv-1')).toEqual({
        conventionId: 'conv-1',
        operatorId: 'op-a',
        cafCode: '11',
        projectIds: ['p-zeta', 'p-alpha'],
      });
      expect(await directory.conventionsOfOperator('op-a')).toEqual(['conv-1']);
    });

    it('answers null or [] for an unknown owner: project, collectif list, campaign, operator, convention', async () => {
      const { directory } = (await open()).under;
      expect(await directory.project('p-unknown')).toBeNull();
      expect(await directory.collectifsOfProject('p-zeta')).toEqual([]);
      expect(await directory.collectifsOfProject('p-unknown')).toEqual([]);
      expect(await directory.projectsOfCampaign('11', '2025-2026')).toEqual([]);
      expect(await directory.projectsOfOperator('op-unknown')).toEqual([]);
      expect(await directory.convention('conv-unknown')).toBeNull();
      expect(await directory.conventionsOfOperator('op-b')).toEqual([]);
    });

    it('read-your-writes: what was appended after it opened is listed once catchUp returns', async () => {
      const { store, clock, under } = await open();
      const { directory } = under;
      expect(await directory.projectsOfOperator('op-a')).toEqual(['p-alpha', 'p-zeta']);
      await secondPart().appendTo(store, clock);
      await directory.catchUp();
      expect(await directory.project('p-beta')).toEqual(entry(beta));
      expect(await directory.projectsOfOperator('op-a')).toEqual(['p-alpha', 'p-beta', 'p-zeta']);
      expect(await directory.projectsOfCampaign('11', '2026-2027')).toEqual(['p-alpha', 'p-beta', 'p-late', 'p-zeta']);
      expect(await directory.collectifsOfProject('p-alpha')).toEqual(['col-0', 'col-1', 'col-2']);
      expect(await directory.convention('conv-2')).toEqual({
        conventionId: 'conv-2',
        operatorId: 'op-b',
        cafCode: '11',
        projectIds: ['p-late'],
      });
      expect(await directory.conventionsOfOperator('op-b')).toEqual(['conv-2']);
    });

    it('catch-ups at the same time, again with nothing new, and its own background work change no answer', async () => {
      const { store, clock, under } = await open();
      const { directory } = under;
      await secondPart().appendTo(store, clock);
      await Promise.all([directory.catchUp(), directory.catchUp(), directory.catchUp()]);
      const answers = await everyAnswer(directory);
      expect(answers).toMatchObject({ projectsOfOperator: [['p-alpha', 'p-beta', 'p-zeta'], ['p-late'], ['p-landes'], []] });
      await directory.catchUp();
      expect(await everyAnswer(directory)).toEqual(answers);
      await under.settle();
      await directory.catchUp();
      expect(await everyAnswer(directory)).toEqual(answers);
    });
  });
}
