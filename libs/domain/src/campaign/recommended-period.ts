import type { DomainWarning } from '../events/vocabulary.js';
import type { LocalDate } from '../shared/calendar-date.js';
import { type SchoolYear, firstYearOf } from '../shared/school-year.js';
import type { CampaignParameters } from './campaign-parameters.js';

/**
 * R-LIFE-5: the recommended running period, e.g. after the Toussaint holidays of year N until
 * 15 June of year N+1 (001). The month-day bounds are campaign parameters.
 */
export function recommendedPeriodOf(
  parameters: Pick<CampaignParameters, 'recommendedPeriod'>,
  year: SchoolYear,
): { from: LocalDate; to: LocalDate } {
  const first = firstYearOf(year);
  return {
    from: `${first}-${parameters.recommendedPeriod.fromMonthDay}` as LocalDate,
    to: `${first + 1}-${parameters.recommendedPeriod.toMonthDay}` as LocalDate,
  };
}

/** A warning, never a refusal (R-LIFE-5): null when `from`..`to` lies inside the recommended period. */
export function recommendedPeriodWarning(
  parameters: Pick<CampaignParameters, 'recommendedPeriod'>,
  year: SchoolYear,
  from: LocalDate,
  to: LocalDate = from,
): DomainWarning | null {
  const recommended = recommendedPeriodOf(parameters, year);
  if (from >= recommended.from && to <= recommended.to) return null;
  return {
    ruleId: 'R-LIFE-5',
    code: 'OUTSIDE_RECOMMENDED_PERIOD',
    message: `activity from ${from} to ${to} goes outside the recommended period ${recommended.from} – ${recommended.to}`,
    details: { from, to, recommended },
  };
}
