import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventData } from '@clas/domain';
import { AUDE_2026_2027, LANDES_2025_2026, makeEvent, schoolYear } from '@clas/domain';
import type { EventStore } from '@clas/event-store';
import { createEventStore } from '@clas/event-store';
import { FakeClock } from '@clas/event-store/testing';
import { YEAR } from '@clas/domain/testing';
import {
  applicationContent,
  applicationFiled,
  approval,
  campaignOpened,
  d,
  decisionCorrected,
  decisionRecorded,
  examinationOpened,
  operatorEvents,
  paris,
  runningCollectif,
  Script,
  seasonProject,
} from '../answers/testing/scenario.fixtures.js';
import { ClasQueries } from './clas-queries.js';
import { InMemoryStreamDirectory } from './in-memory-stream-directory.js';

const p1 = seasonProject('p1', 'op1');
const p3 = seasonProject('p3', 'op3');
const p4 = seasonProject('p4', 'op3');
const pEx3 = seasonProject('p-ex3', 'op1');
const pLate = seasonProject('p-late', 'op1');
const landes = { projectId: 'p-landes', operatorId: 'op-l', cafCode: '40', schoolYear: schoolYear('2025-2026') };
const NOW = '2028-01-01T00:00:00.000Z';
const at = (date: string) => paris(date, '23:00');

function conventionEvents(): Script {
  const s = new Script();
  const ref = { conventionId: 'conv-1', operatorId: 'op1', cafCode: '11' };
  const period = { startSchoolYear: YEAR, years: 3, from: d('2026-09-01'), to: d('2029-08-31') };
  const terms = { startDate: d('2026-11-02'), collectifs: 2, children: 20, weeks: 28 };
  const requested: EventData<'ConventionRequested'> = {
    ...ref,
    projectIds: ['p1'],
    period,
    terms,
    operatorKind: 'association',
    priorApprovedSchoolYears: 2,
    requestedOn: d('2026-05-15'),
  };
  s.add(makeEvent('ConventionRequested', requested, paris('2026-05-15')));
  s.add(makeEvent('ConventionSigned', { ...ref, period, terms, signedOn: d('2026-07-01') }, paris('2026-07-01')));
  s.add(
    makeEvent(
      'ConventionAmendmentRequested',
      { ...ref, amendmentId: 'am-1', changes: { collectifs: 3 }, reason: 'a third group', requestedOn: d('2026-12-01') },
      paris('2026-12-01'),
    ),
  );
  s.add(
    makeEvent(
      'ConventionAmendmentValidated',
      { ...ref, amendmentId: 'am-1', changes: { collectifs: 3 }, terms: { ...terms, collectifs: 3 }, validatedOn: d('2027-01-15') },
      paris('2027-01-15'),
    ),
  );
  return s;
}

