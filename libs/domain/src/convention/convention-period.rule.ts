import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import type { ConventionPeriod } from '../events/convention.events.js';
import type { Rejection } from '../shared/result.js';
import { type SchoolYear, nextSchoolYear, schoolYearEnd, schoolYearOf, schoolYearStart } from '../shared/school-year.js';
import type { ConventionOperatorFacts } from './convention.context.js';

export function conventionPeriod(startSchoolYear: SchoolYear, years: number): ConventionPeriod {
  return { startSchoolYear, years, from: schoolYearStart(startSchoolYear), to: schoolYearEnd(nextSchoolYear(startSchoolYear, years - 1)) };
}

/**
 * R-CONV-1 / R-CONV-SUPPORT, checked at request and again at signature:
 * - a centre social: at most `centreSocialMaxYears` (5), within its Caf approval period;
 * - any other operator: supported by the Caf for at least `minPriorApprovedYears` (2) earlier
 *   school years, and at most `maxYears` (4).
 */
export function conventionPeriodRejection(
  period: ConventionPeriod,
  operator: ConventionOperatorFacts,
  priorApprovedSchoolYears: number,
  limits: CampaignParameters['conventions'],
): Rejection | null {
  const details = { years: period.years, from: period.from, to: period.to, operatorKind: operator.kind };
  if (operator.kind === 'centre_social') {
    if (period.years > limits.centreSocialMaxYears) {
      return {
        code: 'CONVENTION_TOO_LONG',
        ruleId: 'R-CONV-1',
        message: `a centre social's convention lasts at most ${limits.centreSocialMaxYears} years`,
        details: { ...details, max: limits.centreSocialMaxYears },
      };
    }
    const approval = operator.cafApproval;
    if (approval === null || period.to > approval.to || period.startSchoolYear < schoolYearOf(approval.from)) {
      return {
        code: 'OUTSIDE_CAF_APPROVAL',
        ruleId: 'R-CONV-1',
        message: approval
          ? `the convention (${period.from} – ${period.to}) goes beyond the centre's Caf approval (${approval.from} – ${approval.to})`
          : 'the centre social has no Caf approval period',
        details: { ...details, approval },
      };
    }
    return null;
  }
  if (period.years > limits.maxYears) {
    return {
      code: 'CONVENTION_TOO_LONG',
      ruleId: 'R-CONV-1',
      message: `a convention lasts at most ${limits.maxYears} years`,
      details: { ...details, max: limits.maxYears },
    };
  }
  if (priorApprovedSchoolYears < limits.minPriorApprovedYears) {
    return {
      code: 'OPERATOR_NOT_SUPPORTED_LONG_ENOUGH',
      ruleId: 'R-CONV-SUPPORT',
      message: `a multi-year convention needs ${limits.minPriorApprovedYears} earlier school years of approved Clas projects; the operator has ${priorApprovedSchoolYears}`,
      details: { ...details, priorApprovedSchoolYears, required: limits.minPriorApprovedYears },
    };
  }
  return null;
}
