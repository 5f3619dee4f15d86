import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { assertNever } from '../../shared/result.js';
import type { ActivityType } from '../../events/vocabulary.js';
import { isHomeworkOnly } from '../../events/vocabulary.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import { heldSessionActivities } from './activities.js';
import type { CriterionResult } from './criterion-result.js';
import { criterionResult } from './criterion-result.js';

function judge(kinds: readonly ActivityType[], inputs: Record<string, unknown>, eventIds: string[]): CriterionResult {
  const detour = [...new Set(kinds.filter((k) => k !== 'homework_help'))];
  return isHomeworkOnly(kinds)
    ? criterionResult('R-ELIG-NOT-HOMEWORK', 'not_met', ['only homework help: no "pédagogie du détour" activity'], inputs, eventIds)
    : criterionResult('R-ELIG-NOT-HOMEWORK', 'met', [], { ...inputs, detourActivities: detour }, eventIds);
}

/** R-ELIG-NOT-HOMEWORK (001, 000): activities that are only homework help are not eligible. */
export function evaluateNotHomework(facts: ProjectFacts, _params: CampaignParameters): CriterionResult {
  switch (facts.basis) {
    case 'planned': {
      if (!facts.activities || facts.activities.value.length === 0) {
        return criterionResult('R-ELIG-NOT-HOMEWORK', 'unknown', ['activities not described yet'], { activities: null }, []);
      }
      return judge(facts.activities.value, { activities: facts.activities.value }, eventIdsOf(facts.activities));
    }
    case 'actual': {
      const sessions = heldSessionActivities(facts);
      if (sessions.length === 0)
        return criterionResult('R-ELIG-NOT-HOMEWORK', 'unknown', ['no held session with its activities recorded yet'], { sessions: 0 }, []);
      const kinds = sessions.flatMap((s) => s.activities);
      const homeworkOnly = sessions.filter((s) => isHomeworkOnly(s.activities)).length;
      return judge(kinds, { sessions: sessions.length, homeworkOnlySessions: homeworkOnly }, eventIdsOf(...sessions));
    }
    default:
      return assertNever(facts, 'project facts basis');
  }
}
