import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { assertNever } from '../../shared/result.js';
import { schoolYearEnd } from '../../shared/school-year.js';
import type { ObjectiveCode } from '../../events/vocabulary.js';
import { AXES, AXIS_OBJECTIVES, OBJECTIVES_BY_AXIS } from '../facts/objectives.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import type { CriterionResult } from './criterion-result.js';
import { criterionResult } from './criterion-result.js';

/**
 * R-ELIG-AXES (001, 000): all four axes, each with all its mandatory objectives (14 in all),
 * each described (planned) or carried out (actual). A missing objective on the application is
 * 'not_met'; in actual facts it stays 'unknown' until the school year is over.
 */
export function evaluateAxes(facts: ProjectFacts, _params: CampaignParameters): CriterionResult {
  const covered = (id: ObjectiveCode) => (facts.objectives[id]?.value.trim() ?? '') !== '';
  const missing = AXIS_OBJECTIVES.filter((id) => !covered(id));
  const axes = Object.fromEntries(AXES.map((axis) => [axis, OBJECTIVES_BY_AXIS[axis].every((id) => covered(id))]));
  const reasons = AXES.flatMap((axis) => {
    const lacking = OBJECTIVES_BY_AXIS[axis].filter((id) => !covered(id));
    return lacking.length
      ? [`axis ${axis}: objective(s) ${lacking.join(', ')} not ${facts.basis === 'planned' ? 'described' : 'carried out yet'}`]
      : [];
  });
  const inputs = { basis: facts.basis, covered: AXIS_OBJECTIVES.filter(covered), missing, axes };
  const eventIds = eventIdsOf(...AXIS_OBJECTIVES.map((id) => facts.objectives[id]));
  if (missing.length === 0) return criterionResult('R-ELIG-AXES', 'met', [], inputs, eventIds);
  switch (facts.basis) {
    case 'planned':
      return criterionResult('R-ELIG-AXES', 'not_met', reasons, inputs, eventIds);
    case 'actual':
      return criterionResult(
        'R-ELIG-AXES',
        facts.asOf < schoolYearEnd(facts.schoolYear) ? 'unknown' : 'not_met',
        reasons,
        inputs,
        eventIds,
      );
    default:
      return assertNever(facts, 'project facts basis');
  }
}
