import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Cents } from '../../shared/money.js';
import type { Sourced } from '../facts/sourced.js';
import { type ConventionFact, conventionAt, type ConventionViewFacts } from './convention-view.rule.js';
import { d, fullBilan, src, sy } from './testing/convention.fixtures.js';

const ev = (fact: ConventionFact, id: string): Sourced<ConventionFact> => src(fact, id);

const events: Sourced<ConventionFact>[] = [
  ev(
    { type: 'requested', on: d('2026-06-10'), conventionId: 'cof-1', operatorId: 'op-1', projectIds: ['primary'], firstYear: sy('2026-2027'), years: 3, values: { startDate: d('2026-10-05'), collectifs: 2, children: 24, weeksOfActivity: 28 } },
    'e-req',
  ),
  ev({ type: 'signed', on: d('2026-07-15'), firstYear: sy('2026-2027'), years: 3, values: null }, 'e-sign'),
  ev({ type: 'collectifs_notified', on: d('2026-07-20'), schoolYear: sy('2026-2027'), collectifs: 2 }, 'e-notif-26'),
  ev({ type: 'amendment_requested', on: d('2026-11-02'), amendmentId: 'A1', changes: { children: 26 } }, 'e-a1'),
  ev({ type: 'amendment_validated', on: d('2026-12-01'), amendmentId: 'A1' }, 'e-a1-ok'),
  ev({ type: 'amendment_requested', on: d('2027-01-15'), amendmentId: 'A2', changes: { weeksOfActivity: 30 } }, 'e-a2'),
  ev({ type: 'amendment_refused', on: d('2027-02-01'), amendmentId: 'A2', reason: 'holidays not counted' }, 'e-a2-no'),
  ev({ type: 'amendment_requested', on: d('2027-03-01'), amendmentId: 'A3', changes: { startDate: d('2027-10-04'), collectifs: 3 } }, 'e-a3'),
  ev({ type: 'collectifs_notified', on: d('2027-07-10'), schoolYear: sy('2027-2028'), collectifs: 3 }, 'e-notif-27'),
];

const ps = {
  psForecasts: [
    src({ schoolYear: sy('2026-2027'), decidedOn: d('2026-10-05'), amount: 562380 as Cents }, 'e-ps-26'),
    src({ schoolYear: sy('2027-2028'), decidedOn: d('2027-10-04'), amount: 843570 as Cents }, 'e-ps-27'),
  ],
  psPayments: [
    src({ schoolYear: sy('2026-2027'), paidOn: d('2026-12-01'), amount: 300000 as Cents }, 'e-pay-1'),
    src({ schoolYear: sy('2026-2027'), paidOn: d('2027-10-15'), amount: 262380 as Cents }, 'e-pay-2'),
  ],
};

const facts = (at: string, extra: Partial<ConventionViewFacts> = {}): ConventionViewFacts => ({
  at: d(at),
  events,
  ...ps,
  bilans: fullBilan('primary', '2026-2027', '2027-07-05', 'b26'),
  ...extra,
});

