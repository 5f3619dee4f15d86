import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { assertNever } from '../../shared/result.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import type { CriterionResult } from './criterion-result.js';
import { criterionResult } from './criterion-result.js';

/**
 * R-ELIG-TRAINING (Aude 2026-2027, 004): every new staff member attends the mandatory
 * "fondamentaux" module. Planned: the operator's commitment; actual: attendance dated by `asOf`.
 */
export function evaluateTraining(facts: ProjectFacts, params: CampaignParameters): CriterionResult {
  if (!params.options.trainingRequiredForNewStaff) {
    return criterionResult('R-ELIG-TRAINING', 'met', ['not a rule of this campaign'], { trainingRequiredForNewStaff: false }, []);
  }
  switch (facts.basis) {
    case 'planned': {
      const commitment = facts.trainingCommitment;
      if (!commitment)
        return criterionResult('R-ELIG-TRAINING', 'unknown', ['training commitment not declared yet'], { trainingCommitment: null }, []);
      return criterionResult(
        'R-ELIG-TRAINING',
        commitment.value ? 'met' : 'not_met',
        commitment.value ? [] : ['the operator does not commit to train every new staff member'],
        { trainingCommitment: commitment.value },
        eventIdsOf(commitment),
      );
    }
    case 'actual': {
      if (facts.staff === null)
        return criterionResult('R-ELIG-TRAINING', 'unknown', ['staff members not declared yet'], { staff: null }, []);
      const newStaff = facts.staff.filter((s) => s.value.isNew);
      const untrained = newStaff.filter((s) => s.value.fondamentauxTrainingOn === null || s.value.fondamentauxTrainingOn > facts.asOf);
      return criterionResult(
        'R-ELIG-TRAINING',
        untrained.length ? 'not_met' : 'met',
        untrained.map((s) => `new staff ${s.value.staffId} has not attended the "fondamentaux" module`),
        {
          asOf: facts.asOf,
          newStaff: newStaff.map((s) => ({ staffId: s.value.staffId, fondamentauxTrainingOn: s.value.fondamentauxTrainingOn })),
        },
        eventIdsOf(...newStaff),
      );
    }
    default:
      return assertNever(facts, 'project facts basis');
  }
}
