import type { CampaignParameters, Cents, PsNotApplicableReason, PsStatement, Sourced } from '@clas/domain';
import { actualPs, forecastPs, psNotApplicableSummary, sourced } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import type { AnswerContext } from './answer-support.js';
import { campaignEventIds, contextOf, dayOf } from './answer-support.js';
import { actualCollectif, currentBilan, paymentFacts, sortedCollectifs } from './project-facts.builder.js';

/**
 * R-PS: what the project is promised (forecast at the decision) and, once a bilan is filed,
 * what is payable on actual facts (R-PS-ACTUAL), with payments made by `at` deducted
 * (R-PS-PAYMENTS). Every figure carries its rule ids and event ids (R-PS-EXPLAIN): the
 * statements are the domain rules' own, passed through.
 */
export interface PayablePsAnswer extends AnswerContext {
  projectId: string;
  /** Why there is nothing to compute yet (no approval, no campaign parameters), or null. */
  notApplicable: string | null;
  /** At the committee's decision: approved collectifs, retained cost, granted bonuses. */
  forecast: PsStatement | null;
  /** At the bilan (filed or validated, not returned): actual cost, compliant collectifs. */
  actual: PsStatement | null;
  /** Which statement the amount due is taken from. */
  basis: 'actual' | 'forecast' | null;
  payable: Cents;
  paid: Cents;
  /** payable − paid by `at`: positive = still to pay. */
  due: Cents;
  /** Amount to recover when more was paid than is payable. */
  toRecover: Cents;
  /** The bilan the actual statement used, with its status. */
  bilan: { bilanId: string; status: 'filed' | 'validated'; eventIds: string[] } | null;
  /** In French, for a letter: the basis statement's summary, or why there is none (R-PS-EXPLAIN). */
  summary: string;
}

/**
 * The forecast statement alone (also used by the convention view and the departmental bilan).
 * It takes the application's other Caf funding, never the bilan's: it is what the decision promised.
 */
export function forecastStatement(project: ProjectFoldState, campaign: CampaignFoldState, asOf: AsOf): PsStatement | null {
  const params = campaign.parameters;
  const decision = project.decision;
  const approval = decision?.approval ?? null;
  if (!params || !decision || !approval) return null;
  const app = project.application;
  const other = app ? sourced(app.content.budget.otherCafFunding, [app.eventId]) : null;
  return forecastPs({
    ...commonInput(project, campaign, params, asOf, other),
    plannedTotalCost: sourced(approval.forecastOperatingCost, decision.eventIds),
  });
}

/**
 * R-COMMITTEE-ORIENTATIONS, the ranking before the decision: the forecast the application asks
 * for — every planned collectif, the planned total cost, each requested bonus on every planned
 * collectif — computed by the same rule as the decision's forecast (R-PS-FORMULA, R-PS-BONUS, R-PS-80).
 */
export function requestedStatement(project: ProjectFoldState, campaign: CampaignFoldState, asOf: AsOf): PsStatement | null {
  const params = campaign.parameters;
  const app = project.application;
  if (!params || !app) return null;
  const ids = [app.eventId];
  const planned = app.content.collectifs.length;
  const requested = (bonus: object | null): Sourced<number> => sourced(bonus === null ? 0 : planned, ids);
  return forecastPs({
    parameters: params,
    campaignEventIds: campaignEventIds(campaign),
    approvedCollectifs: sourced(planned, ids),
    bonusEnfantsCollectifs: requested(app.content.bonusRequests.enfants),
    bonusParentsCollectifs: requested(app.content.bonusRequests.parents),
    otherCafFunding: sourced(app.content.budget.otherCafFunding, ids),
    payments: [],
    at: dayOf(asOf),
    plannedTotalCost: sourced(app.content.budget.totalOperatingCost, ids),
  });
}

function commonInput(
  project: ProjectFoldState,
  campaign: CampaignFoldState,
  params: CampaignParameters,
  asOf: AsOf,
  otherCafFunding: Sourced<Cents> | null,
) {
  const decision = project.decision;
  const approval = decision?.approval ?? null;
  const ids = decision?.eventIds ?? [];
  const granted = (g: { collectifs: number } | null | undefined): Sourced<number> => sourced(g?.collectifs ?? 0, ids);
  return {
    parameters: params,
    campaignEventIds: campaignEventIds(campaign),
    approvedCollectifs: sourced(approval?.approvedCollectifs ?? 0, ids),
    bonusEnfantsCollectifs: granted(approval?.bonusesGranted.enfants),
    bonusParentsCollectifs: granted(approval?.bonusesGranted.parents),
    ...(otherCafFunding ? { otherCafFunding } : {}),
    payments: paymentFacts(project),
    at: dayOf(asOf),
  };
}

export function payablePs(project: ProjectFoldState, campaign: CampaignFoldState, asOf: AsOf): PayablePsAnswer {
  const context = contextOf(asOf);
  const params = campaign.parameters;
  const paidSoFar = project.payments.filter((p) => p.date <= context.day).reduce((sum, p) => sum + p.amount, 0);
  const empty = (notApplicable: string, reason: PsNotApplicableReason): PayablePsAnswer => ({
    ...context,
    projectId: project.projectId,
    notApplicable,
    forecast: null,
    actual: null,
    basis: null,
    payable: 0,
    paid: paidSoFar,
    due: -paidSoFar,
    toRecover: Math.max(0, paidSoFar),
    bilan: null,
    summary: psNotApplicableSummary(reason, paidSoFar),
  });
  if (!params) return empty('the campaign has no parameters at this date', 'no_parameters');
  const approval = project.decision?.approval ?? null;
  if (!project.decision || !approval)
    return project.decision
      ? empty('the committee refused the project', 'refused')
      : empty('no committee decision at this date', 'no_decision');

  const forecast = forecastStatement(project, campaign, asOf);
  if (!forecast) return empty('no approval at this date', 'no_approval');

  const bilan = currentBilan(project);
  const actual = bilan
    ? actualPs({
        ...commonInput(project, campaign, params, asOf, sourced(bilan.financial.otherCafFunding, bilan.eventIds)),
        actualTotalCost: sourced(bilan.financial.actualTotalCost, bilan.eventIds),
        rural: project.application?.content.territory.rural ?? false,
        collectifs: sortedCollectifs(project).map(actualCollectif),
      })
    : null;
  const statement = actual ?? forecast;
  return {
    ...context,
    projectId: project.projectId,
    notApplicable: null,
    forecast,
    actual,
    basis: actual ? 'actual' : 'forecast',
    payable: statement.payable,
    paid: statement.payments.paid,
    due: statement.due,
    toRecover: statement.toRecover,
    bilan: bilan && bilan.status !== 'returned' ? { bilanId: bilan.bilanId, status: bilan.status, eventIds: bilan.eventIds } : null,
    summary: statement.summary,
  };
}
