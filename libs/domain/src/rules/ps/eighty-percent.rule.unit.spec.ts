import { describe, expect, it } from '@jest/globals';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { applyEightyPercentRule } from './eighty-percent.rule.js';

describe('the 80 % rule (R-PS-80)', () => {
  it('R-PS-80: no reduction when PS + bonuses fit under 80 % × C − other', () => {
    const r = applyEightyPercentRule(100_000, 1_000_000, 200_000, LANDES_2025_2026);
    expect(r.ceiling).toBe(600_000);
    expect(r.reduction).toBe(0);
    expect(r.payable).toBe(100_000);
  });

  it('R-PS-80: the excess is its own reduction line', () => {
    const r = applyEightyPercentRule(130_400, 300_000, 150_000, LANDES_2025_2026);
    expect(r.ceiling).toBe(90_000);
    expect(r.reduction).toBe(40_400);
    expect(r.payable).toBe(90_000);
    expect(r.explanation.ruleId).toBe('R-PS-80');
  });

  it('R-PS-80: never below 0 when other Caf funding already exceeds 80 %', () => {
    const r = applyEightyPercentRule(50_000, 100_000, 90_000, LANDES_2025_2026);
    expect(r.ceiling).toBe(0);
    expect(r.payable).toBe(0);
    expect(r.reduction).toBe(50_000);
  });

  it('R-PS-80: 80 % of an odd number of cents is rounded down (1 c → 0,8 c → 0 c)', () => {
    expect(applyEightyPercentRule(0, 1, 0, LANDES_2025_2026).ceiling).toBe(0);
    expect(applyEightyPercentRule(0, 7, 0, LANDES_2025_2026).ceiling).toBe(5);
  });
});
