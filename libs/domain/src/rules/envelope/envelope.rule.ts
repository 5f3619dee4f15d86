import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import type { BonusesGranted } from '../../events/project.events.js';
import type { LocalDate } from '../../shared/calendar-date.js';
import { euros, frenchDate, plural } from '../../shared/french-text.js';
import type { Cents } from '../../shared/money.js';
import { sumCents } from '../../shared/money.js';
import type { Explanation } from '../../shared/recorded-event.js';
import type { Sourced } from '../facts/sourced.js';
import { sourced, unionIds } from '../facts/sourced.js';
import type { PaymentFact } from '../ps/payments.rule.js';
import { forecastPs } from '../ps/ps-forecast.rule.js';

/**
 * R-BUDGET-ENVELOPE: each Caf × school year has an envelope; approved forecasts (PS + bonuses,
 * plus local Caf funds) commit it, payments consume it, and a decision that would exceed it needs
 * an explicit, reasoned override. The decider (the check) and the envelope answer (the figures)
 * both take a project's commitment from `projectCommitment`, so they can never disagree.
 */

/** The approval figures a commitment is computed on (the decision in force, or the one being recorded). */
export interface ApprovalFigures {
  approvedCollectifs: number;
  bonusesGranted: BonusesGranted;
  forecastOperatingCost: Cents;
}

export interface CommitmentInput {
  projectId: string;
  parameters: CampaignParameters;
  campaignEventIds?: readonly string[];
  approval: ApprovalFigures;
  /** The decision and its corrections, in log order (empty for a decision not yet recorded). */
  decisionEventIds: readonly string[];
  /** The local Caf funds of the project (its application's "other Caf funding"): they also count in R-PS-80. */
  localFunds: Sourced<Cents>;
}

export interface ProjectCommitment {
  projectId: string;
  /** Forecast PS + bonuses after R-PS-80: what the decision promises (R-PS-ACTUAL, forecast part). */
  forecast: Cents;
  localFunds: Cents;
  /** forecast + localFunds: what the project takes from the envelope. */
  total: Cents;
  explanation: Explanation;
}

/** One project's commitment: the PS forecast rule's own payable (no second computation) plus its local Caf funds. */
export function projectCommitment(input: CommitmentInput): ProjectCommitment {
  const ids = input.decisionEventIds;
  const granted = (g: { collectifs: number } | null) => sourced(g?.collectifs ?? 0, ids);
  const statement = forecastPs({
    parameters: input.parameters,
    ...(input.campaignEventIds ? { campaignEventIds: input.campaignEventIds } : {}),
    approvedCollectifs: sourced(input.approval.approvedCollectifs, ids),
    bonusEnfantsCollectifs: granted(input.approval.bonusesGranted.enfants),
    bonusParentsCollectifs: granted(input.approval.bonusesGranted.parents),
    otherCafFunding: input.localFunds,
    plannedTotalCost: sourced(input.approval.forecastOperatingCost, ids),
  });
  const forecast = statement.payable;
  const localFunds = input.localFunds.value;
  return {
    projectId: input.projectId,
    forecast,
    localFunds,
    total: forecast + localFunds,
    explanation: {
      ruleId: 'R-BUDGET-ENVELOPE',
      inputs: { projectId: input.projectId, forecast, localFunds },
      sourceEventIds: unionIds([ids, input.localFunds.eventIds]),
      output: { committed: forecast + localFunds },
      note: 'forecast PS + bonuses of the decision in force (R-PS-EXPLAIN below) + local Caf funds of the application',
      children: [statement.explanation],
    },
  };
}

/** What a decision would take beyond the envelope: positive = exceeded by that much. */
export interface EnvelopeCheckFigures {
  envelope: Cents;
  /** Committed by the other approved projects of the campaign. */
  committed: Cents;
  /** This project's commitment after the decision (or correction). */
  thisDecision: Cents;
  excess: Cents;
}

export function envelopeCheck(envelope: Cents, committedByOthers: Cents, thisDecision: Cents): EnvelopeCheckFigures {
  return { envelope, committed: committedByOthers, thisDecision, excess: Math.max(0, committedByOthers + thisDecision - envelope) };
}

/** An envelope and its history, as folded from the campaign stream. */
export interface EnvelopeHistory {
  set: { amount: Cents; setOn: LocalDate; eventId: string };
  amendments: ReadonlyArray<{ previousAmount: Cents; amount: Cents; delta: number; reason: string; amendedOn: LocalDate; eventId: string }>;
}

/** A decision recorded over the envelope, with the figures at that moment (the audit trail of the override). */
export interface EnvelopeOverrideFact {
  projectId: string;
  reason: string;
  figures: EnvelopeCheckFigures;
  eventId: string;
}

export interface EnvelopeProjectPayments {
  projectId: string;
  payments: readonly PaymentFact[];
}

export interface EnvelopeStatementInput {
  cafCode: string;
  schoolYear: string;
  /** null: no envelope recorded for the Caf × year (decisions are not checked). */
  envelope: EnvelopeHistory | null;
  commitments: readonly ProjectCommitment[];
  payments: readonly EnvelopeProjectPayments[];
  overrides: readonly EnvelopeOverrideFact[];
  /** Payments made by this day are consumed. */
  at: LocalDate;
}

