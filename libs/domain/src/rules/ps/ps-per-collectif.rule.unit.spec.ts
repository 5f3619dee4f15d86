import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { maxPsPerCollectif, psPerCollectif } from './ps-per-collectif.rule.js';

describe('PS per collectif (R-PS-RATE, R-PS-CAP, R-PS-FORMULA)', () => {
  it('R-PS-RATE: 32.5 % of the cost per collectif below the cap', () => {
    const r = psPerCollectif(600_000, 1, LANDES_2025_2026);
    expect(r.capApplied).toBe(false);
    expect(r.psPerCollectif).toBe(195_000);
    expect(r.ps).toBe(195_000);
  });

  it('R-PS-CAP: 8 487 € × 32.5 % = 2 758.275 → 2 758,28 € per collectif when the cost is above the cap', () => {
    expect(maxPsPerCollectif(LANDES_2025_2026)).toBe(275_828);
    const r = psPerCollectif(2_000_000, 2, LANDES_2025_2026);
    expect(r.capApplied).toBe(true);
    expect(r.base).toEqual({ numerator: 848_700, denominator: 1 });
    expect(r.ps).toBe(2 * 275_828);
  });

  it('R-PS-FORMULA: C / n not a whole number of cents is kept exact before the rate (10 000,01 € / 3)', () => {
    // 1 000 001 c / 3 = 333 333,67 c; × 0.325 = 108 333,4583 c → 108 333 c.
    // Rounding C / n to the cent first (333 334 c × 0.325 = 108 333,55) would give 108 334 c: wrong.
    const r = psPerCollectif(1_000_001, 3, AUDE_2026_2027);
    expect(r.costPerCollectif).toEqual({ numerator: 1_000_001, denominator: 3 });
    expect(r.psPerCollectif).toBe(108_333);
    expect(r.ps).toBe(3 * 108_333);
    expect(psPerCollectif(1_000_003, 2, AUDE_2026_2027).psPerCollectif).toBe(162_500);
  });

  it('R-PS-FORMULA: half-up per collectif, then multiplied — the total is never rounded on its own', () => {
    // 1 cost of 2 c per collectif: 2 × 0.325 = 0.65 → 1 c; 7 collectifs → 7 c (rounding the total, 14 × 0.325 = 4.55, would give 5 c).
    const r = psPerCollectif(14, 7, AUDE_2026_2027);
    expect(r.psPerCollectif).toBe(1);
    expect(r.ps).toBe(7);
  });

  it('R-PS-FORMULA: the cap binds exactly at C = n × cap, not below', () => {
    expect(psPerCollectif(2 * 865_200, 2, AUDE_2026_2027).capApplied).toBe(false);
    expect(psPerCollectif(2 * 865_200 + 1, 2, AUDE_2026_2027).capApplied).toBe(true);
    expect(psPerCollectif(2 * 865_200, 2, AUDE_2026_2027).psPerCollectif).toBe(281_190);
  });

  it('no collectif gives no PS; a negative cost or a fractional count is a programming error', () => {
    expect(psPerCollectif(500_000, 0, AUDE_2026_2027).ps).toBe(0);
    expect(() => psPerCollectif(-1, 1, AUDE_2026_2027)).toThrow(RangeError);
    expect(() => psPerCollectif(100, 1.5, AUDE_2026_2027)).toThrow(RangeError);
  });

  it('R-PS-EXPLAIN: the explanation carries the inputs, the source events and the cap note', () => {
    const r = psPerCollectif(2_000_000, 2, LANDES_2025_2026, ['evt-1']);
    expect(r.explanation.ruleId).toBe('R-PS-FORMULA');
    expect(r.explanation.sourceEventIds).toEqual(['evt-1']);
    expect(r.explanation.note).toMatch(/R-PS-CAP/);
    expect(r.explanation.children?.map((c) => c.ruleId)).toEqual(['R-PS-RATE', 'R-PS-CAP']);
  });
});
