import { invalid } from '../commands/input-validation.js';
import type { ApplicationContent } from '../events/application-content.js';
import type { LocalDate } from '../shared/calendar-date.js';
import type { Rejection } from '../shared/result.js';
import { type SchoolYear, schoolYearEnd, schoolYearStart } from '../shared/school-year.js';

/**
 * What an application's content must satisfy beyond its shape (project.schemas.ts): rules that
 * need another field of the command (the school year applied for) or state a business rule.
 * Content that is well-formed but falls short of a criterion is left to eligibility (§3).
 */

/** The planned period lies inside the school year applied for (R-INPUT). */
export function plannedPeriodProblem(period: { from: LocalDate; to: LocalDate }, path: string, year: SchoolYear): Rejection | null {
  const { from, to } = period;
  return from < schoolYearStart(year) || to > schoolYearEnd(year)
    ? invalid(path, `must lie within the school year ${year}`, { from, to })
    : null;
}

/**
 * R-PS-BONUS: a bonus can only be asked for with its year-long project (fil rouge / parent-support
 * project) AND at least one criterion. An incomplete request is refused at filing, so a grant
 * can always be traced to a complete request. The schema already refuses an empty text or list
 * at every entry; the rule stays here, with its code, for what the decider is given directly.
 */
export function bonusRequestProblem(requests: ApplicationContent['bonusRequests']): Rejection | null {
  const incomplete = (bonus: 'enfants' | 'parents', project: string, criteria: readonly string[]): Rejection | null =>
    project.trim() === '' || criteria.length === 0
      ? {
          code: 'BONUS_REQUEST_INCOMPLETE',
          ruleId: 'R-PS-BONUS',
          message: `the bonus ${bonus} request needs its year-long project and at least one criterion`,
          details: { bonus, field: `bonusRequests.${bonus}`, hasProject: project.trim() !== '', criteria },
        }
      : null;
  return (
    (requests.enfants ? incomplete('enfants', requests.enfants.filRouge, requests.enfants.criteria) : null) ??
    (requests.parents ? incomplete('parents', requests.parents.supportProject, requests.parents.criteria) : null)
  );
}
