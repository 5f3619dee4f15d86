import { describe, expect, it } from '@jest/globals';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { localDate } from '../../shared/calendar-date.js';
import { eurosToCents } from '../../shared/money.js';
import { sourced } from '../facts/sourced.js';
import { forecastPs } from './ps-forecast.rule.js';

describe('forecast PS and its explanation (R-PS-EXPLAIN)', () => {
  const s = forecastPs({
    parameters: LANDES_2025_2026,
    campaignEventIds: ['evt-campaign-40'],
    approvedCollectifs: sourced(2, ['evt-decision']),
    plannedTotalCost: sourced(eurosToCents('20000'), ['evt-application']),
    bonusEnfantsCollectifs: sourced(2, ['evt-decision']),
    bonusParentsCollectifs: sourced(1, ['evt-decision']),
    otherCafFunding: sourced(0, []),
    payments: [
      { paymentId: 'adv', date: localDate('2025-12-01'), amount: eurosToCents('3000'), kind: 'advance', eventIds: ['evt-adv'] },
      { paymentId: 'bal', date: localDate('2026-09-20'), amount: eurosToCents('1000'), kind: 'balance', eventIds: ['evt-bal'] },
    ],
    at: localDate('2026-01-31'),
  });

  it('R-PS-EXPLAIN: the parameters used cite the campaign event and the seed passages', () => {
    expect(s.parameters).toMatchObject({
      cafCode: '40',
      schoolYear: '2025-2026',
      priceCapPerCollectif: 848_700,
      maxPsPerCollectif: 275_828,
      campaignEventIds: ['evt-campaign-40'],
    });
    expect(s.parameters.sources.priceCapPerCollectif).toMatch(/8 487 €/);
  });

  it('R-PS-EXPLAIN: per-collectif lines with their rule ids, the cap, the bonuses and the 80 % line', () => {
    expect(s.collectifLines).toHaveLength(2);
    expect(s.collectifLines[0]).toMatchObject({
      amount: 275_828,
      ruleIds: ['R-PS-RATE', 'R-PS-CAP', 'R-PS-FORMULA'],
      sourceEventIds: ['evt-application', 'evt-decision'],
    });
    expect(s.capApplied).toBe(true);
    expect(s.bonuses.enfants.amount).toBe(65_800);
    expect(s.bonuses.parents.amount).toBe(32_900);
    expect(s.reduction80.reduction).toBe(0);
    expect(s.payable).toBe(2 * 275_828 + 98_700);
  });

  it('R-PS-PAYMENTS in the statement: only the advance is paid by 2026-01-31', () => {
    expect(s.payments.paid).toBe(300_000);
    expect(s.due).toBe(s.payable - 300_000);
    expect(s.payments.paymentsCounted.map((p) => p.paymentId)).toEqual(['adv']);
  });

  it('R-PS-EXPLAIN: the explanation tree names every rule it applied', () => {
    expect(s.explanation.ruleId).toBe('R-PS-EXPLAIN');
    expect(s.explanation.children?.map((c) => c.ruleId)).toEqual(['R-PS-FORMULA', 'R-PS-BONUS', 'R-PS-BONUS', 'R-PS-80', 'R-PS-PAYMENTS']);
    expect(s.explanation.sourceEventIds).toEqual(expect.arrayContaining(['evt-campaign-40', 'evt-decision', 'evt-application', 'evt-adv']));
    expect(s.explanation.sourceEventIds).not.toContain('evt-bal');
  });
});
