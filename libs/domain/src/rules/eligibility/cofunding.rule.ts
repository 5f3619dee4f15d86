import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { centsToEuros, sumCents } from '../../shared/money.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import type { CriterionResult } from './criterion-result.js';
import { criterionResult } from './criterion-result.js';

/**
 * R-ELIG-COFUNDING (001, 000, 004): all Caf funding of the project (PS, bonuses, local Caf funds)
 * ≤ 80 % of its total annual operating cost. Compared exactly: caf × den ≤ cost × num.
 */
export function evaluateCofunding(facts: ProjectFacts, params: CampaignParameters): CriterionResult {
  const cofunding = facts.cofunding;
  const share = params.maxCafShare;
  if (!cofunding)
    return criterionResult('R-ELIG-COFUNDING', 'unknown', ['budget not known yet'], { cofunding: null, maxCafShare: share }, []);
  const totalCost = cofunding.totalCost.value;
  const caf = sumCents(cofunding.cafFunding.map((l) => l.value.amount));
  const inputs = { totalCost, cafFunding: cofunding.cafFunding.map((l) => l.value), cafTotal: caf, maxCafShare: share };
  const eventIds = eventIdsOf(cofunding.totalCost, ...cofunding.cafFunding);
  if (totalCost <= 0) return criterionResult('R-ELIG-COFUNDING', 'not_met', ['no operating cost declared'], inputs, eventIds);
  const within = BigInt(caf) * BigInt(share.den) <= BigInt(totalCost) * BigInt(share.num);
  const pct = `${share.num}/${share.den}`;
  return within
    ? criterionResult('R-ELIG-COFUNDING', 'met', [], inputs, eventIds)
    : criterionResult(
        'R-ELIG-COFUNDING',
        'not_met',
        [`Caf funding ${centsToEuros(caf)} € exceeds ${pct} of the total cost ${centsToEuros(totalCost)} €`],
        inputs,
        eventIds,
      );
}
