import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027, makeEvent } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import { foldAsOf } from '../core/keyed-fold.js';
import { committeeFold, committeeKey } from '../folds/committee.fold.js';
import { type RankingEnvelopeInput, committeeView, meetingRanking } from './committee.answer.js';
import { eligibilityStatus } from './eligibility.answer.js';
import { forecastStatement, requestedStatement } from './payable-ps.answer.js';
import {
  applicationContent,
  applicationFiled,
  approval,
  campaignOpened,
  d,
  examinationOpened,
  operatorEvents,
  paris,
  Script,
  seasonProject,
} from './testing/scenario.fixtures.js';
import { statesOf } from './testing/states.fixtures.js';

const REF = { cafCode: '11', schoolYear: AUDE_2026_2027.schoolYear };
const KEY = committeeKey('11', AUDE_2026_2027.schoolYear);
const at = (date: string, time = '23:00'): AsOf => ({ at: paris(date, time), knownAt: paris(date, time) });
const [p1, p2, p3] = [seasonProject('p1', 'op1'), seasonProject('p2', 'op2'), seasonProject('p3', 'op3')];

/**
 * Three files examined by meeting m1 (5 October): p1 approved in it, p3 refused in it, p2 (a
 * collège group) left undecided.
 */
function season(): Script {
  const script = new Script();
  script.add(campaignOpened(AUDE_2026_2027, '2026-03-01'));
  script.add(
    makeEvent(
      'CommitteeOrientationsSet',
      {
        ...REF,
        orientations: [
          { code: 'QPV', weight: 3, label: null },
          { code: 'COLLEGE', weight: 2, label: null },
        ],
        setOn: d('2026-06-01'),
      },
      paris('2026-06-01'),
    ),
  );
  for (const [ids, content] of [
    [p1, applicationContent()],
    [p2, applicationContent({ collectifs: [{ ...applicationContent().collectifs[0]!, level: 'college' }] })],
    [p3, applicationContent()],
  ] as const) {
    for (const e of operatorEvents(ids.operatorId, ids.cafCode, '2026-03-10')) script.add(e);
    script.add(applicationFiled(ids, content, '2026-06-20'));
    script.add(examinationOpened(ids, '2026-09-01'));
  }
  script.add(
    makeEvent(
      'CommitteeMeetingScheduled',
      { ...REF, meetingId: 'm1', date: d('2026-10-05'), agenda: ['p1', 'p2', 'p3'] },
      paris('2026-09-15'),
    ),
  );
  script.add(
    makeEvent(
      'CommitteeMeetingHeld',
      {
        ...REF,
        meetingId: 'm1',
        date: d('2026-10-05'),
        members: [{ institution: 'caf', name: null, role: null }],
        agenda: ['p1', 'p2', 'p3'],
        minutes: null,
      },
      paris('2026-10-05', '12:00'),
    ),
  );
  const decided = (ids: typeof p1, decision: ReturnType<typeof approval> | { outcome: 'refused'; reasons: [] }) =>
    makeEvent(
      'CommitteeDecisionRecorded',
      {
        ...ids,
        decisionId: `dec-${ids.projectId}`,
        meetingId: 'm1',
        meetingDate: d('2026-10-05'),
        effectiveDate: d('2026-10-05'),
        decision: decision as never,
      },
      paris('2026-10-05', '14:00'),
    );
  script.add(decided(p1, approval()));
  script.add(decided(p3, { outcome: 'refused', reasons: [] }));
  return script;
}

const NO_ENVELOPE: RankingEnvelopeInput = { checked: false, envelope: null, projects: [] };

function ranking(asOf: AsOf, envelope: RankingEnvelopeInput = NO_ENVELOPE) {
  const events = season().recorded();
  const committee = foldAsOf(committeeFold, KEY, events, asOf);
  const inputs = ['p1', 'p2', 'p3'].map((id) => {
    const s = statesOf(events, id, `op${id.slice(1)}`, '11:2026-2027', asOf);
    const statement =
      s.project.decision === null ? requestedStatement(s.project, s.campaign, asOf) : forecastStatement(s.project, s.campaign, asOf);
    return {
      project: s.project,
      plannedVerdict: eligibilityStatus(s.project, s.campaign, s.operator, asOf).planned?.verdict ?? null,
      forecast: statement && {
        basis: s.project.decision === null ? ('application' as const) : ('decision' as const),
        collectifs: statement.approvedCollectifs,
        psCents: statement.ps,
        bonusesCents: statement.bonuses.total,
        totalCents: statement.payable,
      },
    };
  });
  return { committee, answer: meetingRanking(REF, committee, committee.meetings[0]!, inputs, new Set(), envelope, asOf) };
}