describe('ClasQueries over the SQLite event store (time travel)', () => {
  let store: EventStore;
  let clock: FakeClock;
  let directory: InMemoryStreamDirectory;
  let queries: ClasQueries;

  beforeAll(async () => {
    clock = new FakeClock('2024-01-01T00:00:00.000Z');
    store = await createEventStore({ kind: 'sqlite', path: ':memory:', clock });
    directory = new InMemoryStreamDirectory(store);
    queries = new ClasQueries(store, directory, clock);

    const s = new Script();
    s.add(campaignOpened(AUDE_2026_2027, '2026-03-01'));
    s.add(campaignOpened(LANDES_2025_2026, '2025-03-01'));
    for (const e of operatorEvents('op1', '11', '2024-03-10')) s.add(e);
    for (const e of operatorEvents('op3', '11', '2026-03-10')) s.add(e);
    // op1's history: approved in 2024-2025 and 2025-2026 (R-CONV-SUPPORT).
    for (const y of ['2024-2025', '2025-2026']) {
      const old = { projectId: `old-${y}`, operatorId: 'op1', cafCode: '11', schoolYear: schoolYear(y) };
      s.add(applicationFiled(old, applicationContent(), `${y.slice(0, 4)}-06-20`));
      s.add(decisionRecorded(old, approval(), `${y.slice(0, 4)}-10-05`));
    }
    // Worked example 1, running 28 weeks with two compliant collectifs.
    s.add(applicationFiled(p1, applicationContent(), '2026-06-20'));
    s.add(examinationOpened(p1, '2026-09-01'));
    s.add(decisionRecorded(p1, approval(), '2026-10-05'));
    for (const e of runningCollectif(p1, 'p1-a', 28)) s.add(e);
    for (const e of runningCollectif(p1, 'p1-b', 28)) s.add(e);
    // Worked example 3: decision recorded 2026-10-05 (2 collectifs), corrected on 2026-11-10 (3), same decision date.
    s.add(applicationFiled(pEx3, applicationContent(), '2026-06-21'));
    const decision = decisionRecorded(pEx3, approval(), '2026-10-05');
    s.add(decision);
    s.add(
      decisionCorrected(
        pEx3,
        approval({ approvedCollectifs: 3, approvedCollectifRefs: ['c1', 'c2', 'c3'] }),
        decision.occurredAt,
        '2026-11-10',
      ),
      paris('2026-11-10'),
    );
    // A late entry: week 5's second session was typed in on 2027-07-20.
    s.add(applicationFiled(pLate, applicationContent(), '2026-06-22'));
    s.add(decisionRecorded(pLate, approval({ approvedCollectifs: 1, approvedCollectifRefs: ['c1'] }), '2026-10-05'));
    const late = runningCollectif(pLate, 'late-a', 27);
    const lateSession = late.findIndex((e) => e.type === 'SessionHeld' && (e.data as { sessionId: string }).sessionId === 'late-a-w5-s1');
    const [lateHeld, lateAttendance] = late.splice(lateSession, 2);
    for (const e of late) s.add(e);
    s.add(lateHeld, paris('2027-07-20'));
    s.add(lateAttendance, paris('2027-07-20', '10:05'));
    // Another Aude operator: one approved rural project, one still under examination.
    s.add(
      applicationFiled(
        p3,
        applicationContent({ territory: { commune: 'Quillan', epci: 'Pyrénées Audoises', rural: true, qpv: false } }, 1, true),
        '2026-06-25',
      ),
    );
    s.add(
      decisionRecorded(
        p3,
        approval({
          approvedCollectifs: 1,
          approvedCollectifRefs: ['c1'],
          bonusesGranted: { enfants: null, parents: null },
          forecastOperatingCost: 600_000,
        }),
        '2026-10-05',
      ),
    );
    for (const e of runningCollectif(p3, 'p3-a', 10, 6, { rural: true, minutes: [120] })) s.add(e);
    s.add(applicationFiled(p4, applicationContent(), '2026-06-26'));
    s.add(examinationOpened(p4, '2026-09-01'));
    // Worked example 2 (Landes).
    s.add(
      applicationFiled(
        landes,
        applicationContent(
          {
            budget: { totalOperatingCost: 300_000, coFunders: [], otherCafFunding: 150_000, familyFeePerChild: 0 },
            bonusRequests: { enfants: null, parents: { supportProject: 'parents', criteria: ['targeted_public'], justification: 'AEF' } },
          },
          1,
          true,
        ),
        '2025-07-01',
      ),
    );
    s.add(
      decisionRecorded(
        landes,
        approval({
          approvedCollectifs: 1,
          approvedCollectifRefs: ['c1'],
          bonusesGranted: { enfants: null, parents: { collectifs: 1 } },
          forecastOperatingCost: 300_000,
        }),
        '2025-10-01',
      ),
    );
    for (const e of conventionEvents().events) s.add(e.event);
    s.events.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
    await s.appendTo(store, clock);
    clock.set(NOW);
  });

  afterAll(async () => {
    await store.close();
  });

  it('worked example 1 end to end: forecast 6 293,80 € for Aude, 2 collectifs, 18 000 €', async () => {
    const result = await queries.payablePs('p1', { at: at('2026-10-20') });
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    expect(result.value.basis).toBe('forecast');
    expect(result.value.payable).toBe(629_380);
    expect(result.value.forecast?.parameters.campaignEventIds).toHaveLength(1);
  });

  it('worked example 2 end to end: 900,00 € for the rural Landes project', async () => {
    const result = await queries.payablePs('p-landes', { at: at('2025-10-10') });
    expect(result.kind === 'found' && result.value.payable).toBe(90_000);
    expect(result.kind === 'found' && result.value.forecast?.reduction80.reduction).toBe(40_400);
  });

  it('R-ELIG-COFUNDING weighs the PS after the R-PS-80 reduction: worked example 2 is within 80 % (900 € + 1 500 € = 2 400 €)', async () => {
    const result = await queries.eligibility('p-landes', { at: at('2025-10-10') });
    if (result.kind !== 'found') throw new Error('p-landes not found');
    const cofunding = result.value.planned?.criteria.find((c) => c.criterion === 'R-ELIG-COFUNDING');
    expect(cofunding?.status).toBe('met');
  });

  it('worked example 3: at 2026-10-20, 2 collectifs as known then, 3 as known now', async () => {
    const asKnownThen = await queries.eligibility('p-ex3', { at: at('2026-10-20'), knownAt: at('2026-10-20') });
    const asKnownNow = await queries.eligibility('p-ex3', { at: at('2026-10-20') });
    expect(asKnownThen.kind === 'found' && asKnownThen.value.decision?.approvedCollectifs).toBe(2);
    expect(asKnownNow.kind === 'found' && asKnownNow.value.decision?.approvedCollectifs).toBe(3);
    const ps = await queries.payablePs('p-ex3', { at: at('2026-10-20') });
    expect(ps.kind === 'found' && ps.value.forecast?.approvedCollectifs).toBe(3);
  });

  it('projectAnswers reads the streams once and gives the same answers as the separate methods', async () => {
    for (const [projectId, asOf] of [
      ['p-ex3', { at: at('2026-10-20'), knownAt: at('2026-10-20') }],
      ['p-ex3', { at: at('2026-10-20') }],
      ['p-late', { at: at('2027-07-31'), knownAt: at('2027-07-10') }],
      ['p-landes', { at: at('2025-10-10') }],
    ] as const) {
      const both = await queries.projectAnswers(projectId, asOf);
      if (both.kind !== 'found') throw new Error(`${projectId} not found`);
      const eligibility = await queries.eligibility(projectId, asOf);
      const ps = await queries.payablePs(projectId, asOf);
      expect(eligibility.kind === 'found' && eligibility.value).toEqual(both.value.eligibility);
      expect(ps.kind === 'found' && ps.value).toEqual(both.value.payablePs);
      expect(Object.keys(both.value).sort()).toEqual(['eligibility', 'payablePs']);
      const bilan = await queries.projectAnswers(projectId, asOf, ['projectBilan']);
      const separate = await queries.projectBilan(projectId, asOf);
      expect(bilan.kind === 'found' && bilan.value.projectBilan).toEqual(separate.kind === 'found' && separate.value);
    }
    expect(await queries.projectAnswers('nope')).toEqual({ kind: 'not_found', what: 'project', id: 'nope' });
  });

  it('a late session entry changes the weeks of activity only for knownAt after its recording', async () => {
    const before = await queries.projectBilan('p-late', { at: at('2027-07-31'), knownAt: at('2027-07-10') });
    const after = await queries.projectBilan('p-late', { at: at('2027-07-31') });
    if (before.kind !== 'found' || after.kind !== 'found') throw new Error('p-late not found');
    const weeks = (r: typeof before) => (r.kind === 'found' ? r.value.quantitative?.collectifs[0] : undefined);
    expect(weeks(before)?.weeksOfActivity.value).toBe(26);
    expect(weeks(before)?.compliant).toBe(false);
    expect(weeks(after)?.weeksOfActivity.value).toBe(27);
    expect(weeks(after)?.compliant).toBe(true);
  });

  it('a convention shows a pending, then a validated amendment, with multi-year eligibility from the operator history', async () => {
    const pending = await queries.convention('conv-1', { at: at('2026-12-10') });
    const validated = await queries.convention('conv-1', { at: at('2027-02-01') });
    if (pending.kind !== 'found' || validated.kind !== 'found') throw new Error('conv-1 not found');
    expect(pending.value.view?.amendments.map((a) => a.status)).toEqual(['pending']);
    expect(pending.value.view?.effective.collectifs.value).toBe(2);
    expect(pending.value.view?.pendingChanges).toEqual({ collectifs: 3 });
    expect(validated.value.view?.amendments.map((a) => [a.status, a.decidedOn])).toEqual([['validated', '2027-01-15']]);
    expect(validated.value.view?.effective.collectifs.value).toBe(3);
    expect(validated.value.view?.status).toBe('active');
    expect(validated.value.view?.years[0].psForecast?.value).toBe(629_380);
    expect(validated.value.multiYear?.support.years.map((y) => y.value)).toEqual(['2024-2025', '2025-2026']);
    expect(validated.value.multiYear?.length).toMatchObject({ eligible: true, maxYears: 4 });
    expect(validated.value.multiYear?.withinMax).toBe(true);
  });

  it('the departmental bilan aggregates the approved projects of the Caf, with breakdowns', async () => {
    const result = await queries.departmentalBilan('11', '2026-2027', { at: at('2027-07-31'), knownAt: at('2027-12-01') });
    if (result.kind !== 'found') throw new Error('campaign not found');
    const bilan = result.value.bilan;
    expect(bilan?.totals.projectIds).toEqual(['p-ex3', 'p-late', 'p1', 'p3']);
    expect(bilan?.totals.operators).toBe(2);
    expect(bilan?.totals.collectifs).toBe(4);
    expect(bilan?.totals.children).toBe(2 * 10 + 10 + 6);
    expect(bilan?.byArea.map((r) => [r.key, r.projectIds])).toEqual([
      ['rural', ['p3']],
      ['urban', ['p-ex3', 'p-late', 'p1']],
    ]);
    expect(bilan?.byCommune.map((r) => r.key)).toEqual(['Carcassonne', 'Quillan']);
    expect(bilan?.byCycle.find((c) => c.cycle === 'primary')?.children).toBe(36);
    expect(result.value.notCounted).toEqual([{ projectId: 'p4', status: 'under_examination' }]);
    expect(result.value.operators.map((o) => [o.operatorId, o.projectIds.length])).toEqual([
      ['op1', 3],
      ['op3', 1],
    ]);
  });

  it('reads its own writes: a project appended just now is answered at once (the directory catches up)', async () => {
    const fresh = seasonProject('p-fresh', 'op3');
    expect((await queries.eligibility('p-fresh')).kind).toBe('not_found');
    const s = new Script();
    s.add(applicationFiled(fresh, applicationContent(), '2026-06-27'), NOW);
    for (const e of runningCollectif(fresh, 'fresh-a', 1)) s.add(e, NOW);
    await s.appendTo(store, clock);
    const answer = await queries.eligibility('p-fresh');
    expect(answer.kind === 'found' && answer.value.status).toBe('filed');
    const bilan = await queries.projectBilan('p-fresh');
    expect(bilan.kind === 'found' && bilan.value.quantitative?.collectifs.map((c) => c.collectifId)).toEqual(['fresh-a']);
    // Before its recording the project did not exist.
    expect((await queries.eligibility('p-fresh', { knownAt: '2027-12-31T00:00:00.000Z' })).kind).toBe('not_found');
  });

  it('returns a typed not_found for unknown ids', async () => {
    expect(await queries.payablePs('nope')).toEqual({ kind: 'not_found', what: 'project', id: 'nope' });
    expect(await queries.convention('nope')).toEqual({ kind: 'not_found', what: 'convention', id: 'nope' });
    expect(await queries.departmentalBilan('53', '2026-2027')).toEqual({ kind: 'not_found', what: 'campaign', id: '53:2026-2027' });
  });

  it("lists a project's history for audit, with both times and the actor", async () => {
    const history = await queries.projectHistory('p-ex3', { knownAt: at('2026-10-20') });
    if (history.kind !== 'found') throw new Error('p-ex3 not found');
    expect(history.value.map((h) => h.type)).toEqual(['ApplicationFiled', 'CommitteeDecisionRecorded']);
    expect(history.value[1]).toMatchObject({
      streamId: 'project-p-ex3',
      actor: 'agent-1',
      occurredAt: paris('2026-10-05', '14:00'),
      recordedAt: paris('2026-10-05', '14:00'),
    });
  });
});
