import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { addDays, isoWeekOf, localDate } from '../../shared/calendar-date.js';
import { schoolYear, schoolYearEnd, schoolYearStart } from '../../shared/school-year.js';
import { enrolChildren, weeklySessions } from '../facts/testing/project-facts.fixtures.js';
import { collectifWeeksOfActivity } from './weeks-of-activity.rule.js';

const base = { collectifId: 'A', rural: false };

describe('weeks of activity (R-PS-WEEK)', () => {
  it('R-PS-WEEK: 27 weeks of 2 × 90 min with 10 children → compliant, one line per ISO week', () => {
    const r = collectifWeeksOfActivity({ ...base, sessions: weeklySessions(27, [90, 90]), enrolments: enrolChildren(10) }, AUDE_2026_2027);
    expect(r.weeks).toHaveLength(27);
    expect(r.weeks[0]).toMatchObject({ isoWeek: '2026-W46', checkDay: '2026-11-09', enrolled: 10, rhythm: 'normal', counts: true });
    expect(r.weeksOfActivity).toBe(27);
    expect(r.compliant).toBe(true);
  });

  it('R-PS-WEEK: a week lists its sessions, then the enrolments read on its check day, in first-seen order', () => {
    const r = collectifWeeksOfActivity({ ...base, sessions: weeklySessions(1, [90, 90]), enrolments: enrolChildren(10) }, AUDE_2026_2027);
    expect(r.weeks).toHaveLength(1);
    expect(r.weeks[0]).toMatchObject({
      isoWeek: '2026-W46',
      checkDay: '2026-11-09',
      sessionMinutes: [90, 90],
      rhythm: 'normal',
      enrolled: 10,
      counts: true,
      reasons: [],
    });
    expect(r.weeks[0].sourceEventIds).toEqual(['s-0-0', 's-0-1', ...Array.from({ length: 10 }, (_, i) => `enrol-child-${i + 1}`)]);
  });

  it('R-PS-WEEK: 26 weeks is one short of the minimum → not compliant; Landes asks for 28 weeks (000)', () => {
    expect(
      collectifWeeksOfActivity({ ...base, sessions: weeklySessions(26, [90, 90]), enrolments: enrolChildren(10) }, AUDE_2026_2027),
    ).toMatchObject({ compliant: false, minWeeks: 27 });
    expect(
      collectifWeeksOfActivity({ ...base, sessions: weeklySessions(27, [90, 90]), enrolments: enrolChildren(10) }, LANDES_2025_2026),
    ).toMatchObject({
      weeksOfActivity: 27,
      compliant: false,
      minWeeks: 28,
    });
  });

  it('R-PS-WEEK: a week with one 90-min session, or a session of 89 min, does not count; cancelled sessions are ignored', () => {
    const sessions = [
      ...weeklySessions(1, [90, 89]),
      ...weeklySessions(1, [90], localDate('2026-11-16')),
      ...weeklySessions(1, [90, 90], localDate('2026-11-23')).map((s, i) => ({ ...s, cancelled: i === 1 })),
    ];
    const r = collectifWeeksOfActivity({ ...base, sessions, enrolments: enrolChildren(10) }, AUDE_2026_2027);
    expect(r.weeks.map((w) => w.counts)).toEqual([false, false, false]);
    expect(r.weeks[1]).toMatchObject({ rhythm: null, enrolled: 10 });
    expect(r.weeks[1].reasons).toHaveLength(1);
    expect(r.weeks[2].sourceEventIds).not.toContain('s-0-1');
    expect(r.heldSessions).toBe(4);
  });

  it('R-PS-WEEK: only sessions within the period count, even in an ISO week the period shares', () => {
    const session = (date: string, minutes: number, id: string, cancelled = false) => ({
      date: localDate(date),
      minutes,
      cancelled,
      eventIds: [id],
    });
    const year = schoolYear('2026-2027');
    // 2026-08-31 is in 2026-2027's ISO week 2026-W36, but before the school year starts on 2026-09-01.
    const sessions = [
      session('2026-10-05', 90, 'a'),
      session('2026-10-08', 90, 'b', true),
      session('2026-08-31', 90, 'old'),
      session('2026-09-01', 90, 'x'),
      session('2026-09-02', 90, 'y'),
    ];
    const r = collectifWeeksOfActivity(
      {
        ...base,
        sessions,
        enrolments: enrolChildren(8, localDate('2026-09-01')),
        period: { from: schoolYearStart(year), to: schoolYearEnd(year) },
      },
      AUDE_2026_2027,
    );
    expect(r.weeks.map((w) => [w.isoWeek, w.sessionMinutes.length, w.counts])).toEqual([
      ['2026-W36', 2, true],
      ['2026-W41', 1, false],
    ]);
    expect(r.weeks[0]).toMatchObject({ checkDay: '2026-09-01' });
    expect(r.weeks[0].sourceEventIds).not.toContain('old');
    expect(r.weeks[1].sourceEventIds).not.toContain('b');
    expect(r.heldSessions).toBe(3);
  });

  it('R-PS-WEEK rural: one session of 120 consecutive minutes is a week of activity, not for an urban collectif', () => {
    const input = { sessions: weeklySessions(1, [120]), enrolments: enrolChildren(6) };
    expect(collectifWeeksOfActivity({ ...input, collectifId: 'R', rural: true }, AUDE_2026_2027).weeks[0]).toMatchObject({
      rhythm: 'rural',
      enrolled: 6,
      groupSize: { status: 'waived', exception: 'rural', min: 5, max: 12 },
      counts: true,
    });
    expect(collectifWeeksOfActivity({ ...input, collectifId: 'U', rural: false }, AUDE_2026_2027).weeks[0]).toMatchObject({
      rhythm: null,
      counts: false,
    });
    // Nor is a single 90-min session a week of activity for a rural collectif.
    const short = { collectifId: 'R', rural: true, sessions: weeklySessions(1, [90]), enrolments: enrolChildren(9) };
    expect(collectifWeeksOfActivity(short, AUDE_2026_2027).weeks[0]).toMatchObject({ rhythm: null, counts: false });
  });

  it('R-PS-WEEK Landes: two sessions of 1 h meet the Landes rhythm, not the national one', () => {
    const input = { ...base, sessions: weeklySessions(1, [60, 60]), enrolments: enrolChildren(10) };
    expect(collectifWeeksOfActivity(input, LANDES_2025_2026).weeks[0].counts).toBe(true);
    expect(collectifWeeksOfActivity(input, AUDE_2026_2027).weeks[0].counts).toBe(false);
  });

  it("R-PS-WEEK: the enrolment is read on the day of the week's first session (a 13th child that day → the week does not count)", () => {
    const enrolments = [
      ...enrolChildren(12),
      { childId: 'late', from: localDate('2026-11-09'), to: localDate('2026-11-09'), eventIds: ['enrol-late'] },
    ];
    const r = collectifWeeksOfActivity({ ...base, sessions: weeklySessions(2, [90, 90]), enrolments }, AUDE_2026_2027);
    expect(r.weeks[0]).toMatchObject({ enrolled: 13, groupSize: { status: 'not_met', max: 12 }, counts: false });
    expect(r.weeks[1]).toMatchObject({ enrolled: 12, counts: true });
  });

  it("R-PS-WEEK: a 13th child enrolled after the week's first session does not spoil that week", () => {
    const enrolments = [...enrolChildren(12), { childId: 'late', from: localDate('2026-11-10'), to: null, eventIds: ['enrol-late'] }];
    const r = collectifWeeksOfActivity({ ...base, sessions: weeklySessions(2, [90, 90]), enrolments }, AUDE_2026_2027);
    expect(r.weeks[0]).toMatchObject({ checkDay: '2026-11-09', enrolled: 12, counts: true });
    expect(r.weeks[0].sourceEventIds).not.toContain('enrol-late');
    expect(r.weeks[1]).toMatchObject({ enrolled: 13, counts: false });
  });

  it('R-PS-WEEK Aude: 6 children including one needing reinforced attention → the week counts by the disability exception', () => {
    const enrolments = [
      ...enrolChildren(5),
      { childId: 'c6', from: localDate('2026-11-01'), to: null, needsReinforcedAttention: true, eventIds: ['e6'] },
    ];
    const r = collectifWeeksOfActivity({ ...base, sessions: weeklySessions(1, [90, 90]), enrolments }, AUDE_2026_2027);
    expect(r.weeks[0].groupSize).toMatchObject({ status: 'waived', exception: 'disability', min: 5 });
    expect(r.weeks[0].counts).toBe(true);
    // No such exception in the Landes (000), nor in Aude without such a child.
    expect(
      collectifWeeksOfActivity({ ...base, sessions: weeklySessions(1, [90, 90]), enrolments }, LANDES_2025_2026).weeks[0],
    ).toMatchObject({
      groupSize: { status: 'not_met', min: 8 },
      counts: false,
    });
    expect(
      collectifWeeksOfActivity({ ...base, sessions: weeklySessions(1, [90, 90]), enrolments: enrolChildren(6) }, AUDE_2026_2027).weeks[0],
    ).toMatchObject({
      groupSize: { status: 'not_met', min: 8, exception: null },
      counts: false,
    });
  });

  it('R-PS-WEEK: a child who leaves and is replaced keeps the group in bounds; explanations carry the event ids', () => {
    const enrolments = [
      ...enrolChildren(7),
      { childId: 'leaver', from: localDate('2026-11-01'), to: localDate('2026-11-10'), eventIds: ['enrol-leaver'] },
      { childId: 'replacement', from: localDate('2026-11-11'), to: null, eventIds: ['enrol-replacement'] },
    ];
    const r = collectifWeeksOfActivity({ ...base, sessions: weeklySessions(2, [90, 90]), enrolments }, AUDE_2026_2027);
    expect(r.weeks.map((w) => w.enrolled)).toEqual([8, 8]);
    expect(r.weeks[0].sourceEventIds).toContain('enrol-leaver');
    expect(r.weeks[1].sourceEventIds).toContain('enrol-replacement');
    expect(r.explanation.children).toHaveLength(2);
  });

  it('R-PS-WEEK (property): the count ignores session order, there is one line per ISO week held, none counts outside the group bounds', () => {
    const arb = fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 364 }), minutes: fc.integer({ min: 30, max: 150 }), cancelled: fc.boolean() }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 4, max: 14 }), (raw, n) => {
        const sessions = raw.map((s, i) => ({
          date: addDays(localDate('2026-09-01'), s.day),
          minutes: s.minutes,
          cancelled: s.cancelled,
          eventIds: [`s${i}`],
        }));
        const input = { ...base, sessions, enrolments: enrolChildren(n, localDate('2026-09-01')) };
        const r = collectifWeeksOfActivity(input, AUDE_2026_2027);
        const reversed = collectifWeeksOfActivity({ ...input, sessions: [...sessions].reverse() }, AUDE_2026_2027);
        expect(reversed.weeksOfActivity).toBe(r.weeksOfActivity);
        expect(reversed.weeks.map((w) => [w.isoWeek, w.counts])).toEqual(r.weeks.map((w) => [w.isoWeek, w.counts]));
        const distinctWeeks = new Set(sessions.filter((s) => !s.cancelled).map((s) => isoWeekOf(s.date))).size;
        expect(r.weeks).toHaveLength(distinctWeeks);
        if (n < 8 || n > 12) expect(r.weeksOfActivity).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe('weeks of activity, computed once per facts (R-PS-WEEK memo)', () => {
  it('R-PS-WEEK: the same facts give the same result object; other enrolments, period or rhythm are never served from it', () => {
    const sessions = weeklySessions(27, [90, 90]);
    const enrolments = enrolChildren(10);
    const first = collectifWeeksOfActivity({ ...base, sessions, enrolments }, AUDE_2026_2027);
    expect(collectifWeeksOfActivity({ ...base, sessions, enrolments }, AUDE_2026_2027)).toBe(first);
    const fewer = collectifWeeksOfActivity({ ...base, sessions, enrolments: enrolChildren(4) }, AUDE_2026_2027);
    expect(fewer.weeksOfActivity).toBe(0);
    expect(first.weeksOfActivity).toBe(27);
    const shortPeriod = collectifWeeksOfActivity(
      { ...base, sessions, enrolments, period: { from: sessions[0]!.date, to: addDays(sessions[0]!.date, 6) } },
      AUDE_2026_2027,
    );
    expect(shortPeriod.weeks).toHaveLength(1);
    expect(collectifWeeksOfActivity({ ...base, sessions, enrolments }, LANDES_2025_2026).minWeeks).toBe(LANDES_2025_2026.rhythm.minWeeks);
    expect(collectifWeeksOfActivity({ ...base, rural: true, sessions, enrolments }, AUDE_2026_2027)).not.toBe(first);
  });
});
