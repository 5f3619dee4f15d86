import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { sourced } from '../facts/sourced.js';
import { applyEightyPercentRule } from './eighty-percent.rule.js';
import { forecastPs } from './ps-forecast.rule.js';
import { maxPsPerCollectif, psPerCollectif } from './ps-per-collectif.rule.js';

/**
 * Independent reference, written without money.ts: min(C / n, cap) × 325 / 1000 as one BigInt
 * quotient and remainder, rounded half-up by comparing twice the remainder with the divisor.
 */
function referencePsPerCollectif(totalCost: bigint, n: bigint, cap: bigint): bigint {
  // min(C / n, cap) as a fraction p / q
  const [p, q] = totalCost > cap * n ? [cap, 1n] : [totalCost, n];
  // ps = p × 325 / (q × 1000), half-up: floor(x) + (remainder × 2 ≥ divisor ? 1 : 0)
  const numerator = p * 325n;
  const divisor = q * 1000n;
  const floor = numerator / divisor;
  const remainder = numerator % divisor;
  return floor + (remainder * 2n >= divisor ? 1n : 0n);
}

const params = (cap: number): CampaignParameters => ({ ...AUDE_2026_2027, priceCapPerCollectif: cap });
const RUNS = { numRuns: 300 };

describe('PS properties (fast-check)', () => {
  const cost = fc.integer({ min: 0, max: 500_000_000 }); // up to 5 M€
  const collectifs = fc.integer({ min: 1, max: 40 });
  const cap = fc.integer({ min: 1, max: 2_000_000 });

  it('R-PS-FORMULA: money never drifts — the collectif lines sum to the PS exactly, all integers', () => {
    fc.assert(
      fc.property(cost, collectifs, (c, n) => {
        const s = forecastPs({ parameters: AUDE_2026_2027, approvedCollectifs: sourced(n, []), plannedTotalCost: sourced(c, []) });
        const sum = s.collectifLines.reduce((a, l) => a + l.amount, 0);
        expect(sum).toBe(s.ps);
        expect(s.ps).toBe(n * s.psPerCollectif);
        for (const v of [s.ps, s.psPerCollectif, s.bonuses.total, s.reduction80.reduction, s.payable])
          expect(Number.isSafeInteger(v)).toBe(true);
      }),
      RUNS,
    );
  });

  it('R-PS-CAP: the PS never exceeds n × max PS per collectif', () => {
    fc.assert(
      fc.property(cost, collectifs, cap, (c, n, k) => {
        const p = params(k);
        expect(psPerCollectif(c, n, p).ps).toBeLessThanOrEqual(n * maxPsPerCollectif(p));
      }),
      RUNS,
    );
  });

  it('R-PS-FORMULA: rounding is half-up per collectif, as an independent decimal reference computes it', () => {
    fc.assert(
      fc.property(cost, collectifs, cap, (c, n, k) => {
        const expected = referencePsPerCollectif(BigInt(c), BigInt(n), BigInt(k));
        const r = psPerCollectif(c, n, params(k));
        expect(BigInt(r.psPerCollectif)).toBe(expected);
        expect(BigInt(r.ps)).toBe(expected * BigInt(n));
      }),
      RUNS,
    );
  });

  it('R-PS-80: PS + bonuses − reduction ≤ 80 % × C − other Caf funding, and never below 0', () => {
    fc.assert(
      fc.property(
        cost,
        collectifs,
        fc.integer({ min: 0, max: 300_000_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (c, n, other, be, bp) => {
          const s = forecastPs({
            parameters: AUDE_2026_2027,
            approvedCollectifs: sourced(n, []),
            plannedTotalCost: sourced(c, []),
            otherCafFunding: sourced(other, []),
            bonusEnfantsCollectifs: sourced(be, []),
            bonusParentsCollectifs: sourced(bp, []),
          });
          expect(s.payable).toBeGreaterThanOrEqual(0);
          expect(s.payable).toBe(s.ps + s.bonuses.total - s.reduction80.reduction);
          // exact: payable × 100 ≤ C × 80 − other × 100, unless that bound is negative (then payable = 0)
          const bound = BigInt(c) * 80n - BigInt(other) * 100n;
          if (bound < 0n) expect(s.payable).toBe(0);
          else expect(BigInt(s.payable) * 100n <= bound).toBe(true);
          // the reduction only takes what exceeds the ceiling
          expect(s.reduction80.reduction).toBe(Math.max(0, s.ps + s.bonuses.total - s.reduction80.ceiling));
        },
      ),
      RUNS,
    );
  });

  it('R-PS-80: the ceiling is the largest cent amount within 80 %', () => {
    fc.assert(
      fc.property(cost, (c) => {
        const r = applyEightyPercentRule(0, c, 0, AUDE_2026_2027);
        expect(BigInt(r.ceiling) * 100n <= BigInt(c) * 80n).toBe(true);
        expect(BigInt(r.ceiling + 1) * 100n > BigInt(c) * 80n).toBe(true);
      }),
      RUNS,
    );
  });
});
