import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import type { Cents } from '../../shared/money.js';
import { applyRateHalfUp, assertCents, divideHalfUp } from '../../shared/money.js';
import type { Explanation } from '../../shared/recorded-event.js';

/** An exact amount of cents as a fraction (C / n may not be a whole number of cents). */
export interface ExactCents {
  numerator: Cents;
  denominator: number;
}

export interface PsPerCollectifResult {
  totalCost: Cents;
  collectifs: number;
  /** C / n, exact. */
  costPerCollectif: ExactCents;
  /** min(C / n, cap), exact: the base the rate applies to. */
  base: ExactCents;
  capApplied: boolean;
  /** round_half_up_cent(rate × base). */
  psPerCollectif: Cents;
  /** n × psPerCollectif: rounded per collectif, then multiplied — the total is never rounded. */
  ps: Cents;
  explanation: Explanation;
}

/** R-PS-CAP: the highest PS one collectif can bring, round_half_up(cap × rate). */
export function maxPsPerCollectif(params: Pick<CampaignParameters, 'priceCapPerCollectif' | 'psRate'>): Cents {
  return applyRateHalfUp(params.priceCapPerCollectif, params.psRate);
}

/**
 * R-PS-RATE / R-PS-CAP / R-PS-FORMULA: PS per collectif = round_half_up_cent(rate × min(C / n, cap)),
 * PS = n × PS per collectif. Computed on BigInt numerators so C / n is never rounded before the rate:
 * rate × C / n = (C × num) / (n × den), one half-up division.
 */
export function psPerCollectif(
  totalCost: Cents,
  collectifs: number,
  params: Pick<CampaignParameters, 'priceCapPerCollectif' | 'psRate'>,
  sourceEventIds: string[] = [],
): PsPerCollectifResult {
  assertCents(totalCost, 'totalCost');
  if (totalCost < 0) throw new RangeError(`totalCost must not be negative, got ${totalCost}`);
  if (!Number.isSafeInteger(collectifs) || collectifs < 0)
    throw new RangeError(`collectifs must be a non-negative integer, got ${collectifs}`);
  const cap = params.priceCapPerCollectif;
  const { num, den } = params.psRate;
  let base: ExactCents;
  let capApplied = false;
  let perCollectif: bigint;
  if (collectifs === 0) {
    base = { numerator: 0, denominator: 1 };
    perCollectif = 0n;
  } else if (BigInt(totalCost) > BigInt(cap) * BigInt(collectifs)) {
    capApplied = true;
    base = { numerator: cap, denominator: 1 };
    perCollectif = divideHalfUp(BigInt(cap) * BigInt(num), BigInt(den));
  } else {
    base = { numerator: totalCost, denominator: collectifs };
    perCollectif = divideHalfUp(BigInt(totalCost) * BigInt(num), BigInt(collectifs) * BigInt(den));
  }
  const psPer = assertCents(Number(perCollectif), 'psPerCollectif');
  const ps = assertCents(Number(perCollectif * BigInt(collectifs)), 'ps');
  const costPerCollectif = { numerator: totalCost, denominator: Math.max(collectifs, 1) };
  return {
    totalCost,
    collectifs,
    costPerCollectif,
    base,
    capApplied,
    psPerCollectif: psPer,
    ps,
    explanation: {
      ruleId: 'R-PS-FORMULA',
      inputs: { totalCost, collectifs, priceCapPerCollectif: cap, psRate: params.psRate },
      sourceEventIds,
      output: { costPerCollectif, capApplied, psPerCollectif: psPer, ps },
      note: capApplied ? 'R-PS-CAP: cost per collectif above the price cap, the cap is used' : undefined,
      children: [
        { ruleId: 'R-PS-RATE', inputs: { psRate: params.psRate }, sourceEventIds: [], output: { base } },
        {
          ruleId: 'R-PS-CAP',
          inputs: { priceCapPerCollectif: cap, costPerCollectif },
          sourceEventIds: [],
          output: { capApplied, maxPsPerCollectif: maxPsPerCollectif(params) },
        },
      ],
    },
  };
}
