import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { conventionPeriod } from '../../convention/convention-period.rule.js';
import {
  type ConventionFoldEvent,
  type ConventionState,
  evolveConvention,
  initialConventionState,
} from '../../convention/convention.state.js';
import { makeEvent } from '../../events/catalogue.js';
import type { ConventionEvent } from '../../events/convention.events.js';
import type { Cents } from '../../shared/money.js';
import { paris } from '../../testing/fixtures.js';
import { projectionSpec } from '../../testing/projection-specification.js';
import { conventionAt, type ConventionViewFacts } from './convention-view.rule.js';
import { d, fullBilan, src, sy } from './testing/convention.fixtures.js';

const REF = { conventionId: 'cof-1', operatorId: 'op-1', cafCode: '11' };
const PERIOD = conventionPeriod(sy('2026-2027'), 3);
const TERMS = { startDate: d('2026-10-05'), collectifs: 2, children: 24, weeks: 28 };

/** A convention event as read from the log: dated `on` (its business date) with its id. */
function ev<T extends ConventionEvent['type']>(
  type: T,
  data: Omit<Extract<ConventionEvent, { type: T }>['data'], keyof typeof REF>,
  on: string,
  id: string,
): ConventionFoldEvent {
  return { ...makeEvent(type, { ...REF, ...data } as never, paris(on)), eventId: id } as ConventionFoldEvent;
}

const spec = projectionSpec({ initial: initialConventionState, evolve: evolveConvention });
const fold = (events: readonly ConventionFoldEvent[]): ConventionState => spec.given(events, 'cof-1').state;

const events: ConventionFoldEvent[] = [
  ev(
    'ConventionRequested',
    {
      projectIds: ['primary'],
      period: PERIOD,
      terms: TERMS,
      operatorKind: 'association',
      priorApprovedSchoolYears: 2,
      requestedOn: d('2026-06-10'),
    },
    '2026-06-10',
    'e-req',
  ),
  ev('ConventionSigned', { period: PERIOD, terms: TERMS, signedOn: d('2026-07-15') }, '2026-07-15', 'e-sign'),
  ev(
    'YearlyCollectifsNotified',
    { schoolYear: sy('2026-2027'), collectifs: 2, collectifIds: [], previousBilanReceived: null, notifiedOn: d('2026-07-20') },
    '2026-07-20',
    'e-notif-26',
  ),
  ev(
    'ConventionAmendmentRequested',
    { amendmentId: 'A1', changes: { children: 26 }, reason: 'more children', requestedOn: d('2026-11-02') },
    '2026-11-02',
    'e-a1',
  ),
  ev(
    'ConventionAmendmentValidated',
    { amendmentId: 'A1', changes: { children: 26 }, terms: { ...TERMS, children: 26 }, validatedOn: d('2026-12-01') },
    '2026-12-01',
    'e-a1-ok',
  ),
  ev(
    'ConventionAmendmentRequested',
    { amendmentId: 'A2', changes: { weeks: 30 }, reason: 'longer year', requestedOn: d('2027-01-15') },
    '2027-01-15',
    'e-a2',
  ),
  ev(
    'ConventionAmendmentRefused',
    { amendmentId: 'A2', reason: 'holidays not counted', refusedOn: d('2027-02-01') },
    '2027-02-01',
    'e-a2-no',
  ),
  ev(
    'ConventionAmendmentRequested',
    { amendmentId: 'A3', changes: { startDate: d('2027-10-04'), collectifs: 3 }, reason: 'second collectif', requestedOn: d('2027-03-01') },
    '2027-03-01',
    'e-a3',
  ),
  ev(
    'YearlyCollectifsNotified',
    { schoolYear: sy('2027-2028'), collectifs: 3, collectifIds: [], previousBilanReceived: true, notifiedOn: d('2027-07-10') },
    '2027-07-10',
    'e-notif-27',
  ),
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
  convention: fold(events),
  ...ps,
  bilans: fullBilan('primary', '2026-2027', '2027-07-05', 'b26'),
  ...extra,
});

