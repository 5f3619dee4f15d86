import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import type { Cents } from '../../shared/money.js';
import type { Explanation } from '../../shared/recorded-event.js';

export interface EightyPercentResult {
  totalCost: Cents;
  otherCafFunding: Cents;
  /** max(0, ⌊share × C⌋ − other Caf funding). */
  ceiling: Cents;
  beforeReduction: Cents;
  /** Its own line (R-PS-80): what the ceiling takes off. */
  reduction: Cents;
  payable: Cents;
  explanation: Explanation;
}

/**
 * R-PS-80: payable PS + bonuses ≤ 80 % × C − other Caf funding, never below 0.
 * share × C is rounded DOWN to the cent: the ceiling is a bound, and rounding it up could let
 * the payable exceed 80 % by a fraction of a cent.
 */
export function applyEightyPercentRule(
  psAndBonuses: Cents,
  totalCost: Cents,
  otherCafFunding: Cents,
  params: Pick<CampaignParameters, 'maxCafShare'>,
  sourceEventIds: string[] = [],
): EightyPercentResult {
  if (totalCost < 0 || otherCafFunding < 0 || psAndBonuses < 0) throw new RangeError('amounts of the 80 % rule must not be negative');
  const { num, den } = params.maxCafShare;
  const share = Number((BigInt(totalCost) * BigInt(num)) / BigInt(den));
  const ceiling = Math.max(0, share - otherCafFunding);
  const reduction = Math.max(0, psAndBonuses - ceiling);
  const payable = psAndBonuses - reduction;
  return {
    totalCost,
    otherCafFunding,
    ceiling,
    beforeReduction: psAndBonuses,
    reduction,
    payable,
    explanation: {
      ruleId: 'R-PS-80',
      inputs: { psAndBonuses, totalCost, otherCafFunding, maxCafShare: params.maxCafShare },
      sourceEventIds,
      output: { ceiling, reduction, payable },
    },
  };
}