describe('the ranking of a meeting (R-COMMITTEE-ORIENTATIONS)', () => {
  it('R-COMMITTEE-ORIENTATIONS: files by score, ties by id, each forecast added to the running total in ranking order (a refusal adds nothing)', () => {
    const { answer } = ranking(at('2026-10-06'));
    expect(answer.entries.map((e) => [e.projectId, e.score, e.prioritiesMet.map((o) => o.code)])).toEqual([
      ['p2', 5, ['QPV', 'COLLEGE']],
      ['p1', 3, ['QPV']],
      ['p3', 3, ['QPV']],
    ]);
    const [first, second, third] = answer.entries;
    expect(first!.forecast).toMatchObject({ basis: 'application', collectifs: 1 });
    expect(second!.forecast).toMatchObject({ basis: 'decision', collectifs: 2, totalCents: 629_380 });
    expect(third!.forecast).toBeNull();
    expect(answer.entries.map((e) => e.runningTotalCents)).toEqual([
      first!.forecast!.totalCents,
      first!.forecast!.totalCents + 629_380,
      first!.forecast!.totalCents + 629_380,
    ]);
    expect(answer.totalCents).toBe(first!.forecast!.totalCents + 629_380);
  });

  it('R-BUDGET-ENVELOPE: each running total reads against the envelope less what projects off the agenda already commit', () => {
    const envelope: RankingEnvelopeInput = {
      checked: true,
      envelope: 1_000_000,
      // p1 is on the agenda (its commitment is in the running total, not counted twice); px is not.
      projects: [
        { projectId: 'p1', committed: 629_380 },
        { projectId: 'px', committed: 300_000 },
      ],
    };
    const { answer } = ranking(at('2026-10-06'), envelope);
    const available = 1_000_000 - 300_000;
    expect(answer.envelope).toEqual({
      checked: true,
      envelopeCents: 1_000_000,
      committedElsewhereCents: 300_000,
      committedElsewhere: [{ projectId: 'px', committedCents: 300_000 }],
      remainingAfterAgendaCents: available - answer.totalCents,
    });
    expect(answer.entries.map((e) => e.remainingAfterCents)).toEqual(answer.entries.map((e) => available - e.runningTotalCents));
    expect(answer.entries.map((e) => e.withinEnvelope)).toEqual(answer.entries.map((e) => available - e.runningTotalCents >= 0));
    // The first file fits in what is left; adding p1's 6 293,80 € goes beyond it.
    expect(answer.entries.map((e) => e.withinEnvelope)).toEqual([true, false, false]);
    // Without an envelope nothing is compared.
    const unchecked = ranking(at('2026-10-06')).answer;
    expect(unchecked.envelope.checked).toBe(false);
    expect(unchecked.entries.every((e) => e.remainingAfterCents === null && e.withinEnvelope === null)).toBe(true);
  });

  it('R-COMMITTEE-MEETING: at a date, the meeting as it stood — scheduled in the morning, held at noon — and before the decisions every file shows what it asks for', () => {
    expect(ranking(at('2026-10-05', '09:00')).answer.meetingStatus).toBe('scheduled');
    const noon = ranking(at('2026-10-05', '13:00')).answer;
    expect(noon.meetingStatus).toBe('held');
    expect(noon.entries.map((e) => e.forecast?.basis)).toEqual(['application', 'application', 'application']);
  });

  it('R-COMMITTEE-MEETING: the committee view lists in each meeting the decisions taken in it, not a decision without meeting', () => {
    const asOf = at('2026-10-06');
    const events = season().recorded();
    const committee = foldAsOf(committeeFold, KEY, events, asOf);
    const projects = new Map(['p1', 'p2', 'p3'].map((id) => [id, statesOf(events, id, 'op', '11:2026-2027', asOf).project]));
    // A decision recorded before meetings were (schema v1, upcast with meetingId null) belongs to no meeting.
    projects.set('p2', { ...projects.get('p2')!, decision: { ...projects.get('p1')!.decision!, meetingId: null } });
    const view = committeeView('11', '2026-2027', committee, projects, asOf);
    expect(view.orientations).toEqual([
      { code: 'QPV', weight: 3, label: null },
      { code: 'COLLEGE', weight: 2, label: null },
    ]);
    expect(view.meetings[0]!.decisions.map((x) => [x.projectId, x.outcome])).toEqual([
      ['p1', 'approved'],
      ['p3', 'refused'],
    ]);
  });
});
