import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateCofunding } from './cofunding.rule.js';

const budget = (total: number, ...caf: number[]) =>
  plannedFacts({
    cofunding: {
      totalCost: fact(total, 'evt-budget'),
      cafFunding: caf.map((amount, i) => fact({ label: `caf-${i}`, amount }, `evt-caf-${i}`)),
    },
  });

describe('R-ELIG-COFUNDING', () => {
  it('R-ELIG-COFUNDING: Caf funding at exactly 80 % of the cost → met', () => {
    expect(evaluateCofunding(budget(1_000_000, 500_000, 300_000), AUDE_2026_2027).status).toBe('met');
  });

  it('R-ELIG-COFUNDING: one cent above 80 % → not met, with the amounts', () => {
    const r = evaluateCofunding(budget(1_000_000, 500_000, 300_001), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons).toEqual(['Caf funding 8000.01 € exceeds 80/100 of the total cost 10000.00 €']);
    expect(r.explanation.sourceEventIds).toEqual(['evt-budget', 'evt-caf-0', 'evt-caf-1']);
  });

  it('R-ELIG-COFUNDING: no budget yet → unknown; a zero cost → not met', () => {
    expect(evaluateCofunding(plannedFacts({ cofunding: null }), AUDE_2026_2027).status).toBe('unknown');
    expect(evaluateCofunding(budget(0), AUDE_2026_2027).status).toBe('not_met');
  });
});
