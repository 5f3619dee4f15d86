import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import type { LocalDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
import type { Explanation } from '../../shared/recorded-event.js';
import type { Sourced } from '../facts/sourced.js';
import { eventIdsOf } from '../facts/sourced.js';
import type { BonusLine } from './bonus.rule.js';
import { bonusLine } from './bonus.rule.js';
import type { EightyPercentResult } from './eighty-percent.rule.js';
import { applyEightyPercentRule } from './eighty-percent.rule.js';
import type { AmountDue, PaymentFact } from './payments.rule.js';
import { amountDue } from './payments.rule.js';
import type { ExactCents, PsPerCollectifResult } from './ps-per-collectif.rule.js';
import { maxPsPerCollectif } from './ps-per-collectif.rule.js';
import { psSummary } from './ps-summary.js';
import type { CollectifWeeks } from './weeks-of-activity.rule.js';

/** The parameters a statement used, with the campaign event that set them (R-PS-EXPLAIN). */
export interface PsParametersUsed {
  cafCode: string;
  schoolYear: string;
  priceCapPerCollectif: Cents;
  maxPsPerCollectif: Cents;
  psRate: { num: number; den: number };
  bonusEnfants: Cents;
  bonusParents: Cents;
  maxCafShare: { num: number; den: number };
  campaignEventIds: string[];
  sources: Record<string, string>;
}

export interface PsCollectifLine {
  collectifId: string;
  /** Forecast: always true. Actual: held at least one session. */
  held: boolean;
  /** Forecast: always true. Actual: ran in compliance (R-PS-WEEK). */
  compliant: boolean;
  /** Counted in the PS line (never more than the approved number). */
  counted: boolean;
  amount: Cents;
  ruleIds: string[];
  sourceEventIds: string[];
  weeks: CollectifWeeks | null;
}

export interface PsStatement {
  kind: 'forecast' | 'actual';
  parameters: PsParametersUsed;
  approvedCollectifs: number;
  costPerCollectif: ExactCents;
  capApplied: boolean;
  psPerCollectif: Cents;
  collectifLines: PsCollectifLine[];
  collectifsCounted: number;
  /** collectifsCounted × psPerCollectif. */
  ps: Cents;
  bonuses: { enfants: BonusLine; parents: BonusLine; total: Cents };
  reduction80: EightyPercentResult;
  payable: Cents;
  payments: AmountDue;
  /** payable − payments by `at`: positive = to pay, negative = to recover. */
  due: Cents;
  toRecover: Cents;
  explanation: Explanation;
  /** The explanation in French, for a letter (R-PS-EXPLAIN, rendered by psSummary from `explanation`). */
  summary: string;
}

/** Inputs forecast and actual statements share. */
export interface PsStatementCommonInput {
  parameters: CampaignParameters;
  /** The campaign event(s) that set the parameters, when known. */
  campaignEventIds?: readonly string[];
  approvedCollectifs: Sourced<number>;
  /** Number of collectifs each bonus was granted on (0 or absent = not granted). */
  bonusEnfantsCollectifs?: Sourced<number>;
  bonusParentsCollectifs?: Sourced<number>;
  /** Other Caf funding of the project (local funds…), for R-PS-80. */
  otherCafFunding?: Sourced<Cents>;
  payments?: readonly PaymentFact[];
  /** Payments made by this day are deducted; absent = all payments given. */
  at?: LocalDate;
}

const PARAMETER_FIELDS = ['priceCapPerCollectif', 'psRate', 'bonusEnfants', 'bonusParents', 'maxCafShare'] as const;

export function parametersUsed(params: CampaignParameters, campaignEventIds: readonly string[] = []): PsParametersUsed {
  return {
    cafCode: params.cafCode,
    schoolYear: params.schoolYear,
    priceCapPerCollectif: params.priceCapPerCollectif,
    maxPsPerCollectif: maxPsPerCollectif(params),
    psRate: params.psRate,
    bonusEnfants: params.bonusEnfants,
    bonusParents: params.bonusParents,
    maxCafShare: params.maxCafShare,
    campaignEventIds: [...campaignEventIds],
    sources: Object.fromEntries(PARAMETER_FIELDS.filter((f) => params.sources[f] !== undefined).map((f) => [f, params.sources[f]])),
  };
}

/**
 * The common tail of both statements: bonuses on `bonusCap` collectifs at most, R-PS-80 on the cost,
 * payments deducted at the date, and the explanation tree (R-PS-EXPLAIN).
 */
export function completeStatement(
  kind: PsStatement['kind'],
  input: PsStatementCommonInput,
  totalCost: Sourced<Cents>,
  formula: PsPerCollectifResult,
  collectifLines: PsCollectifLine[],
  bonusCap: number,
  extraExplanations: Explanation[],
): PsStatement {
  const params = input.parameters;
  const parameters = parametersUsed(params, input.campaignEventIds);
  const counted = collectifLines.filter((l) => l.counted).length;
  const ps = counted * formula.psPerCollectif;
  const bonusOn = (granted: Sourced<number> | undefined) => Math.min(granted?.value ?? 0, bonusCap);
  const bonusNote = (granted: Sourced<number> | undefined) =>
    (granted?.value ?? 0) > bonusCap ? `granted on ${granted?.value} collectif(s), paid on ${bonusCap}` : undefined;
  const enfants = bonusLine(
    'enfants',
    bonusOn(input.bonusEnfantsCollectifs),
    params,
    eventIdsOf(input.bonusEnfantsCollectifs),
    bonusNote(input.bonusEnfantsCollectifs),
  );
  const parents = bonusLine(
    'parents',
    bonusOn(input.bonusParentsCollectifs),
    params,
    eventIdsOf(input.bonusParentsCollectifs),
    bonusNote(input.bonusParentsCollectifs),
  );
  const bonusTotal = enfants.amount + parents.amount;
  const other = input.otherCafFunding?.value ?? 0;
  const reduction80 = applyEightyPercentRule(ps + bonusTotal, totalCost.value, other, params, eventIdsOf(totalCost, input.otherCafFunding));
  const payments = amountDue(reduction80.payable, input.payments ?? [], input.at ?? null);
  const sourceEventIds = [
    ...new Set([
      ...parameters.campaignEventIds,
      ...eventIdsOf(input.approvedCollectifs, totalCost, input.bonusEnfantsCollectifs, input.bonusParentsCollectifs, input.otherCafFunding),
      ...collectifLines.flatMap((l) => l.sourceEventIds),
      ...payments.explanation.sourceEventIds,
    ]),
  ];
  const explanation: Explanation = {
    ruleId: 'R-PS-EXPLAIN',
    inputs: {
      kind,
      parameters,
      approvedCollectifs: input.approvedCollectifs.value,
      totalCost: totalCost.value,
      otherCafFunding: other,
      at: input.at ?? null,
    },
    sourceEventIds,
    output: {
      ps,
      bonuses: bonusTotal,
      reduction: reduction80.reduction,
      payable: reduction80.payable,
      paid: payments.paid,
      due: payments.due,
    },
    children: [
      ...extraExplanations,
      formula.explanation,
      enfants.explanation,
      parents.explanation,
      reduction80.explanation,
      payments.explanation,
    ],
  };
  return {
    kind,
    parameters,
    approvedCollectifs: input.approvedCollectifs.value,
    costPerCollectif: formula.costPerCollectif,
    capApplied: formula.capApplied,
    psPerCollectif: formula.psPerCollectif,
    collectifLines,
    collectifsCounted: counted,
    ps,
    bonuses: { enfants, parents, total: bonusTotal },
    reduction80,
    payable: reduction80.payable,
    payments,
    due: payments.due,
    toRecover: payments.toRecover,
    explanation,
    summary: psSummary(explanation),
  };
}
