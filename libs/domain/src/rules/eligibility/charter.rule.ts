import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { centsToEuros } from '../../shared/money.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import type { CriterionResult, CriterionStatus } from './criterion-result.js';
import { criterionResult, worstStatus } from './criterion-result.js';

/**
 * R-ELIG-CHARTER (001): the 2001 charter — laïcité, no proselytism, equality — and a free or
 * symbolic family contribution. "Symbolic" is a number only when the campaign sets a ceiling;
 * otherwise a non-zero fee is left to the committee's judgement and said so.
 * Planned and actual facts have the same shape here (application vs operator's declarations).
 */
export function evaluateCharter(facts: ProjectFacts, params: CampaignParameters): CriterionResult {
  const { charterCommitment, familyFeePerChildPerYear: fee } = facts;
  const ceiling = params.options.symbolicFamilyFeeCeiling;
  const statuses: CriterionStatus[] = [];
  const reasons: string[] = [];
  if (!charterCommitment) {
    statuses.push('unknown');
    reasons.push('adherence to the 2001 charter not declared yet');
  } else if (!charterCommitment.value) {
    statuses.push('not_met');
    reasons.push('the project does not adhere to the 2001 charter (laïcité, no proselytism, equality)');
  }
  if (!fee) {
    statuses.push('unknown');
    reasons.push('family contribution not declared yet');
  } else if (fee.value > 0) {
    if (ceiling === null) {
      reasons.push(`family fee ${centsToEuros(fee.value)} €: no campaign ceiling, its symbolic character is the committee's call`);
    } else if (fee.value > ceiling) {
      statuses.push('not_met');
      reasons.push(`family fee ${centsToEuros(fee.value)} € exceeds the symbolic ceiling ${centsToEuros(ceiling)} €`);
    }
  }
  return criterionResult(
    'R-ELIG-CHARTER',
    worstStatus(statuses),
    reasons,
    {
      charterCommitment: charterCommitment?.value ?? null,
      familyFeePerChildPerYear: fee?.value ?? null,
      symbolicFamilyFeeCeiling: ceiling,
    },
    eventIdsOf(charterCommitment, fee),
  );
}
