import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import type { Explanation } from '../../shared/recorded-event.js';
import type { ProjectFacts } from '../facts/project-facts.js';
import { evaluateAxes } from './axes.rule.js';
import { evaluateCharter } from './charter.rule.js';
import { evaluateCofunding } from './cofunding.rule.js';
import { evaluateCollective } from './collective.rule.js';
import { evaluateCoordinator } from './coord.rule.js';
import type { CriterionResult } from './criterion-result.js';
import { eligibilitySummary } from './eligibility-summary.js';
import { evaluateNoSport } from './no-sport.rule.js';
import { evaluateNotHomework } from './not-homework.rule.js';
import { evaluateOperator } from './operator.rule.js';
import { evaluatePublic } from './public.rule.js';
import { evaluateRhythm } from './rhythm.rule.js';
import { evaluateStaff } from './staff.rule.js';
import { evaluateTraining } from './training.rule.js';

export type EligibilityRule = (facts: ProjectFacts, params: CampaignParameters) => CriterionResult;

/** Every criterion of domain.md §3, in its order. They are cumulative. */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  evaluatePublic,
  evaluateCharter,
  evaluateNotHomework,
  evaluateCollective,
  evaluateStaff,
  evaluateCoordinator,
  evaluateRhythm,
  evaluateAxes,
  evaluateCofunding,
  evaluateOperator,
  evaluateNoSport,
  evaluateTraining,
];

export type EligibilityVerdict = 'eligible' | 'not_eligible' | 'incomplete';

export interface EligibilityEvaluation {
  basis: ProjectFacts['basis'];
  projectId: string;
  asOf: string;
  verdict: EligibilityVerdict;
  /** Why the verdict is not 'eligible': every not-met criterion's reasons, then the unknown ones'. */
  reasons: string[];
  criteria: CriterionResult[];
  explanation: Explanation;
  /** The explanation in French, for a letter (rendered by eligibilitySummary from `explanation`). */
  summary: string;
}

/**
 * §3: criteria are cumulative. Any 'not_met' → not_eligible; otherwise any 'unknown' → incomplete;
 * otherwise eligible ('waived' counts as met). Planned and actual facts are evaluated separately:
 * call it once per basis.
 */
export function evaluateEligibility(facts: ProjectFacts, params: CampaignParameters): EligibilityEvaluation {
  const criteria = ELIGIBILITY_RULES.map((rule) => rule(facts, params));
  const notMet = criteria.filter((c) => c.status === 'not_met');
  const unknown = criteria.filter((c) => c.status === 'unknown');
  const verdict: EligibilityVerdict = notMet.length ? 'not_eligible' : unknown.length ? 'incomplete' : 'eligible';
  const reasons = [...notMet, ...(notMet.length ? [] : unknown)].flatMap((c) => c.reasons.map((r) => `${c.criterion}: ${r}`));
  const explanation: Explanation = {
    ruleId: 'R-ELIG',
    inputs: { basis: facts.basis, projectId: facts.projectId, asOf: facts.asOf, cafCode: params.cafCode, schoolYear: params.schoolYear },
    sourceEventIds: [...new Set(criteria.flatMap((c) => c.explanation.sourceEventIds))],
    output: { verdict, statuses: Object.fromEntries(criteria.map((c) => [c.criterion, c.status])) },
    children: criteria.map((c) => c.explanation),
  };
  return {
    basis: facts.basis,
    projectId: facts.projectId,
    asOf: facts.asOf,
    verdict,
    reasons,
    criteria,
    explanation,
    summary: eligibilitySummary(explanation),
  };
}