describe('convention view at a date (R-CONV-3, R-CONV-4)', () => {
  it('R-CONV-4: before any request there is no convention; requested but not signed shows no years', () => {
    expect(conventionAt(facts('2026-06-01'))).toBeNull();
    expect(conventionAt(facts('2026-07-01'))).toMatchObject({
      status: 'requested',
      signed: null,
      years: [],
      nextYear: null,
      yearsCovered: ['2026-2027', '2027-2028', '2028-2029'],
    });
  });

  it('R-CONV-4: signed and not started — upcoming, the first year can go on without a bilan', () => {
    const v = conventionAt(facts('2026-08-01'));
    expect(v).toMatchObject({
      status: 'upcoming',
      signed: { on: '2026-07-15' },
      period: { firstYear: '2026-2027', years: 3, lastYear: '2028-2029', from: '2026-09-01', to: '2029-08-31' },
    });
    expect(v?.nextYear).toMatchObject({ schoolYear: '2026-2027', canContinue: true });
  });

  it('R-CONV-3: a pending amendment does not change the effective values', () => {
    const v = conventionAt(facts('2026-11-15'));
    expect(v?.amendments).toEqual([
      {
        amendmentId: 'A1',
        requestedOn: '2026-11-02',
        changes: { children: 26 },
        status: 'pending',
        decidedOn: null,
        refusalReason: null,
        eventIds: ['e-a1'],
      },
    ]);
    expect(v?.effective.children).toEqual({ value: 24, eventIds: ['e-sign'] });
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
      startDate: { value: '2026-10-05', eventIds: ['e-sign'] },
      collectifs: { value: 2, eventIds: ['e-sign'] },
      children: { value: 26, eventIds: ['e-a1', 'e-a1-ok'] },
      weeksOfActivity: { value: 28, eventIds: ['e-sign'] },
    });
    expect(v?.pendingChanges).toEqual({ startDate: '2027-10-04', collectifs: 3 });
  });

  it('R-CONV-4: per year — collectifs notified, PS forecast and paid at the date, and whether each year can go on', () => {
    const v = conventionAt(facts('2027-10-20'));
    expect(v?.status).toBe('active');
    expect(
      v?.years.map((y) => [
        y.schoolYear,
        y.collectifsNotified?.value ?? null,
        y.collectifs.value,
        y.psForecast?.value ?? null,
        y.psPaid.value,
        y.continuation.canContinue,
      ]),
    ).toEqual([
      ['2026-2027', 2, 2, 562380, 562380, true],
      ['2027-2028', 3, 3, 843570, 0, true],
      ['2028-2029', null, 2, null, 0, false],
    ]);
    expect(v?.years[0].psPaid.eventIds).toEqual(['e-pay-1', 'e-pay-2']);
    // In 2027-2028, the next year needs the 2027-2028 bilan, not filed yet.
    expect(v?.nextYear).toMatchObject({
      schoolYear: '2028-2029',
      canContinue: false,
      previousBilanReceived: false,
      reasons: [{ code: 'PREVIOUS_BILAN_MISSING' }],
    });
    // As known earlier, only the advance was paid and the second year's forecast was not decided.
    const earlier = conventionAt(facts('2027-09-30'));
    expect(earlier?.years.map((y) => [y.psForecast?.value ?? null, y.psPaid.value])).toEqual([
      [562380, 300000],
      [null, 0],
      [null, 0],
    ]);
  });

  it('R-CONV-2 / R-CONV-4: the next year can go on once the previous year’s bilan is received and compliant', () => {
    expect(conventionAt(facts('2027-07-01'))?.nextYear).toMatchObject({
      schoolYear: '2027-2028',
      canContinue: false,
      previousBilanReceived: false,
    });
    expect(conventionAt(facts('2027-08-01'))?.nextYear).toMatchObject({
      schoolYear: '2027-2028',
      canContinue: true,
      previousBilanReceived: true,
    });
  });

  it('R-CONV-4: terminated, ended and refused conventions have no next year', () => {
    const terminated = conventionAt(
      facts('2028-02-01', {
        convention: fold([
          ...events,
          ev('ConventionTerminated', { reason: 'operator dissolved', terminatedOn: d('2028-01-10') }, '2028-01-10', 'e-end'),
        ]),
      }),
    );
    expect(terminated).toMatchObject({
      status: 'terminated',
      terminated: { on: '2028-01-10', reason: 'operator dissolved' },
      nextYear: null,
    });
    expect(conventionAt(facts('2029-09-15'))).toMatchObject({ status: 'ended', nextYear: null });
    const refused = conventionAt(
      facts('2026-08-01', {
        convention: fold([
          events[0]!,
          ev('ConventionRefused', { reason: 'R-CONV-SUPPORT', ruleId: 'R-CONV-SUPPORT', refusedOn: d('2026-07-15') }, '2026-07-15', 'e-no'),
        ]),
      }),
    );
    expect(refused).toMatchObject({ status: 'refused', refused: { reason: 'R-CONV-SUPPORT' }, years: [], nextYear: null });
  });

  it('R-CONV-3: a decision dated before its request is reported as an anomaly, not thrown', () => {
    const odd = [
      ...events,
      ev(
        'ConventionAmendmentRequested',
        { amendmentId: 'late', changes: { weeks: 32 }, reason: 'late', requestedOn: d('2027-06-01') },
        '2027-06-01',
        'e-late',
      ),
      ev(
        'ConventionAmendmentValidated',
        { amendmentId: 'late', changes: { weeks: 32 }, terms: { ...TERMS, weeks: 32 }, validatedOn: d('2027-04-02') },
        '2027-04-02',
        'e-late-ok',
      ),
    ];
    const v = conventionAt(facts('2027-05-01', { convention: fold(odd) }));
    expect(v?.anomalies).toEqual(['amendment late decided on 2027-04-02 but never requested']);
    expect(v?.amendments.map((a) => a.amendmentId)).toEqual(['A1', 'A2', 'A3']);
    expect(v?.effective.weeksOfActivity.value).toBe(28);
  });

  it('R-CONV-3 (property): effective values are the base overridden by validated amendments only, in the order of their validation dates', () => {
    const arb = fc.array(
      fc.record({ children: fc.integer({ min: 5, max: 40 }), outcome: fc.constantFrom('validated', 'refused', 'pending') }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, (amendments) => {
        const list: ConventionFoldEvent[] = [events[0]!, events[1]!];
        amendments.forEach((a, i) => {
          const on = `2026-1${i % 3}-0${(i % 8) + 1}`;
          list.push(
            ev(
              'ConventionAmendmentRequested',
              { amendmentId: `X${i}`, changes: { children: a.children }, reason: 'r', requestedOn: d(on) },
              on,
              `r${i}`,
            ),
          );
          if (a.outcome === 'validated')
            list.push(
              ev(
                'ConventionAmendmentValidated',
                { amendmentId: `X${i}`, changes: { children: a.children }, terms: { ...TERMS, children: a.children }, validatedOn: d(on) },
                on,
                `v${i}`,
              ),
            );
          if (a.outcome === 'refused')
            list.push(ev('ConventionAmendmentRefused', { amendmentId: `X${i}`, reason: 'no', refusedOn: d(on) }, on, `n${i}`));
        });
        const v = conventionAt({ at: d('2027-01-01'), convention: fold(list), psForecasts: [], psPayments: [], bilans: [] });
        // Validation order is the order of the validation dates (same day: request order).
        const validated = amendments
          .map((a, i) => ({ ...a, on: `2026-1${i % 3}-0${(i % 8) + 1}` }))
          .filter((a) => a.outcome === 'validated');
        validated.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
        expect(v?.effective.children.value).toBe(validated.length === 0 ? 24 : validated[validated.length - 1].children);
        expect(v?.amendments.filter((a) => a.status === 'pending')).toHaveLength(amendments.filter((a) => a.outcome === 'pending').length);
      }),
      { numRuns: 100 },
    );
  });
});
