import type {
  BilanFiledFact,
  ConventionFact,
  ConventionLength,
  ConventionTerms,
  ConventionTermsChanges,
  ConventionValues,
  ConventionView,
  LocalDate,
  OperatorHistory,
  PriorSupport,
  Rejection,
  SchoolYear,
  Sourced,
} from '@clas/domain';
import { checkConventionLength, conventionAt, priorSupportedYears, sourced } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';
import { campaignKey } from '../folds/campaign.fold.js';
import type { ConventionFoldState } from '../folds/convention.fold.js';
import type { OperatorFoldState } from '../folds/operator.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import type { AnswerContext } from './answer-support.js';
import { contextOf } from './answer-support.js';
import { forecastStatement } from './payable-ps.answer.js';

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

const valuesOf = (terms: ConventionTerms): ConventionValues => ({
  startDate: terms.startDate,
  collectifs: terms.collectifs,
  children: terms.children,
  weeksOfActivity: terms.weeks,
});

function changesOf(changes: ConventionTermsChanges): Partial<ConventionValues> {
  const out: Partial<ConventionValues> = {};
  if (changes.startDate !== undefined) out.startDate = changes.startDate;
  if (changes.collectifs !== undefined) out.collectifs = changes.collectifs;
  if (changes.children !== undefined) out.children = changes.children;
  if (changes.weeks !== undefined) out.weeksOfActivity = changes.weeks;
  return out;
}

/** The fold's state as the rule's facts, in the order the rule reads them (decisions by date). */
function conventionFacts(c: ConventionFoldState): Sourced<ConventionFact>[] {
  const r = c.requested;
  if (!r) return [];
  const facts: Array<Sourced<ConventionFact>> = [
    sourced(
      {
        type: 'requested',
        on: r.requestedOn,
        conventionId: c.conventionId,
        operatorId: c.operatorId ?? '',
        projectIds: r.projectIds,
        firstYear: r.period.startSchoolYear,
        years: r.period.years,
        values: valuesOf(r.terms),
      },
      [r.eventId],
    ),
  ];
  const dated: Array<{ on: LocalDate; fact: Sourced<ConventionFact> }> = [];
  if (c.signed) dated.push({ on: c.signed.signedOn, fact: sourced({ type: 'signed', on: c.signed.signedOn, firstYear: c.signed.period.startSchoolYear, years: c.signed.period.years, values: valuesOf(c.signed.terms) }, [c.signed.eventId]) });
  if (c.refused) dated.push({ on: c.refused.refusedOn, fact: sourced({ type: 'refused', on: c.refused.refusedOn, reason: c.refused.reason }, [c.refused.eventId]) });
  for (const n of Object.values(c.notifications)) {
    dated.push({ on: n.notifiedOn, fact: sourced({ type: 'collectifs_notified', on: n.notifiedOn, schoolYear: n.schoolYear, collectifs: n.collectifs }, [n.eventId]) });
  }
  for (const a of c.amendments) {
    dated.push({ on: a.requestedOn, fact: sourced({ type: 'amendment_requested', on: a.requestedOn, amendmentId: a.amendmentId, changes: changesOf(a.changes) }, [a.eventIds[0]]) });
    if (a.status !== 'pending' && a.decidedOn !== null) {
      const decisionIds = a.eventIds.slice(1);
      dated.push({
        on: a.decidedOn,
        fact:
          a.status === 'validated'
            ? sourced({ type: 'amendment_validated', on: a.decidedOn, amendmentId: a.amendmentId }, decisionIds)
            : sourced({ type: 'amendment_refused', on: a.decidedOn, amendmentId: a.amendmentId, reason: a.refusalReason ?? '' }, decisionIds),
      });
    }
  }
  if (c.terminated) dated.push({ on: c.terminated.terminatedOn, fact: sourced({ type: 'terminated', on: c.terminated.terminatedOn, reason: c.terminated.reason }, [c.terminated.eventId]) });
  // Stable sort: same-day facts keep the order above (a request before its decision).
  dated.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
  return [...facts, ...dated.map((d) => d.fact)];
}

/** R-BILAN-1 parts as the convention rules read them: one BilanFiled covers the three parts. */
function bilanFacts(projects: readonly ProjectFoldState[]): Sourced<BilanFiledFact>[] {
  const out: Sourced<BilanFiledFact>[] = [];
  for (const p of projects) {
    if (!p.ref) continue;
    for (const b of p.bilans) {
      const assessment = b.status === 'validated' ? 'compliant' : b.status === 'returned' ? 'non_compliant' : 'pending';
      for (const kind of ['qualitative', 'quantitative', 'financial'] as const) {
        out.push(sourced({ projectId: p.projectId, schoolYear: p.ref.schoolYear, kind, filedOn: b.filedOn, assessment }, b.eventIds));
      }
    }
  }
  return out;
}

export function operatorHistory(operator: OperatorFoldState): OperatorHistory {
  const operatorId = operator.operatorId;
  return {
    decisions: operator.history.decisions.map((d) => sourced({ projectId: d.projectId, operatorId, schoolYear: d.schoolYear, outcome: d.outcome, decidedOn: d.decidedOn }, [d.eventId])),
    withdrawals: operator.history.withdrawals.map((w) => sourced({ projectId: w.projectId, schoolYear: w.schoolYear, withdrawnOn: w.withdrawnOn }, [w.eventId])),
    payments: operator.history.payments.map((p) => sourced({ projectId: p.projectId, operatorId, schoolYear: p.schoolYear, paidOn: p.paidOn, amount: p.amount }, [p.eventId])),
  };
}

export function conventionView(
  convention: ConventionFoldState,
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
      psForecasts.push(sourced({ schoolYear: p.ref.schoolYear, decidedOn: p.decision.effectiveDate, amount: statement.payable }, statement.explanation.sourceEventIds));
    }
    for (const pay of p.payments) psPayments.push(sourced({ schoolYear: p.ref.schoolYear, paidOn: pay.date, amount: pay.amount }, [pay.eventId]));
  }
  const view = conventionAt({ at: context.day, events: conventionFacts(convention), psForecasts, psPayments, bilans: bilanFacts(own) });

  let multiYear: ConventionAnswer['multiYear'] = null;
  let multiYearUnavailable: string | null = null;
  const requested = convention.requested;
  const start = convention.signed?.period ?? requested?.period ?? null;
  const params = start && convention.cafCode ? (campaigns[campaignKey(convention.cafCode, start.startSchoolYear)]?.parameters ?? null) : null;
  if (!start) multiYearUnavailable = 'the convention is not requested at this date';
  else if (!operator || operator.kind === null) multiYearUnavailable = 'the operator is not registered at this date';
  else if (!params) multiYearUnavailable = `no campaign parameters for ${convention.cafCode} ${start.startSchoolYear}`;
  else {
    const support = priorSupportedYears(operatorHistory(operator), operator.operatorId, start.startSchoolYear);
    const centreSocialApproval = operator.cafApproval && operator.registeredEventId ? sourced(operator.cafApproval, [operator.registeredEventId]) : null;
    const check = checkConventionLength({ operatorId: operator.operatorId, kind: operator.kind, centreSocialApproval, support }, params, start.startSchoolYear, start.years);
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
