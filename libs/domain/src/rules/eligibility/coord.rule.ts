import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { eventIdsOf } from '../facts/sourced.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import type { CriterionResult, CriterionStatus } from './criterion-result.js';
import { criterionResult, worstStatus } from './criterion-result.js';

/**
 * R-ELIG-COORD (001, 000, 003): a coordinator with at least Bac+2 (campaign parameter) and
 * experience in animation or education. Same facts for planned and actual (the named coordinator).
 */
export function evaluateCoordinator(facts: ProjectFacts, params: CampaignParameters): CriterionResult {
  const coordinator = facts.coordinator;
  const min = params.coordinatorMinLevel;
  if (!coordinator)
    return criterionResult('R-ELIG-COORD', 'unknown', ['no coordinator named yet'], { coordinator: null, coordinatorMinLevel: min }, []);
  const { levelYearsAfterBac: level, animationOrEducationExperience: experience } = coordinator.value;
  const statuses: CriterionStatus[] = [];
  const reasons: string[] = [];
  if (level === null) {
    statuses.push('unknown');
    reasons.push('qualification level not declared');
  } else if (level < min) {
    statuses.push('not_met');
    reasons.push(`qualification Bac+${level} below the required Bac+${min}`);
  }
  if (experience === null) {
    statuses.push('unknown');
    reasons.push('experience in animation or education not declared');
  } else if (!experience) {
    statuses.push('not_met');
    reasons.push('no experience in animation or education');
  }
  return criterionResult(
    'R-ELIG-COORD',
    worstStatus(statuses),
    reasons,
    { coordinator: coordinator.value, coordinatorMinLevel: min },
    eventIdsOf(coordinator),
  );
}
