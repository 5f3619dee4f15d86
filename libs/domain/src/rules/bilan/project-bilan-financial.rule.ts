import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { CO_FUNDER_KINDS, type CoFunderKind } from '../../events/vocabulary.js';
import { compareDates, type LocalDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
import type { SchoolYear } from '../../shared/school-year.js';
import { idsOf, type Sourced, unionIds } from '../facts/sourced.js';
import type { Fraction } from './decimal.js';
import { percentOneDecimal } from './decimal.js';

/** R-BILAN-3: the financial bilan of one project for one school year. */

export interface CoFundingFact {
  kind: CoFunderKind;
  /** Who, as the operator names it ("Ville de Dax"); free text. */
  label: string;
  amount: Cents;
}

export interface CafPaymentFact {
  paymentId: string;
  paidOn: LocalDate;
  amount: Cents;
}

export interface ProjectFinancialFacts {
  projectId: string;
  schoolYear: SchoolYear;
  /** Actual total operating cost of the Clas accompaniment; null while not declared. */
  actualCost: Sourced<Cents> | null;
  coFundings: readonly Sourced<CoFundingFact>[];
  /** PS payments received for this project and year (advance, balance; a recovery is negative). */
  cafPayments: readonly Sourced<CafPaymentFact>[];
  /** Other Caf funding of the project (local funds), which R-ELIG-COFUNDING counts with the PS. */
  otherCafFunding: readonly Sourced<Cents>[];
  /** PS still expected for the year (payable − paid, from the PS projection); counted as a receivable so the statement can close. */
  cafPsReceivable: Sourced<Cents> | null;
}

export type FinancialBalance =
  | { status: 'balanced'; gap: 0 }
  /** Funding short of the cost by `gap` cents. */
  | { status: 'deficit'; gap: Cents }
  /** Funding above the cost by −`gap` cents. */
  | { status: 'surplus'; gap: Cents }
  | { status: 'cost_unknown'; gap: null };

export interface ProjectBilanFinancial {
  ruleId: 'R-BILAN-3';
  projectId: string;
  schoolYear: SchoolYear;
  actualCost: Sourced<Cents> | null;
  /** The declared lines, sorted by kind order then label. */
  coFunders: { kind: CoFunderKind; label: string; amount: Sourced<Cents> }[];
  /** One row per kind that has funding, in kind order. */
  coFundingByKind: { kind: CoFunderKind; amount: Sourced<Cents> }[];
  coFundingTotal: Sourced<Cents>;
  caf: {
    /** Sorted by date then id. */
    payments: { paymentId: string; paidOn: LocalDate; amount: Sourced<Cents> }[];
    received: Sourced<Cents>;
    otherCafFunding: Sourced<Cents>;
    receivable: Sourced<Cents>;
    total: Sourced<Cents>;
  };
  fundingTotal: Sourced<Cents>;
  /** gap = actual cost − total funding. */
  balance: FinancialBalance;
  /** R-ELIG-COFUNDING context: all Caf funding ÷ actual cost against the campaign's maximum share. */
  cafShare: { ratio: Fraction | null; percent: string | null; max: Fraction; withinMax: boolean | null };
}

function total(facts: readonly Sourced<Cents>[]): Sourced<Cents> {
  return { value: facts.reduce((sum, f) => sum + f.value, 0), eventIds: idsOf(facts) };
}

export function projectBilanFinancial(
  facts: ProjectFinancialFacts,
  params: Pick<CampaignParameters, 'maxCafShare'>,
): ProjectBilanFinancial {
  const kindRank = (kind: CoFunderKind) => CO_FUNDER_KINDS.indexOf(kind);
  const coFunders = facts.coFundings
    .map((f) => ({ kind: f.value.kind, label: f.value.label, amount: { value: f.value.amount, eventIds: unionIds([f.eventIds]) } }))
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const coFundingByKind = CO_FUNDER_KINDS.flatMap((kind) => {
    const lines = coFunders.filter((c) => c.kind === kind);
    return lines.length === 0 ? [] : [{ kind, amount: total(lines.map((l) => l.amount)) }];
  });
  const coFundingTotal = total(coFunders.map((c) => c.amount));

  const payments = facts.cafPayments
    .map((p) => ({
      paymentId: p.value.paymentId,
      paidOn: p.value.paidOn,
      amount: { value: p.value.amount, eventIds: unionIds([p.eventIds]) },
    }))
    .sort((a, b) => compareDates(a.paidOn, b.paidOn) || (a.paymentId < b.paymentId ? -1 : a.paymentId > b.paymentId ? 1 : 0));
  const received = total(payments.map((p) => p.amount));
  const otherCafFunding = total(facts.otherCafFunding);
  const receivable = facts.cafPsReceivable ?? { value: 0, eventIds: [] };
  const cafTotal = total([received, otherCafFunding, receivable]);
  const fundingTotal = total([coFundingTotal, cafTotal]);

  const cost = facts.actualCost;
  let balance: FinancialBalance;
  if (cost === null) balance = { status: 'cost_unknown', gap: null };
  else {
    const gap = cost.value - fundingTotal.value;
    balance = gap === 0 ? { status: 'balanced', gap: 0 } : gap > 0 ? { status: 'deficit', gap } : { status: 'surplus', gap };
  }

  const max = { num: params.maxCafShare.num, den: params.maxCafShare.den };
  const costKnown = cost !== null && cost.value > 0;
  const cafShare = costKnown
    ? {
        ratio: { num: cafTotal.value, den: cost.value },
        percent: percentOneDecimal(cafTotal.value, cost.value),
        max,
        // Exact comparison by cross-multiplication: caf / cost ≤ max.num / max.den.
        withinMax: BigInt(cafTotal.value) * BigInt(max.den) <= BigInt(max.num) * BigInt(cost.value),
      }
    : { ratio: null, percent: null, max, withinMax: null };

  return {
    ruleId: 'R-BILAN-3',
    projectId: facts.projectId,
    schoolYear: facts.schoolYear,
    actualCost: cost,
    coFunders,
    coFundingByKind,
    coFundingTotal,
    caf: { payments, received, otherCafFunding, receivable, total: cafTotal },
    fundingTotal,
    balance,
    cafShare,
  };
}
