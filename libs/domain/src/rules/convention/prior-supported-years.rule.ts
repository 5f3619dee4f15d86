import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import type { SchoolYear } from '../../shared/school-year.js';
import { type ApprovalHistory, effectiveDecisions, type PsPaymentFact } from '../bilan/approval-history.js';
import { idsOf, type Sourced, unionIds } from '../facts/sourced.js';

/**
 * R-CONV-SUPPORT: "supported by the Caf for at least 2 years" = Clas projects approved by the
 * committee for at least `minPriorApprovedYears` distinct earlier school years. A refused or
 * withdrawn project does not count, nor does an approval later corrected to a refusal.
 * Payments corroborate a supported year; a year paid without any recorded approval is shown
 * but does not count (the rule is about approvals).
 */
export interface OperatorHistory extends ApprovalHistory {
  payments: readonly Sourced<PsPaymentFact>[];
}

export interface PriorSupport {
  ruleId: 'R-CONV-SUPPORT';
  operatorId: string;
  beforeSchoolYear: SchoolYear;
  /** Distinct earlier school years with at least one approved project, ascending; ids of the approvals and of that year's payments. */
  years: Sourced<SchoolYear>[];
  count: number;
  paidWithoutApproval: Sourced<SchoolYear>[];
}

export function priorSupportedYears(history: OperatorHistory, operatorId: string, beforeSchoolYear: SchoolYear): PriorSupport {
  const approved = effectiveDecisions(history).filter(
    (d) => d.operatorId === operatorId && d.schoolYear < beforeSchoolYear && d.outcome === 'approved',
  );
  const payments = history.payments.filter((p) => p.value.operatorId === operatorId && p.value.schoolYear < beforeSchoolYear);
  const approvedYears = [...new Set(approved.map((d) => d.schoolYear))].sort();
  const years = approvedYears.map((year) => ({
    value: year,
    eventIds: unionIds([
      ...approved.filter((d) => d.schoolYear === year).map((d) => d.eventIds),
      idsOf(payments.filter((p) => p.value.schoolYear === year)),
    ]),
  }));
  const paidOnly = [...new Set(payments.map((p) => p.value.schoolYear))].filter((y) => !approvedYears.includes(y)).sort();
  return {
    ruleId: 'R-CONV-SUPPORT',
    operatorId,
    beforeSchoolYear,
    years,
    count: years.length,
    paidWithoutApproval: paidOnly.map((year) => ({ value: year, eventIds: idsOf(payments.filter((p) => p.value.schoolYear === year)) })),
  };
}

export function isSupportedForMinYears(support: PriorSupport, params: Pick<CampaignParameters, 'conventions'>): boolean {
  return support.count >= params.conventions.minPriorApprovedYears;
}