export interface EnvelopeStatement {
  envelope: Cents | null;
  committed: Cents;
  /** Advances + balances − recoveries made by `at`. */
  consumed: Cents;
  /** envelope − committed (negative once overrides took it beyond); null without an envelope. */
  remaining: Cents | null;
  /** envelope − consumed: credits not yet paid out; null without an envelope. */
  unpaid: Cents | null;
  checked: boolean;
  explanation: Explanation;
  summary: string;
}

/** The envelope answer's figures, each with its derivation (R-BUDGET-ENVELOPE, R-PS-EXPLAIN, R-PS-PAYMENTS). */
export function envelopeStatement(input: EnvelopeStatementInput): EnvelopeStatement {
  const envelope = input.envelope === null ? null : amountInForce(input.envelope);
  const committed = sumCents(input.commitments.map((c) => c.total));
  const paymentsCounted = input.payments.map((p) => ({
    projectId: p.projectId,
    counted: p.payments.filter((x) => x.date <= input.at),
  }));
  const consumed = sumCents(paymentsCounted.flatMap((p) => p.counted.map((x) => x.amount)));
  const remaining = envelope === null ? null : envelope - committed;
  const envelopeIds = input.envelope === null ? [] : [input.envelope.set.eventId, ...input.envelope.amendments.map((a) => a.eventId)];
  const envelopeNode: Explanation = {
    ruleId: 'R-BUDGET-ENVELOPE',
    inputs:
      input.envelope === null
        ? { recorded: false }
        : { set: input.envelope.set.amount, amendments: input.envelope.amendments.map((a) => a.delta) },
    sourceEventIds: envelopeIds,
    output: { envelope },
    note:
      input.envelope === null
        ? 'no envelope recorded for this Caf and school year: committee decisions are not checked against one'
        : 'the amount set, then each amendment in log order',
  };
  const committedNode: Explanation = {
    ruleId: 'R-BUDGET-ENVELOPE',
    inputs: { projects: input.commitments.map((c) => c.projectId) },
    sourceEventIds: unionIds(input.commitments.map((c) => c.explanation.sourceEventIds)),
    output: { committed },
    note: 'sum of the approved projects’ forecast PS + bonuses and local Caf funds',
    children: input.commitments.map((c) => c.explanation),
  };
  const consumedNode: Explanation = {
    ruleId: 'R-PS-PAYMENTS',
    inputs: {
      at: input.at,
      byProject: paymentsCounted.map((p) => ({ projectId: p.projectId, paid: sumCents(p.counted.map((x) => x.amount)) })),
    },
    sourceEventIds: unionIds(paymentsCounted.flatMap((p) => p.counted.map((x) => x.eventIds))),
    output: { consumed },
    note: 'advances + balances − recoveries made by the date',
  };
  const overridesNode: Explanation = {
    ruleId: 'R-BUDGET-ENVELOPE',
    inputs: { overrides: input.overrides.map((o) => ({ projectId: o.projectId, reason: o.reason, ...o.figures })) },
    sourceEventIds: input.overrides.map((o) => o.eventId),
    output: { count: input.overrides.length },
    note: 'decisions recorded beyond the envelope with an explicit, reasoned override',
  };
  const explanation: Explanation = {
    ruleId: 'R-BUDGET-ENVELOPE',
    inputs: { cafCode: input.cafCode, schoolYear: input.schoolYear, at: input.at },
    sourceEventIds: unionIds([envelopeIds, committedNode.sourceEventIds, consumedNode.sourceEventIds, overridesNode.sourceEventIds]),
    output: { envelope, committed, consumed, remaining },
    children: [envelopeNode, committedNode, consumedNode, overridesNode],
  };
  return {
    envelope,
    committed,
    consumed,
    remaining,
    unpaid: envelope === null ? null : envelope - consumed,
    checked: envelope !== null,
    explanation,
    summary: envelopeSummary(input, envelope, committed, consumed, remaining),
  };
}

const amountInForce = (h: EnvelopeHistory): Cents =>
  h.amendments.length === 0 ? h.set.amount : h.amendments[h.amendments.length - 1].amount;

/** In French, for a note to the committee: the same figures as the JSON answer, never computed again. */
function envelopeSummary(
  input: EnvelopeStatementInput,
  envelope: Cents | null,
  committed: Cents,
  consumed: Cents,
  remaining: Cents | null,
): string {
  const projects = plural(input.commitments.length, 'projet approuvé', 'projets approuvés');
  const engaged = `engagé ${euros(committed)} (${projects} : PS prévisionnelle, bonus et fonds locaux)`;
  const paid = `versé au ${frenchDate(input.at)} ${euros(consumed)}`;
  if (envelope === null || input.envelope === null)
    return `Aucune enveloppe enregistrée pour la Caf ${input.cafCode} en ${input.schoolYear} : les décisions ne sont pas contrôlées ; ${engaged} ; ${paid}`;
  const amendments = input.envelope.amendments.length;
  const parts = [
    `Enveloppe ${input.cafCode} ${input.schoolYear} : ${euros(envelope)}${
      amendments === 0 ? '' : ` (${euros(input.envelope.set.amount)} puis ${plural(amendments, 'modification')})`
    }`,
    engaged,
    remaining !== null && remaining < 0 ? `dépassement ${euros(-remaining)}` : `reste disponible ${euros(remaining ?? 0)}`,
    paid,
  ];
  if (input.overrides.length > 0)
    parts.push(`${plural(input.overrides.length, 'décision motivée', 'décisions motivées')} au-delà de l’enveloppe`);
  return parts.join(' ; ');
}
