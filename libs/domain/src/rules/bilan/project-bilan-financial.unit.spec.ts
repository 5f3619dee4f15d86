import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { eurosToCents } from '../../shared/money.js';
import { AUDE_2026, d, src, Y2026 } from './testing/bilan.fixtures.js';
import {
  type CafPaymentFact,
  type CoFundingFact,
  projectBilanFinancial,
  type ProjectFinancialFacts,
} from './project-bilan-financial.rule.js';

const co = (kind: CoFundingFact['kind'], label: string, euros: string, id: string) =>
  src<CoFundingFact>({ kind, label, amount: eurosToCents(euros) }, id);
const pay = (paymentId: string, paidOn: string, euros: string) =>
  src<CafPaymentFact>({ paymentId, paidOn: d(paidOn), amount: eurosToCents(euros) }, `ev-${paymentId}`);

// Worked example 1 (domain.md §9): Aude 2026-2027, 2 collectifs, cost 18 000 €, forecast 6 293,80 €.
function aude(overrides: Partial<ProjectFinancialFacts> = {}): ProjectFinancialFacts {
  return {
    projectId: 'p1',
    schoolYear: Y2026,
    actualCost: src(eurosToCents('18000'), 'ev-cost'),
    coFundings: [
      co('family_contributions', 'adhésions', '200', 'ev-f1'),
      co('commune', 'Ville de Narbonne', '6000', 'ev-f2'),
      co('politique_de_la_ville', 'ANCT', '3000', 'ev-f3'),
      co('commune', 'Ville de Coursan', '1506.20', 'ev-f4'),
      co('departement', 'Département de l’Aude', '1000', 'ev-f5'),
    ],
    cafPayments: [pay('pay-2', '2027-09-30', '2293.80'), pay('pay-1', '2026-12-01', '4000')],
    otherCafFunding: [],
    cafPsReceivable: null,
    ...overrides,
  };
}

describe('financial project bilan (R-BILAN-3)', () => {
  it('R-BILAN-3: a balanced statement — co-funders by kind, Caf received, share under 80 %', () => {
    const b = projectBilanFinancial(aude(), AUDE_2026);
    expect(b.coFunders.map((c) => [c.kind, c.label, c.amount.value])).toEqual([
      ['commune', 'Ville de Coursan', 150620],
      ['commune', 'Ville de Narbonne', 600000],
      ['departement', 'Département de l’Aude', 100000],
      ['politique_de_la_ville', 'ANCT', 300000],
      ['family_contributions', 'adhésions', 20000],
    ]);
    expect(b.coFundingByKind[0]).toEqual({ kind: 'commune', amount: { value: 750620, eventIds: ['ev-f4', 'ev-f2'] } });
    expect(b.coFundingTotal.value).toBe(1170620);
    expect(b.caf.payments.map((p) => p.paymentId)).toEqual(['pay-1', 'pay-2']);
    expect(b.caf.received).toEqual({ value: 629380, eventIds: ['ev-pay-1', 'ev-pay-2'] });
    expect(b.fundingTotal.value).toBe(1800000);
    expect(b.balance).toEqual({ status: 'balanced', gap: 0 });
    // 6 293,80 / 18 000 = 34.965 % → 35.0
    expect(b.cafShare).toEqual({ ratio: { num: 629380, den: 1800000 }, percent: '35.0', max: { num: 80, den: 100 }, withinMax: true });
  });

  it('R-BILAN-3: a deficit shows the gap; a receivable closes it', () => {
    const withoutBalance = projectBilanFinancial(aude({ cafPayments: [pay('pay-1', '2026-12-01', '4000')] }), AUDE_2026);
    expect(withoutBalance.balance).toEqual({ status: 'deficit', gap: 229380 });
    const withReceivable = projectBilanFinancial(
      aude({ cafPayments: [pay('pay-1', '2026-12-01', '4000')], cafPsReceivable: src(229380, 'ev-ps') }),
      AUDE_2026,
    );
    expect(withReceivable.balance).toEqual({ status: 'balanced', gap: 0 });
    expect(withReceivable.caf.total.eventIds).toEqual(['ev-pay-1', 'ev-ps']);
  });

  it('R-BILAN-3: a surplus, and an unknown cost', () => {
    expect(projectBilanFinancial(aude({ actualCost: src(eurosToCents('17999.99'), 'ev-cost') }), AUDE_2026).balance).toEqual({
      status: 'surplus',
      gap: -1,
    });
    const unknown = projectBilanFinancial(aude({ actualCost: null }), AUDE_2026);
    expect(unknown.balance).toEqual({ status: 'cost_unknown', gap: null });
    expect(unknown.cafShare).toMatchObject({ ratio: null, percent: null, withinMax: null });
  });

  it('R-ELIG-COFUNDING: the Caf share (PS received + other Caf funding) at exactly 80 % is within, one cent more is not', () => {
    // Worked example 2: Landes, cost 3 000 €, other Caf funding 1 500 €, PS 900 € → exactly 80 %.
    const landes = {
      projectId: 'p2',
      schoolYear: Y2026,
      coFundings: [co('commune', 'Mairie', '600', 'ev-c')],
      cafPsReceivable: null,
      actualCost: src(300000, 'ev-cost'),
    };
    const at80 = projectBilanFinancial(
      { ...landes, cafPayments: [pay('ps', '2027-10-01', '900')], otherCafFunding: [src(150000, 'ev-local')] },
      AUDE_2026,
    );
    expect(at80.cafShare).toMatchObject({ ratio: { num: 240000, den: 300000 }, percent: '80.0', withinMax: true });
    expect(at80.balance.status).toBe('balanced');
    const over = projectBilanFinancial(
      { ...landes, cafPayments: [pay('ps', '2027-10-01', '900.01')], otherCafFunding: [src(150000, 'ev-local')] },
      AUDE_2026,
    );
    expect(over.cafShare).toMatchObject({ percent: '80.0', withinMax: false });
  });

  it('R-BILAN-3 (property): funding total = co-funders + Caf, and gap = cost − funding, in integer cents', () => {
    const cents = fc.integer({ min: 0, max: 5_000_000 });
    fc.assert(
      fc.property(
        cents,
        fc.array(cents, { maxLength: 6 }),
        fc.array(fc.integer({ min: -100_000, max: 1_000_000 }), { maxLength: 3 }),
        (cost, funds, payments) => {
          const b = projectBilanFinancial(
            {
              projectId: 'p',
              schoolYear: Y2026,
              actualCost: src(cost, 'c'),
              coFundings: funds.map((amount, i) => src<CoFundingFact>({ kind: 'other', label: `f${i}`, amount }, `f${i}`)),
              cafPayments: payments.map((amount, i) =>
                src<CafPaymentFact>({ paymentId: `p${i}`, paidOn: d('2027-01-01'), amount }, `p${i}`),
              ),
              otherCafFunding: [],
              cafPsReceivable: null,
            },
            AUDE_2026,
          );
          const funding = funds.reduce((a, x) => a + x, 0) + payments.reduce((a, x) => a + x, 0);
          expect(b.fundingTotal.value).toBe(funding);
          expect(b.balance.gap).toBe(cost - funding);
          expect(Number.isSafeInteger(b.fundingTotal.value)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
