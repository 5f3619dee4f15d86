import { describe, expect, it } from '@jest/globals';
import { AUDE_2026, d, emptyFacts, generateCollectif, projectFacts, src } from './testing/bilan.fixtures.js';
import { hoursFromMinutes, percentOneDecimal } from './decimal.js';
import {
  type AttendanceFact,
  type EnrolmentFact,
  type ParentActionFact,
  type PartnerRelationFact,
  projectBilanQuantitative,
  type SchoolConcertationFact,
  type BilanSessionFact,
} from './project-bilan-quantitative.rule.js';

describe('quantitative project bilan (R-BILAN-2)', () => {
  it('R-BILAN-2: an urban collectif of 10 children over 28 weeks — every figure of the bilan', () => {
    const c = generateCollectif({ collectifId: 'col-A', children: 10, levels: ['CP', 'CE2', 'CM2', '6e'] });
    const bilan = projectBilanQuantitative(projectFacts('p1', [c]), AUDE_2026);

    expect(bilan.collectifsRun.value).toBe(1);
    expect(bilan.compliantCollectifs.value).toBe(1);
    expect(bilan.children.total.value).toBe(10);
    // levels cycle CP, CE2, CM2, 6e over 10 children → 8 primary, 2 collège
    expect([bilan.children.byCycle.primary.value, bilan.children.byCycle.college.value, bilan.children.byCycle.lycee.value]).toEqual([
      8, 2, 0,
    ]);
    expect(bilan.children.arrivals.value).toBe(0);
    expect(bilan.children.departures.value).toBe(0);
    expect(bilan.sessions.held.value).toBe(56);
    expect(bilan.sessions.minutes.value).toBe(56 * 90);
    expect(bilan.sessions.hours).toBe('84.00');
    expect(bilan.collectifs[0].weeksOfActivity.value).toBe(28);
    // Week by week, first seen first: the first week's sessions and the enrolments read on its first day, then the later sessions.
    const idOf = (f: { eventIds: readonly string[] }) => f.eventIds[0];
    expect(bilan.collectifs[0].weeksOfActivity.eventIds).toEqual([
      ...c.sessions.slice(0, 2).map(idOf),
      ...c.enrolments.map(idOf),
      ...c.sessions.slice(2).map(idOf),
    ]);
    expect(bilan.compliantCollectifs.eventIds).toEqual(bilan.collectifs[0].weeksOfActivity.eventIds);
    // 560 marks: every 25th excused (22), every 10th not 25th absent (56 − 11 = 45), the rest present (493).
    expect(bilan.attendance).toMatchObject({
      present: 493,
      absent: 45,
      excused: 22,
      unmarked: 0,
      rate: { num: 493, den: 560 },
      percent: '88.0',
    });
    expect(bilan.sessions.held.eventIds).toEqual(c.sessions.map((s) => s.eventIds[0]));
    expect(bilan.children.total.eventIds).toHaveLength(10);
  });

  it('R-ELIG-COLLECTIVE (004): a child leaving and replaced the same day — arrival and departure counted, weeks kept', () => {
    const c = generateCollectif({ collectifId: 'col-A', children: 8, levels: ['CM1'], weeks: 28, attendance: false });
    const leaving = c.enrolments[0];
    const enrolments = [
      src<EnrolmentFact>({ ...leaving.value, leftOn: d('2027-01-11'), leftReason: 'moved away' }, ...leaving.eventIds, 'ev-left-0'),
      ...c.enrolments.slice(1),
      src<EnrolmentFact>(
        {
          childId: 'newcomer',
          collectifId: 'col-A',
          schoolLevel: 'CM1',
          disabilityNeeds: false,
          enrolledOn: d('2027-01-11'),
          leftOn: null,
          leftReason: null,
        },
        'ev-enrol-new',
      ),
    ];
    const bilan = projectBilanQuantitative({ ...projectFacts('p1', [c]), enrolments }, AUDE_2026);
    expect(bilan.children.total.value).toBe(9);
    expect(bilan.children.arrivals).toEqual({ value: 1, eventIds: ['ev-enrol-new'] });
    expect(bilan.children.departures).toEqual({ value: 1, eventIds: ['ev-enrol-col-A-0', 'ev-left-0'] });
    expect(bilan.collectifs[0].weeksOfActivity.value).toBe(28);
    // The leaver's last day is the eve of the replacement's first: 8 children on 2027-01-11, the leaver's enrolment no longer read.
    const onLeavingDay = bilan.collectifs[0].weeks.weeks.find((w) => w.checkDay === '2027-01-11');
    expect(onLeavingDay).toMatchObject({ enrolled: 8, counts: true });
    expect(onLeavingDay?.sourceEventIds).toContain('ev-enrol-new');
    expect(onLeavingDay?.sourceEventIds).not.toContain('ev-left-0');

    // Not replaced: from 2027-01-11 (a Monday) the group has 7 children and those weeks do not count.
    const notReplaced = projectBilanQuantitative({ ...projectFacts('p1', [c]), enrolments: enrolments.slice(0, 8) }, AUDE_2026);
    const weeks = notReplaced.collectifs[0].weeks;
    expect(
      weeks.weeks
        .filter((w) => !w.counts)
        .every((w) => w.groupSize.status === 'not_met' && w.enrolled < w.groupSize.min && w.checkDay >= '2027-01-11'),
    ).toBe(true);
    expect(notReplaced.collectifs[0].weeksOfActivity.value).toBe(14);
    expect(weeks.weeksOfActivity).toBe(14);
    expect(weeks.compliant).toBe(false);
    expect(notReplaced.compliantCollectifs.value).toBe(0);
  });

  it('R-BILAN-2: cancelled sessions are ignored — not held, no hours, no attendance, no week', () => {
    const base = emptyFacts('p1');
    const kids = Array.from({ length: 8 }, (_, i) =>
      src<EnrolmentFact>(
        {
          childId: `k${i}`,
          collectifId: 'c1',
          schoolLevel: '4e',
          disabilityNeeds: false,
          enrolledOn: d('2026-09-15'),
          leftOn: null,
          leftReason: null,
        },
        `ev-e${i}`,
      ),
    );
    const sessions = [
      src<BilanSessionFact>(
        { sessionId: 's1', collectifId: 'c1', date: d('2026-10-05'), minutes: 90, kind: 'children', cancelled: false },
        'ev-s1',
      ),
      src<BilanSessionFact>(
        { sessionId: 's2', collectifId: 'c1', date: d('2026-10-08'), minutes: 90, kind: 'children', cancelled: true },
        'ev-s2',
        'ev-s2-cancel',
      ),
    ];
    const attendance = ['s1', 's2'].flatMap((sessionId) =>
      kids.map((k) =>
        src<AttendanceFact>({ sessionId, childId: k.value.childId, status: 'present' }, `ev-a-${sessionId}-${k.value.childId}`),
      ),
    );
    const bilan = projectBilanQuantitative({ ...base, enrolments: kids, sessions, attendance }, AUDE_2026);
    expect(bilan.sessions.held).toEqual({ value: 1, eventIds: ['ev-s1'] });
    expect(bilan.sessions.cancelled).toEqual({ value: 1, eventIds: ['ev-s2', 'ev-s2-cancel'] });
    expect(bilan.sessions.minutes.value).toBe(90);
    expect(bilan.sessions.hours).toBe('1.50');
    expect(bilan.attendance).toMatchObject({ present: 8, absent: 0, excused: 0, rate: { num: 8, den: 8 }, percent: '100.0' });
    expect(bilan.collectifs[0].weeks.weeks[0]).toMatchObject({ sessionMinutes: [90], counts: false });
    expect(bilan.collectifs[0].weeksOfActivity).toEqual({ value: 0, eventIds: [] });
    // A collectif known only from its enrolments and sessions is taken as urban.
    expect(bilan.collectifs[0]).toMatchObject({ collectifId: 'c1', rural: false, run: true });
  });

  it('R-BILAN-2: attendance — last mark wins, marks of children not enrolled that day are left out, missing marks are reported', () => {
    const base = emptyFacts('p1');
    const enrol = (childId: string, enrolledOn: string, leftOn: string | null = null) =>
      src<EnrolmentFact>(
        {
          childId,
          collectifId: 'c1',
          schoolLevel: 'CE1',
          disabilityNeeds: false,
          enrolledOn: d(enrolledOn),
          leftOn: leftOn === null ? null : d(leftOn),
          leftReason: null,
        },
        `ev-e-${childId}`,
      );
    const sessions = [
      src<BilanSessionFact>(
        { sessionId: 's1', collectifId: 'c1', date: d('2026-10-05'), minutes: 90, kind: 'children', cancelled: false },
        'ev-s1',
      ),
      src<BilanSessionFact>(
        { sessionId: 's2', collectifId: 'c1', date: d('2026-11-05'), minutes: 90, kind: 'shared', cancelled: false },
        'ev-s2',
      ),
      src<BilanSessionFact>(
        { sessionId: 'p', collectifId: 'c1', date: d('2026-11-06'), minutes: 60, kind: 'parents', cancelled: false },
        'ev-p',
      ),
    ];
    const mark = (sessionId: string, childId: string, status: AttendanceFact['status'], id: string) =>
      src<AttendanceFact>({ sessionId, childId, status }, id);
    const attendance = [
      mark('s1', 'a', 'absent', 'm1'),
      mark('s1', 'a', 'present', 'm2'), // late correction
      mark('s1', 'b', 'excused', 'm3'),
      mark('s1', 'ghost', 'present', 'm4'), // not enrolled
      mark('s2', 'a', 'present', 'm5'),
      // b left on 2026-11-01: not expected on s2; c enrolled 2026-11-02 has no mark on s2.
      mark('s2', 'b', 'present', 'm6'),
    ];
    const bilan = projectBilanQuantitative(
      {
        ...base,
        enrolments: [enrol('a', '2026-09-20'), enrol('b', '2026-09-20', '2026-11-01'), enrol('c', '2026-11-02')],
        sessions,
        attendance,
      },
      AUDE_2026,
    );
    expect(bilan.attendance).toMatchObject({
      present: 2,
      absent: 0,
      excused: 1,
      unmarked: 1,
      ignoredMarks: 2,
      rate: { num: 2, den: 3 },
      percent: '66.7',
    });
    // In log order: each session, then the marks used on it.
    expect(bilan.attendance.eventIds).toEqual(['ev-s1', 'm2', 'm3', 'ev-s2', 'm5']);
    expect(bilan.sessions.byKind.parents.value).toBe(1);
    expect(bilan.sessions.byKind.shared.value).toBe(1);
    expect(bilan.children.arrivals.value).toBe(1);
    expect(bilan.children.departures.value).toBe(1);
  });

  it('R-BILAN-2: parent actions by objective, S3 concertations before start and at bilan, T1 partners — only within the school year', () => {
    const base = emptyFacts('p1');
    const pa = (objective: ParentActionFact['objective'], date: string, parentsReached: number, id: string) =>
      src<ParentActionFact>({ objective, date: d(date), parentsReached }, id);
    const sc = (objective: SchoolConcertationFact['objective'], date: string, moment: SchoolConcertationFact['moment'], id: string) =>
      src<SchoolConcertationFact>({ objective, date: d(date), moment }, id);
    const pr = (partnerId: string, date: string, id: string) => src<PartnerRelationFact>({ objective: 'T1', partnerId, date: d(date) }, id);
    const facts = {
      ...base,
      parentActions: [
        pa('P1', '2026-09-20', 12, 'pa1'),
        pa('P2', '2026-12-18', 20, 'pa2'),
        pa('P2', '2027-04-02', 15, 'pa3'),
        pa('P4', '2027-09-03', 9, 'pa-next-year'),
      ],
      schoolConcertations: [sc('S1', '2026-09-10', 'during', 'sc1'), sc('S3', '2026-09-15', 'before_start', 'sc2')],
      partnerRelations: [
        pr('mediatheque', '2026-10-01', 't1'),
        pr('mediatheque', '2027-03-01', 't2'),
        pr('reaap', '2027-01-10', 't3'),
        pr('old', '2026-06-30', 't-old'),
      ],
    };
    const bilan = projectBilanQuantitative(facts, AUDE_2026);
    expect(bilan.parentActions.byObjective.P1).toEqual({
      actions: { value: 1, eventIds: ['pa1'] },
      parentsReached: { value: 12, eventIds: ['pa1'] },
    });
    expect(bilan.parentActions.byObjective.P2.actions.value).toBe(2);
    expect(bilan.parentActions.byObjective.P2.parentsReached.value).toBe(35);
    expect(bilan.parentActions.byObjective.P4.actions.value).toBe(0);
    expect(bilan.parentActions.parentsReached).toEqual({ value: 47, eventIds: ['pa1', 'pa2', 'pa3'] });
    expect(bilan.schoolConcertations.s3BeforeStart.value).toBe(1);
    expect(bilan.schoolConcertations.s3Complete.value).toBe(false);
    expect(bilan.partners).toEqual({ count: { value: 2, eventIds: ['t1', 't2', 't3'] }, partnerIds: ['mediatheque', 'reaap'] });

    const complete = projectBilanQuantitative(
      { ...facts, schoolConcertations: [...facts.schoolConcertations, sc('S3', '2027-06-20', 'at_bilan', 'sc3')] },
      AUDE_2026,
    );
    expect(complete.schoolConcertations.s3Complete).toEqual({ value: true, eventIds: ['sc2', 'sc3'] });
    expect(complete.schoolConcertations.byObjective).toEqual({
      S1: { value: 1, eventIds: ['sc1'] },
      S2: { value: 0, eventIds: [] },
      S3: { value: 2, eventIds: ['sc2', 'sc3'] },
    });
  });

  it('R-BILAN-2: facts outside the school year do not count, and several collectifs are listed in id order', () => {
    const a = generateCollectif({ collectifId: 'col-B', children: 9, levels: ['2nde', '1re', 'Terminale'], attendance: false });
    const b = generateCollectif({ collectifId: 'col-A', children: 11, levels: ['5e'], weeks: 10, attendance: false });
    const lastYear = generateCollectif({
      collectifId: 'col-A',
      children: 11,
      levels: ['5e'],
      weeks: 3,
      firstMonday: d('2026-05-04'),
      enrolledOn: d('2026-04-20'),
      attendance: false,
    });
    const facts = projectFacts('p1', [a, b]);
    const bilan = projectBilanQuantitative(
      {
        ...facts,
        sessions: [
          ...facts.sessions,
          ...lastYear.sessions.map((s) => ({ ...s, value: { ...s.value, sessionId: `old-${s.value.sessionId}` } })),
        ],
      },
      AUDE_2026,
    );
    expect(bilan.collectifs.map((c) => [c.collectifId, c.sessionsHeld.value, c.weeksOfActivity.value, c.compliant])).toEqual([
      ['col-A', 20, 10, false],
      ['col-B', 56, 28, true],
    ]);
    expect(bilan.children.byCycle.lycee.value).toBe(9);
    expect(bilan.children.byCycle.college.value).toBe(11);
    expect(bilan.collectifsRun.value).toBe(2);
    expect(bilan.compliantCollectifs.value).toBe(1);
    expect(bilan.sessions.held.value).toBe(76);
  });

  it('R-BILAN-2: hours are minutes ÷ 60 at 2 decimals, percentages at 1 decimal, both half-up', () => {
    expect(hoursFromMinutes(95)).toBe('1.58');
    expect(hoursFromMinutes(1)).toBe('0.02');
    expect(hoursFromMinutes(0)).toBe('0.00');
    expect(hoursFromMinutes(5040)).toBe('84.00');
    expect(percentOneDecimal(1, 16)).toBe('6.3'); // 6.25 → 6.3
    expect(percentOneDecimal(1, 8)).toBe('12.5');
    expect(percentOneDecimal(2, 3)).toBe('66.7');
    expect(percentOneDecimal(0, 0)).toBeNull();
  });
});
