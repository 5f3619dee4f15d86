import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { assertNever } from '../../shared/result.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';
import { heldSessionActivities } from './activities.js';
import type { CriterionResult } from './criterion-result.js';
import { criterionResult } from './criterion-result.js';

/** R-ELIG-NO-SPORT (Aude 2026-2027, 004): no physical or sports activity, where the campaign says so. */
export function evaluateNoSport(facts: ProjectFacts, params: CampaignParameters): CriterionResult {
  if (!params.options.noSport) {
    return criterionResult('R-ELIG-NO-SPORT', 'met', ['not a rule of this campaign'], { noSport: false }, []);
  }
  switch (facts.basis) {
    case 'planned': {
      if (!facts.activities)
        return criterionResult('R-ELIG-NO-SPORT', 'unknown', ['activities not described yet'], { noSport: true, activities: null }, []);
      const sport = facts.activities.value.includes('sport');
      return criterionResult(
        'R-ELIG-NO-SPORT',
        sport ? 'not_met' : 'met',
        sport ? ['the programme includes physical or sports activities'] : [],
        { noSport: true, activities: facts.activities.value },
        eventIdsOf(facts.activities),
      );
    }
    case 'actual': {
      const sessions = heldSessionActivities(facts);
      if (sessions.length === 0)
        return criterionResult(
          'R-ELIG-NO-SPORT',
          'unknown',
          ['no held session with its activities recorded yet'],
          { noSport: true, sessions: 0 },
          [],
        );
      const sport = sessions.filter((s) => s.activities.includes('sport'));
      return criterionResult(
        'R-ELIG-NO-SPORT',
        sport.length ? 'not_met' : 'met',
        sport.map((s) => `session of ${s.date} had a physical or sports activity`),
        { noSport: true, sessions: sessions.length, sportSessions: sport.length },
        eventIdsOf(...(sport.length ? sport : sessions)),
      );
    }
    default:
      return assertNever(facts, 'project facts basis');
  }
}
