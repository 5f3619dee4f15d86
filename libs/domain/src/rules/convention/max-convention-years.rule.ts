import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import { compareDates, type LocalDate } from '../../shared/calendar-date.js';
import type { Explanation } from '../../shared/recorded-event.js';
import type { Rejection } from '../../shared/result.js';
import { nextSchoolYear, schoolYearStart, type SchoolYear } from '../../shared/school-year.js';
import { type Sourced, unionIds } from '../facts/sourced.js';
import { isSupportedForMinYears, type PriorSupport } from './prior-supported-years.rule.js';

/**
 * R-CONV-1: a multi-year convention (Cof) is open to
 *  - a centre social, aligned on its Caf approval period, up to `centreSocialMaxYears`;
 *  - an operator supported for at least `minPriorApprovedYears` earlier years, up to `maxYears`.
 * When both apply, the longer one is allowed. Anything shorter than 2 years is not multi-year.
 */
/** Same values as the event catalogue's operator kinds; only a centre social matters here. */
export type ConventionOperatorKind = 'association' | 'collectivite' | 'centre_social';

export interface ConventionOperator {
  operatorId: string;
  kind: ConventionOperatorKind;
  /** The centre social's Caf approval (agrément) period; null when not a centre social or unknown. */
  centreSocialApproval: Sourced<{ from: LocalDate; to: LocalDate }> | null;
  /** From priorSupportedYears(history, operatorId, start). */
  support: PriorSupport;
}

export type ConventionLengthBasis = 'centre_social_approval' | 'prior_support';

export type ConventionLength =
  | { ruleId: 'R-CONV-1'; eligible: true; maxYears: number; basis: ConventionLengthBasis; explanation: Explanation }
  | { ruleId: 'R-CONV-1'; eligible: false; maxYears: null; reasons: Rejection[]; explanation: Explanation };

type ConventionParameters = Pick<CampaignParameters, 'conventions'>;

/**
 * School years from `start` that begin within the approval period, capped: a year that starts
 * while the centre is approved is covered by that approval.
 */
function yearsWithinApproval(start: SchoolYear, approval: { from: LocalDate; to: LocalDate }, cap: number): number {
  let years = 0;
  for (let y = start; years < cap; y = nextSchoolYear(y)) {
    const begins = schoolYearStart(y);
    if (compareDates(begins, approval.from) < 0 || compareDates(approval.to, begins) < 0) break;
    years += 1;
  }
  return years;
}

export function maxConventionYears(operator: ConventionOperator, params: ConventionParameters, start: SchoolYear): ConventionLength {
  const { maxYears, centreSocialMaxYears, minPriorApprovedYears } = params.conventions;
  const reasons: Rejection[] = [];
  const options: { basis: ConventionLengthBasis; years: number }[] = [];

  if (operator.kind === 'centre_social') {
    const approval = operator.centreSocialApproval;
    if (approval === null) {
      reasons.push({
        code: 'CENTRE_SOCIAL_APPROVAL_UNKNOWN',
        ruleId: 'R-CONV-1',
        message: 'the centre social has no Caf approval period on record',
        details: {},
      });
    } else {
      const years = yearsWithinApproval(start, approval.value, centreSocialMaxYears);
      if (years >= 2) options.push({ basis: 'centre_social_approval', years });
      else
        reasons.push({
          code: 'APPROVAL_PERIOD_TOO_SHORT',
          ruleId: 'R-CONV-1',
          message: `the centre social's approval period covers ${years} school year(s) from ${start}; a multi-year convention needs at least 2`,
          details: { start, approval: approval.value, yearsCovered: years },
        });
    }
  }

  if (isSupportedForMinYears(operator.support, params)) options.push({ basis: 'prior_support', years: maxYears });
  else
    reasons.push({
      code: 'NOT_SUPPORTED_LONG_ENOUGH',
      ruleId: 'R-CONV-SUPPORT',
      message: `the operator had Clas projects approved for ${operator.support.count} earlier school year(s); ${minPriorApprovedYears} are needed`,
      details: { priorApprovedYears: operator.support.years.map((y) => y.value), minPriorApprovedYears },
    });

  const best = options.reduce<{ basis: ConventionLengthBasis; years: number } | null>(
    (b, o) => (b === null || o.years > b.years ? o : b),
    null,
  );
  const explanation: Explanation = {
    ruleId: 'R-CONV-1',
    inputs: {
      operatorKind: operator.kind,
      start,
      priorApprovedYears: operator.support.years.map((y) => y.value),
      minPriorApprovedYears,
      maxYears,
      centreSocialMaxYears,
      centreSocialApproval: operator.centreSocialApproval?.value ?? null,
    },
    sourceEventIds: unionIds([operator.centreSocialApproval?.eventIds ?? [], ...operator.support.years.map((y) => y.eventIds)]),
    output: best === null ? null : best.years,
    note: best === null ? 'not eligible for a multi-year convention' : `allowed on the basis of ${best.basis}`,
  };
  return best === null
    ? { ruleId: 'R-CONV-1', eligible: false, maxYears: null, reasons, explanation }
    : { ruleId: 'R-CONV-1', eligible: true, maxYears: best.years, basis: best.basis, explanation };
}

/** R-CONV-SUPPORT: a convention longer than the allowed maximum is refused with the reason. */
export function checkConventionLength(
  operator: ConventionOperator,
  params: ConventionParameters,
  start: SchoolYear,
  requestedYears: number,
): { ok: true; length: ConventionLength } | { ok: false; rejection: Rejection; length: ConventionLength } {
  const length = maxConventionYears(operator, params, start);
  if (!length.eligible) {
    return {
      ok: false,
      length,
      rejection: {
        code: 'NOT_ELIGIBLE_FOR_MULTI_YEAR',
        ruleId: 'R-CONV-1',
        message: length.reasons.map((r) => r.message).join('; '),
        details: { reasons: length.reasons },
      },
    };
  }
  if (requestedYears > length.maxYears) {
    return {
      ok: false,
      length,
      rejection: {
        code: 'CONVENTION_TOO_LONG',
        ruleId: 'R-CONV-SUPPORT',
        message: `a convention of ${requestedYears} years exceeds the allowed ${length.maxYears} (${length.basis})`,
        details: { requestedYears, maxYears: length.maxYears, basis: length.basis },
      },
    };
  }
  return { ok: true, length };
}
