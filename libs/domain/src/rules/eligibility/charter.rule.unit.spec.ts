import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateCharter } from './charter.rule.js';

const withCeiling = { ...AUDE_2026_2027, options: { ...AUDE_2026_2027.options, symbolicFamilyFeeCeiling: 2_000 } };

describe('R-ELIG-CHARTER', () => {
  it('R-ELIG-CHARTER: free and committed to the 2001 charter → met', () => {
    expect(evaluateCharter(plannedFacts(), AUDE_2026_2027).status).toBe('met');
  });

  it('R-ELIG-CHARTER: a fee above the campaign ceiling of a symbolic contribution → not met', () => {
    const r = evaluateCharter(plannedFacts({ familyFeePerChildPerYear: fact(2_500) }), withCeiling);
    expect(r.status).toBe('not_met');
    expect(r.reasons).toEqual(['family fee 25.00 € exceeds the symbolic ceiling 20.00 €']);
  });

  it('R-ELIG-CHARTER: a fee at the ceiling is symbolic → met', () => {
    expect(evaluateCharter(plannedFacts({ familyFeePerChildPerYear: fact(2_000) }), withCeiling).status).toBe('met');
  });

  it('R-ELIG-CHARTER: without a campaign ceiling a non-zero fee stays met, the committee judging it (said in the reasons)', () => {
    const r = evaluateCharter(plannedFacts({ familyFeePerChildPerYear: fact(1_500) }), AUDE_2026_2027);
    expect(r.status).toBe('met');
    expect(r.reasons[0]).toMatch(/committee/);
  });

  it('R-ELIG-CHARTER: no adherence to the charter (laïcité, no proselytism) → not met; undeclared → unknown', () => {
    expect(evaluateCharter(plannedFacts({ charterCommitment: fact(false) }), AUDE_2026_2027).status).toBe('not_met');
    expect(evaluateCharter(plannedFacts({ charterCommitment: null }), AUDE_2026_2027).status).toBe('unknown');
  });
});
