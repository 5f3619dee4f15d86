import type { ConventionLength, ConventionState, ConventionView, OperatorHistory, PriorSupport, Rejection, SchoolYear } from '@clas/domain';
import { checkConventionLength, conventionAt, priorSupportedYears, sourced } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';
import { campaignKey } from '../folds/campaign.fold.js';
import type { OperatorFoldState } from '../folds/operator.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import type { AnswerContext } from './answer-support.js';
import { contextOf } from './answer-support.js';
import { forecastStatement } from './payable-ps.answer.js';
import { bilanFiledFacts } from './project-facts.builder.js';

/**
 * R-CONV-4: a convention at a date (period, years covered, collectifs notified per year,
 * amendments pending/validated/refused, PS forecast and paid per year, whether the next year
 * can go on), plus the multi-year eligibility R-CONV-1 / R-CONV-SUPPORT derived from the
 * operator's approval history as it stood at the date.
 */
export interface ConventionAnswer extends AnswerContext {
  conventionId: string;
  /** The domain's view (conventionAt); null before the request is known at the date. */
  view: ConventionView | null;
  multiYear: {
    startSchoolYear: SchoolYear;
    requestedYears: number;
    support: PriorSupport;
    length: ConventionLength;
    /** The requested length is within what R-CONV-1 allows. */
    withinMax: boolean;
    rejection: Rejection | null;
  } | null;
  /** Why multi-year eligibility could not be evaluated, when it could not. */
  multiYearUnavailable: string | null;
}

type ViewFacts = Parameters<typeof conventionAt>[0];

export function operatorHistory(operator: OperatorFoldState): OperatorHistory {
  const operatorId = operator.operatorId;
  return {
    decisions: operator.history.decisions.map((d) =>
      sourced({ projectId: d.projectId, operatorId, schoolYear: d.schoolYear, outcome: d.outcome, decidedOn: d.decidedOn }, [d.eventId]),
    ),
    withdrawals: operator.history.withdrawals.map((w) =>
      sourced({ projectId: w.projectId, schoolYear: w.schoolYear, withdrawnOn: w.withdrawnOn }, [w.eventId]),
    ),
    payments: operator.history.payments.map((p) =>
      sourced({ projectId: p.projectId, operatorId, schoolYear: p.schoolYear, paidOn: p.paidOn, amount: p.amount }, [p.eventId]),
    ),
  };
}

export function conventionView(
  convention: ConventionState,
  operator: OperatorFoldState | null,
  projects: readonly ProjectFoldState[],
  campaigns: Readonly<Record<string, CampaignFoldState>>,
  asOf: AsOf,
): ConventionAnswer {
  const context = contextOf(asOf);
  const covered = new Set(convention.requested?.projectIds ?? []);
  const own = projects.filter((p) => covered.has(p.projectId));
  const psForecasts: Array<ViewFacts['psForecasts'][number]> = [];
  const psPayments: Array<ViewFacts['psPayments'][number]> = [];
  for (const p of own) {
    if (!p.ref) continue;
    const campaign = campaigns[campaignKey(p.ref.cafCode, p.ref.schoolYear)];
    const statement = campaign && p.decision ? forecastStatement(p, campaign, asOf) : null;
    if (statement && p.decision) {
      psForecasts.push(
        sourced(
          { schoolYear: p.ref.schoolYear, decidedOn: p.decision.effectiveDate, amount: statement.payable },
          statement.explanation.sourceEventIds,
        ),
      );
    }
    for (const pay of p.payments)
      psPayments.push(sourced({ schoolYear: p.ref.schoolYear, paidOn: pay.date, amount: pay.amount }, [pay.eventId]));
  }
  const view = conventionAt({ at: context.day, convention, psForecasts, psPayments, bilans: bilanFiledFacts(own) });

  let multiYear: ConventionAnswer['multiYear'] = null;
  let multiYearUnavailable: string | null = null;
  const requested = convention.requested;
  const start = convention.signed?.period ?? requested?.period ?? null;
  const params =
    start && convention.cafCode ? (campaigns[campaignKey(convention.cafCode, start.startSchoolYear)]?.parameters ?? null) : null;
  if (!start) multiYearUnavailable = 'the convention is not requested at this date';
  else if (!operator || operator.kind === null) multiYearUnavailable = 'the operator is not registered at this date';
  else if (!params) multiYearUnavailable = `no campaign parameters for ${convention.cafCode} ${start.startSchoolYear}`;
  else {
    const support = priorSupportedYears(operatorHistory(operator), operator.operatorId, start.startSchoolYear);
    const centreSocialApproval =
      operator.cafApproval && operator.registeredEventId ? sourced(operator.cafApproval, [operator.registeredEventId]) : null;
    const check = checkConventionLength(
      { operatorId: operator.operatorId, kind: operator.kind, centreSocialApproval, support },
      params,
      start.startSchoolYear,
      start.years,
    );
    multiYear = {
      startSchoolYear: start.startSchoolYear,
      requestedYears: start.years,
      support,
      length: check.length,
      withinMax: check.ok,
      rejection: check.ok ? null : check.rejection,
    };
  }
  return { ...context, conventionId: convention.conventionId, view, multiYear, multiYearUnavailable };
}
