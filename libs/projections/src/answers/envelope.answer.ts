import type { Cents, EnvelopeHistory, EnvelopeOverride, Explanation, ProjectCommitment } from '@clas/domain';
import { envelopeStatement, projectCommitment, sourced } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import type { AnswerContext } from './answer-support.js';
import { campaignEventIds, contextOf } from './answer-support.js';
import { paymentFacts } from './project-facts.builder.js';

/** One approved project's share of the envelope at the date. */
export interface EnvelopeProjectLine {
  projectId: string;
  operatorId: string;
  /** Forecast PS + bonuses after R-PS-80, on the decision in force (corrections included as known at knownAt). */
  forecast: Cents;
  /** Local Caf funds of the application (its "other Caf funding"). */
  localFunds: Cents;
  /** forecast + localFunds. */
  committed: Cents;
  /** Advances + balances − recoveries made by `at`. */
  paid: Cents;
  /** Corrections of the decision known at the date (their event ids are in decisionEventIds). */
  corrections: number;
  decisionEventIds: string[];
}

/** A decision (or correction) recorded beyond the envelope: the reason and the figures of that moment. */
export interface EnvelopeOverrideLine extends EnvelopeOverride {
  projectId: string;
  eventId: string;
}

/**
 * R-BUDGET-ENVELOPE at any date: the Caf × year envelope with its amendments, what the approved
 * projects commit (forecast PS + bonuses, local Caf funds), what payments consumed, what remains,
 * and the decisions recorded beyond it with their reasons. Every figure has its derivation in
 * `explanation` (rule ids, source event ids) and `summary` says it in French.
 */
export interface EnvelopeAnswer extends AnswerContext {
  cafCode: string;
  schoolYear: string;
  /** false when no envelope is recorded for the Caf × year: committee decisions are then not checked. */
  checked: boolean;
  /** The amount in force, null without an envelope. */
  envelope: Cents | null;
  /** The amount set, then each amendment (a new amount or a signed change, with its reason). */
  history: EnvelopeHistory | null;
  committed: Cents;
  /** Payments made by `at` (advances + balances − recoveries) on the campaign's projects. */
  consumed: Cents;
  /** envelope − committed; negative when overrides took the campaign beyond it; null without an envelope. */
  remaining: Cents | null;
  /** envelope − consumed: credits not paid out yet; null without an envelope. */
  unpaid: Cents | null;
  projects: EnvelopeProjectLine[];
  overrides: EnvelopeOverrideLine[];
  explanation: Explanation;
  summary: string;
}

/** The commitment of an approved project at the date, by the rule the decider checks with. */
export function commitmentOf(project: ProjectFoldState, campaign: CampaignFoldState): ProjectCommitment | null {
  const params = campaign.parameters;
  const decision = project.decision;
  const approval = decision?.approval ?? null;
  if (!params || !decision || !approval || project.status !== 'approved') return null;
  const app = project.application;
  return projectCommitment({
    projectId: project.projectId,
    parameters: params,
    campaignEventIds: campaignEventIds(campaign),
    approval,
    decisionEventIds: decision.eventIds,
    localFunds: app ? sourced(app.content.budget.otherCafFunding, [app.eventId]) : sourced(0),
  });
}

export function envelopeAnswer(
  cafCode: string,
  schoolYear: string,
  projects: readonly ProjectFoldState[],
  campaign: CampaignFoldState,
  asOf: AsOf,
): EnvelopeAnswer {
  const context = contextOf(asOf);
  const inScope = projects
    .filter((p) => p.ref && p.ref.cafCode === cafCode && p.ref.schoolYear === schoolYear)
    .sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
  const lines: EnvelopeProjectLine[] = [];
  const commitments: ProjectCommitment[] = [];
  for (const p of inScope) {
    const c = commitmentOf(p, campaign);
    if (!c || !p.ref || !p.decision) continue;
    commitments.push(c);
    lines.push({
      projectId: p.projectId,
      operatorId: p.ref.operatorId,
      forecast: c.forecast,
      localFunds: c.localFunds,
      committed: c.total,
      paid: p.payments.filter((x) => x.date <= context.day).reduce((sum, x) => sum + x.amount, 0),
      corrections: p.decision.corrections.length,
      decisionEventIds: [...p.decision.eventIds],
    });
  }
  const overrides = inScope.flatMap((p) =>
    (p.decision?.envelopeOverrides ?? []).map((o) => ({
      projectId: p.projectId,
      eventId: o.eventId,
      reason: o.reason,
      envelope: o.envelope,
      committed: o.committed,
      thisDecision: o.thisDecision,
      excess: o.excess,
    })),
  );
  const statement = envelopeStatement({
    cafCode,
    schoolYear,
    envelope: campaign.envelope,
    commitments,
    payments: inScope.map((p) => ({ projectId: p.projectId, payments: paymentFacts(p) })),
    overrides: overrides.map((o) => ({
      projectId: o.projectId,
      reason: o.reason,
      eventId: o.eventId,
      figures: { envelope: o.envelope, committed: o.committed, thisDecision: o.thisDecision, excess: o.excess },
    })),
    at: context.day,
  });
  return {
    ...context,
    cafCode,
    schoolYear,
    checked: statement.checked,
    envelope: statement.envelope,
    history: campaign.envelope,
    committed: statement.committed,
    consumed: statement.consumed,
    remaining: statement.remaining,
    unpaid: statement.unpaid,
    projects: lines,
    overrides,
    explanation: statement.explanation,
    summary: statement.summary,
  };
}
