import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { localDate } from '../../shared/calendar-date.js';
import { eurosToCents } from '../../shared/money.js';
import { sourced } from '../facts/sourced.js';
import { collectif } from '../facts/testing/project-facts.fixtures.js';
import { actualPs, type ActualPsInput } from './ps-actual.rule.js';

const input = (overrides: Partial<ActualPsInput>): ActualPsInput => ({
  parameters: AUDE_2026_2027,
  approvedCollectifs: sourced(2, ['evt-decision']),
  actualTotalCost: sourced(eurosToCents('15000'), ['evt-bilan']),
  rural: false,
  collectifs: [collectif('A', 30), collectif('B', 30)],
  ...overrides,
});

describe('actual PS at the bilan (R-PS-ACTUAL)', () => {
  it('R-PS-ACTUAL: two compliant collectifs on 15 000 € → 7 500 € each, 2 × 2 437,50 €', () => {
    const s = actualPs(input({}));
    expect(s.kind).toBe('actual');
    expect(s.costPerCollectif).toEqual({ numerator: 1_500_000, denominator: 2 });
    expect(s.psPerCollectif).toBe(243_750);
    expect(s.ps).toBe(487_500);
    expect(s.collectifLines.map((l) => [l.collectifId, l.compliant, l.counted, l.weeks?.weeksOfActivity])).toEqual([
      ['A', true, true, 30],
      ['B', true, true, 30],
    ]);
  });

  it('R-PS-ACTUAL: a collectif that ran but not in compliance shares the cost and gets no PS line', () => {
    const s = actualPs(input({ collectifs: [collectif('A', 30), collectif('B', 20)] }));
    // cost per collectif still ÷ 2 (both held sessions); only A counts.
    expect(s.costPerCollectif).toEqual({ numerator: 1_500_000, denominator: 2 });
    expect(s.collectifsCounted).toBe(1);
    expect(s.ps).toBe(243_750);
    expect(s.collectifLines[1]).toMatchObject({ collectifId: 'B', held: true, compliant: false, counted: false, amount: 0 });
  });

  it('R-PS-ACTUAL: a collectif that never met does not divide the cost', () => {
    const never = collectif('C', 0);
    const s = actualPs(input({ collectifs: [collectif('A', 30), never] }));
    expect(s.costPerCollectif).toEqual({ numerator: 1_500_000, denominator: 1 });
    expect(s.capApplied).toBe(true);
    expect(s.ps).toBe(281_190);
  });

  it('R-PS-ACTUAL: never more collectifs than approved, even when more ran in compliance', () => {
    const s = actualPs(
      input({
        approvedCollectifs: sourced(2, []),
        actualTotalCost: sourced(eurosToCents('15000'), []),
        collectifs: [collectif('A', 30), collectif('B', 30), collectif('C', 30)],
      }),
    );
    expect(s.collectifsCounted).toBe(2);
    expect(s.collectifLines.map((l) => l.counted)).toEqual([true, true, false]);
    expect(s.ps).toBe(2 * 162_500);
  });

  it('R-PS-ACTUAL: a bonus granted on 2 collectifs is paid on min(2, compliant) = 1', () => {
    const s = actualPs(
      input({ collectifs: [collectif('A', 30), collectif('B', 10)], bonusEnfantsCollectifs: sourced(2, ['evt-decision']) }),
    );
    expect(s.bonuses.enfants).toMatchObject({ collectifs: 1, amount: 33_500 });
    expect(s.bonuses.enfants.explanation.note).toMatch(/granted on 2/);
  });

  it('R-PS-ACTUAL then R-PS-80 on the actual cost, then R-PS-PAYMENTS: an advance above the payable is to recover', () => {
    const s = actualPs(
      input({
        actualTotalCost: sourced(eurosToCents('4000'), ['evt-bilan']),
        otherCafFunding: sourced(eurosToCents('2500'), ['evt-bilan']),
        payments: [
          { paymentId: 'adv', date: localDate('2026-12-01'), amount: eurosToCents('1000'), kind: 'advance', eventIds: ['evt-adv'] },
        ],
        at: localDate('2027-09-30'),
      }),
    );
    // PS 2 × round(0.325 × 2 000 €) = 1 300 €; ceiling 3 200 − 2 500 = 700 € → reduction 600 €.
    expect(s.ps).toBe(130_000);
    expect(s.reduction80).toMatchObject({ ceiling: 70_000, reduction: 60_000 });
    expect(s.payable).toBe(70_000);
    expect(s.due).toBe(-30_000);
    expect(s.toRecover).toBe(30_000);
    expect(s.explanation.sourceEventIds).toEqual(expect.arrayContaining(['evt-decision', 'evt-bilan', 'evt-adv', 'A-0-0']));
  });
});
