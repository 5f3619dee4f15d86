import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { eurosToCents } from '../../shared/money.js';
import { sourced } from '../facts/sourced.js';
import { forecastPs } from './ps-forecast.rule.js';

describe('domain.md §9 worked examples, to the cent', () => {
  it('example 1 — Aude 2026-2027, urban, 2 collectifs, 18 000 €: cap applies, bonus enfants ×2, forecast 6 293,80 € (R-PS-FORMULA, R-PS-CAP, R-PS-BONUS, R-PS-80)', () => {
    const s = forecastPs({
      parameters: AUDE_2026_2027,
      campaignEventIds: ['evt-campaign-11'],
      approvedCollectifs: sourced(2, ['evt-decision']),
      plannedTotalCost: sourced(eurosToCents('18000'), ['evt-application']),
      bonusEnfantsCollectifs: sourced(2, ['evt-decision']),
      otherCafFunding: sourced(0, ['evt-application']),
    });
    expect(s.costPerCollectif).toEqual({ numerator: 1_800_000, denominator: 2 });
    expect(s.capApplied).toBe(true);
    expect(s.psPerCollectif).toBe(eurosToCents('2811,90'));
    expect(s.ps).toBe(eurosToCents('5623,80'));
    expect(s.bonuses.enfants.amount).toBe(eurosToCents('670'));
    expect(s.bonuses.parents.amount).toBe(0);
    expect(s.reduction80.ceiling).toBe(eurosToCents('14400'));
    expect(s.reduction80.reduction).toBe(0);
    expect(s.payable).toBe(eurosToCents('6293,80'));
    expect(s.parameters.campaignEventIds).toEqual(['evt-campaign-11']);
    expect(s.explanation.sourceEventIds).toEqual(expect.arrayContaining(['evt-campaign-11', 'evt-decision', 'evt-application']));
  });

  it('example 2 — Landes 2025-2026, rural, 1 collectif, 3 000 €, other Caf 1 500 €, bonus parents: reduction 404,00 €, forecast 900,00 € (R-PS-80)', () => {
    const s = forecastPs({
      parameters: LANDES_2025_2026,
      approvedCollectifs: sourced(1, ['evt-decision']),
      plannedTotalCost: sourced(eurosToCents('3000'), ['evt-application']),
      bonusParentsCollectifs: sourced(1, ['evt-decision']),
      otherCafFunding: sourced(eurosToCents('1500'), ['evt-application']),
    });
    expect(s.capApplied).toBe(false);
    expect(s.ps).toBe(eurosToCents('975'));
    expect(s.reduction80.beforeReduction).toBe(eurosToCents('1304'));
    expect(s.reduction80.ceiling).toBe(eurosToCents('900'));
    expect(s.reduction80.reduction).toBe(eurosToCents('404'));
    expect(s.payable).toBe(eurosToCents('900'));
  });

  it('example 3 — the corrected decision (2 → 3 approved collectifs, same cost) changes the forecast by exactly one collectif line where the cap binds (R-PS-FORMULA)', () => {
    const forecastWith = (n: number) =>
      forecastPs({
        parameters: AUDE_2026_2027,
        approvedCollectifs: sourced(n, [`evt-decision-${n}`]),
        plannedTotalCost: sourced(eurosToCents('30000'), ['evt-application']),
      });
    const two = forecastWith(2);
    const three = forecastWith(3);
    // 30 000 / 2 = 15 000 > cap → 2 × 2 811,90; 30 000 / 3 = 10 000 > cap → 3 × 2 811,90.
    expect(two.ps).toBe(eurosToCents('5623,80'));
    expect(three.ps).toBe(eurosToCents('8435,70'));
    expect(three.ps - two.ps).toBe(eurosToCents('2811,90'));
    expect(three.collectifLines).toHaveLength(3);
  });

  it('example 3 bis — same cost below the cap: 2 → 3 collectifs spreads the cost and the PS only moves by rounding (R-PS-FORMULA)', () => {
    const forecastWith = (n: number) =>
      forecastPs({ parameters: AUDE_2026_2027, approvedCollectifs: sourced(n, []), plannedTotalCost: sourced(1_000_000, []) });
    // 10 000 € / 2 = 5 000 → 1 625,00 × 2 = 3 250,00; 10 000 € / 3 = 3 333,33… → 1 083,333… → 1 083,33 × 3 = 3 249,99.
    expect(forecastWith(2).ps).toBe(325_000);
    expect(forecastWith(3).psPerCollectif).toBe(108_333);
    expect(forecastWith(3).ps).toBe(324_999);
  });
});
