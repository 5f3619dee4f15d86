import type { EligibilityEvaluation, LocalDate } from '@clas/domain';
import { eligibilityAnswerSummary, evaluateEligibility } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';
import type { OperatorFoldState } from '../folds/operator.fold.js';
import type { ProjectFoldState, ProjectLifecycleStatus } from '../folds/project-state.js';
import type { AnswerContext } from './answer-support.js';
import { contextOf } from './answer-support.js';
import { actualProjectFacts, PLANNED_FACT_ASSUMPTIONS, plannedProjectFacts } from './project-facts.builder.js';

/**
 * §2–§3: where the project stands in its lifecycle, and every eligibility criterion evaluated
 * twice — on the application (planned) and on what happened (actual) — with the verdict and
 * the reasons. The criteria are the domain's own (evaluateEligibility), explanations included.
 */
export interface EligibilityAnswer extends AnswerContext {
  projectId: string;
  status: ProjectLifecycleStatus;
  /** The lifecycle steps so far, with their dates and events. */
  statusHistory: ProjectFoldState['statusHistory'];
  decision: {
    decisionId: string;
    outcome: 'approved' | 'refused';
    effectiveDate: LocalDate;
    approvedCollectifs: number | null;
    corrected: boolean;
    eventIds: string[];
  } | null;
  bilan: { bilanId: string; status: 'filed' | 'validated' | 'returned'; eventIds: string[] } | null;
  /** null while the campaign has no parameters (nothing to evaluate against). */
  planned: EligibilityEvaluation | null;
  actual: EligibilityEvaluation | null;
  /** How facts the catalogue has no field for were derived (see PLANNED_FACT_ASSUMPTIONS). */
  assumptions: readonly string[];
  /** In French, for a letter: the planned then the actual evaluation's summary. */
  summary: string;
}

export function eligibilityStatus(
  project: ProjectFoldState,
  campaign: CampaignFoldState,
  operator: OperatorFoldState | null,
  asOf: AsOf,
): EligibilityAnswer {
  const context = contextOf(asOf);
  const params = campaign.parameters;
  const decision = project.decision;
  const bilan = project.bilans[project.bilans.length - 1] ?? null;
  const planned = params ? evaluateEligibility(plannedProjectFacts(project, operator, params, context.day), params) : null;
  const actual = params ? evaluateEligibility(actualProjectFacts(project, operator, context.day), params) : null;
  return {
    ...context,
    projectId: project.projectId,
    status: project.status,
    statusHistory: project.statusHistory,
    decision: decision
      ? {
          decisionId: decision.decisionId,
          outcome: decision.outcome,
          effectiveDate: decision.effectiveDate,
          approvedCollectifs: decision.approval?.approvedCollectifs ?? null,
          corrected: decision.corrections.length > 0,
          eventIds: decision.eventIds,
        }
      : null,
    bilan: bilan ? { bilanId: bilan.bilanId, status: bilan.status, eventIds: bilan.eventIds } : null,
    planned,
    actual,
    assumptions: PLANNED_FACT_ASSUMPTIONS,
    summary: eligibilityAnswerSummary(planned, actual),
  };
}