describe('convention view at a date (R-CONV-3, R-CONV-4)', () => {
  it('R-CONV-4: before any request there is no convention; requested but not signed shows no years', () => {
    expect(conventionAt(facts('2026-06-01'))).toBeNull();
    expect(conventionAt(facts('2026-07-01'))).toMatchObject({ status: 'requested', signed: null, years: [], nextYear: null, yearsCovered: ['2026-2027', '2027-2028', '2028-2029'] });
  });

  it('R-CONV-4: signed and not started — upcoming, the first year can go on without a bilan', () => {
    const v = conventionAt(facts('2026-08-01'));
    expect(v).toMatchObject({ status: 'upcoming', signed: { on: '2026-07-15' }, period: { firstYear: '2026-2027', years: 3, lastYear: '2028-2029', from: '2026-09-01', to: '2029-08-31' } });
    expect(v?.nextYear).toMatchObject({ schoolYear: '2026-2027', canContinue: true });
  });

  it('R-CONV-3: a pending amendment does not change the effective values', () => {
    const v = conventionAt(facts('2026-11-15'));
    expect(v?.amendments).toEqual([{ amendmentId: 'A1', requestedOn: '2026-11-02', changes: { children: 26 }, status: 'pending', decidedOn: null, refusalReason: null, eventIds: ['e-a1'] }]);
    expect(v?.effective.children).toEqual({ value: 24, eventIds: ['e-req'] });
    expect(v?.pendingChanges).toEqual({ children: 26 });
  });

  it('R-CONV-3: validated changes take effect from their validation; refused ones never; later requests stay pending', () => {
    const v = conventionAt(facts('2027-03-10'));
    expect(v?.amendments.map((a) => [a.amendmentId, a.status, a.decidedOn, a.refusalReason])).toEqual([
      ['A1', 'validated', '2026-12-01', null],
      ['A2', 'refused', '2027-02-01', 'holidays not counted'],
      ['A3', 'pending', null, null],
    ]);
    expect(v?.effective).toEqual({
      startDate: { value: '2026-10-05', eventIds: ['e-req'] },
      collectifs: { value: 2, eventIds: ['e-req'] },
      children: { value: 26, eventIds: ['e-a1', 'e-a1-ok'] },
      weeksOfActivity: { value: 28, eventIds: ['e-req'] },
    });
    expect(v?.pendingChanges).toEqual({ startDate: '2027-10-04', collectifs: 3 });
  });

  it('R-CONV-4: per year — collectifs notified, PS forecast and paid at the date, and whether each year can go on', () => {
    const v = conventionAt(facts('2027-10-20'));
    expect(v?.status).toBe('active');
    expect(
      v?.years.map((y) => [y.schoolYear, y.collectifsNotified?.value ?? null, y.collectifs.value, y.psForecast?.value ?? null, y.psPaid.value, y.continuation.canContinue]),
    ).toEqual([
      ['2026-2027', 2, 2, 562380, 562380, true],
      ['2027-2028', 3, 3, 843570, 0, true],
      ['2028-2029', null, 2, null, 0, false],
    ]);
    expect(v?.years[0].psPaid.eventIds).toEqual(['e-pay-1', 'e-pay-2']);
    // In 2027-2028, the next year needs the 2027-2028 bilan, not filed yet.
    expect(v?.nextYear).toMatchObject({ schoolYear: '2028-2029', canContinue: false, previousBilanReceived: false, reasons: [{ code: 'PREVIOUS_BILAN_MISSING' }] });
    // As known earlier, only the advance was paid and the second year's forecast was not decided.
    const earlier = conventionAt(facts('2027-09-30'));
    expect(earlier?.years.map((y) => [y.psForecast?.value ?? null, y.psPaid.value])).toEqual([
      [562380, 300000],
      [null, 0],
      [null, 0],
    ]);
  });

  it('R-CONV-2 / R-CONV-4: the next year can go on once the previous year’s bilan is received and compliant', () => {
    expect(conventionAt(facts('2027-07-01'))?.nextYear).toMatchObject({ schoolYear: '2027-2028', canContinue: false, previousBilanReceived: false });
    expect(conventionAt(facts('2027-08-01'))?.nextYear).toMatchObject({ schoolYear: '2027-2028', canContinue: true, previousBilanReceived: true });
  });

  it('R-CONV-4: terminated, ended and refused conventions have no next year', () => {
    const terminated = conventionAt(facts('2028-02-01', { events: [...events, ev({ type: 'terminated', on: d('2028-01-10'), reason: 'operator dissolved' }, 'e-end')] }));
    expect(terminated).toMatchObject({ status: 'terminated', terminated: { on: '2028-01-10', reason: 'operator dissolved' }, nextYear: null });
    expect(conventionAt(facts('2029-09-15'))).toMatchObject({ status: 'ended', nextYear: null });
    const refused = conventionAt(facts('2026-08-01', { events: [events[0], ev({ type: 'refused', on: d('2026-07-15'), reason: 'R-CONV-SUPPORT' }, 'e-no')] }));
    expect(refused).toMatchObject({ status: 'refused', refused: { reason: 'R-CONV-SUPPORT' }, years: [], nextYear: null });
  });

  it('R-CONV-3: facts that do not fit are reported as anomalies, not thrown', () => {
    const odd = [
      ...events,
      ev({ type: 'amendment_validated', on: d('2027-04-01'), amendmentId: 'A2' }, 'e-a2-again'),
      ev({ type: 'amendment_validated', on: d('2027-04-02'), amendmentId: 'ghost' }, 'e-ghost'),
    ];
    const v = conventionAt(facts('2027-05-01', { events: odd }));
    expect(v?.anomalies).toEqual(['amendment A2 decided again on 2027-04-01 (already refused)', 'amendment ghost decided on 2027-04-02 but never requested']);
    expect(v?.effective.weeksOfActivity.value).toBe(28);
  });

  it('R-CONV-3 (property): effective values are the base overridden by validated amendments only, in validation order', () => {
    const arb = fc.array(fc.record({ children: fc.integer({ min: 5, max: 40 }), outcome: fc.constantFrom('validated', 'refused', 'pending') }), { maxLength: 8 });
    fc.assert(
      fc.property(arb, (amendments) => {
        const list: Sourced<ConventionFact>[] = [events[0], events[1]];
        amendments.forEach((a, i) => {
          const on = d(`2026-1${i % 3}-0${(i % 8) + 1}`);
          list.push(ev({ type: 'amendment_requested', on, amendmentId: `X${i}`, changes: { children: a.children } }, `r${i}`));
          if (a.outcome === 'validated') list.push(ev({ type: 'amendment_validated', on, amendmentId: `X${i}` }, `v${i}`));
          if (a.outcome === 'refused') list.push(ev({ type: 'amendment_refused', on, amendmentId: `X${i}`, reason: 'no' }, `n${i}`));
        });
        const v = conventionAt({ at: d('2027-01-01'), events: list, psForecasts: [], psPayments: [], bilans: [] });
        const validated = amendments.filter((a) => a.outcome === 'validated');
        expect(v?.effective.children.value).toBe(validated.length === 0 ? 24 : validated[validated.length - 1].children);
        expect(v?.amendments.filter((a) => a.status === 'pending')).toHaveLength(amendments.filter((a) => a.outcome === 'pending').length);
      }),
      { numRuns: 100 },
    );
  });
});
