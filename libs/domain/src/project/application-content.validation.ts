import {
  type Problem,
  checkBoolean,
  checkCents,
  checkClockTime,
  checkDateRange,
  checkId,
  checkInt,
  checkList,
  checkObject,
  checkOneOf,
  checkText,
  checkUnique,
  invalid,
} from '../commands/input-validation.js';
import type { ApplicationContent } from '../events/application-content.js';
import {
  ACTIVITY_TYPES,
  BONUS_ENFANTS_CRITERIA,
  BONUS_PARENTS_CRITERIA,
  CO_FUNDER_KINDS,
  COLLECTIF_LEVELS,
  OBJECTIVE_CODES,
  SCHOOL_CYCLES,
  SESSION_KINDS,
  WEEKDAYS,
} from '../events/vocabulary.js';
import type { LocalDate } from '../shared/calendar-date.js';
import type { Rejection } from '../shared/result.js';
import { type SchoolYear, schoolYearEnd, schoolYearStart } from '../shared/school-year.js';

/**
 * R-INPUT for an application's content. Only malformed content is refused here: content that is
 * well-formed but falls short of a criterion (a missing objective, 14 planned children, one
 * weekly session) is recorded and left to eligibility, which evaluates planned facts (§3).
 */
type Obj = Record<string, unknown>;

export function checkPlace(value: unknown, path: string): Problem {
  const p = value as Obj;
  return checkObject(value, path) ?? checkText(p.name, `${path}.name`, { max: 300 }) ?? checkText(p.commune, `${path}.commune`, { max: 200 });
}

export function checkPlannedCollectifs(value: unknown, path: string): Problem {
  return (
    checkList(
      value,
      path,
      (item, p) => {
        const c = item as Obj;
        return (
          checkObject(item, p) ??
          checkId(c.ref, `${p}.ref`) ??
          checkPlace(c.place, `${p}.place`) ??
          checkOneOf(c.level, COLLECTIF_LEVELS, `${p}.level`) ??
          checkBoolean(c.rural, `${p}.rural`) ??
          checkBoolean(c.disabilityNeeds, `${p}.disabilityNeeds`) ??
          checkInt(c.plannedChildren, `${p}.plannedChildren`, 1, 100)
        );
      },
      { min: 1, max: 50 },
    ) ?? checkUnique(value as Array<{ ref: string }>, (c) => c.ref, `${path}.ref`)
  );
}

export function checkBudget(value: unknown, path: string): Problem {
  const b = value as Obj;
  return (
    checkObject(value, path) ??
    checkCents(b.totalOperatingCost, `${path}.totalOperatingCost`, { min: 1 }) ??
    checkList(b.coFunders, `${path}.coFunders`, (item, p) => {
      const f = item as Obj;
      return checkObject(item, p) ?? checkText(f.name, `${p}.name`, { max: 300 }) ?? checkOneOf(f.kind, CO_FUNDER_KINDS, `${p}.kind`) ?? checkCents(f.amount, `${p}.amount`);
    }) ??
    checkCents(b.otherCafFunding, `${path}.otherCafFunding`) ??
    checkCents(b.familyFeePerChild, `${path}.familyFeePerChild`)
  );
}

/** The planned period lies inside the school year applied for. */
export function checkPlannedPeriod(value: unknown, path: string, year: SchoolYear): Problem {
  const p = value as Obj;
  const problem = checkObject(value, path) ?? checkDateRange(p.from, p.to, path);
  if (problem) return problem;
  const from = p.from as LocalDate;
  const to = p.to as LocalDate;
  return from < schoolYearStart(year) || to > schoolYearEnd(year) ? invalid(path, `must lie within the school year ${year}`, { from, to }) : null;
}

/** Shape of the bonus requests (R-INPUT); completeness is R-PS-BONUS, see `bonusRequestProblem`. */
export function checkBonusRequests(value: unknown, path: string): Problem {
  const r = value as Obj;
  const one = (req: unknown, p: string, projectField: string, criteria: readonly string[]): Problem => {
    if (req === null) return null;
    const q = req as Obj;
    return (
      checkObject(req, p) ??
      (typeof q[projectField] === 'string' ? null : invalid(`${p}.${projectField}`, 'must be a text')) ??
      checkList(q.criteria, `${p}.criteria`, (c, cp) => checkOneOf(c, criteria, cp), { max: criteria.length }) ??
      checkUnique(q.criteria as string[], (c) => c, `${p}.criteria`) ??
      (typeof q.justification === 'string' ? null : invalid(`${p}.justification`, 'must be a text'))
    );
  };
  return (
    checkObject(value, path) ??
    one(r.enfants, `${path}.enfants`, 'filRouge', BONUS_ENFANTS_CRITERIA) ??
    one(r.parents, `${path}.parents`, 'supportProject', BONUS_PARENTS_CRITERIA)
  );
}

/**
 * R-PS-BONUS: a bonus can only be asked for with its year-long project (fil rouge / parent-support
 * project) AND at least one criterion. An incomplete request is refused at filing, so a grant
 * can always be traced to a complete request.
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

export function checkApplicationContent(value: unknown, year: SchoolYear, path = 'content'): Problem {
  const c = value as Obj;
  const t = c?.territory as Obj;
  return (
    checkObject(value, path) ??
    checkText(c.title, `${path}.title`, { max: 300 }) ??
    checkOneOf(c.schoolCycle, SCHOOL_CYCLES, `${path}.schoolCycle`) ??
    checkObject(c.territory, `${path}.territory`) ??
    checkText(t.commune, `${path}.territory.commune`, { max: 200 }) ??
    checkText(t.epci, `${path}.territory.epci`, { optional: true, max: 200 }) ??
    checkBoolean(t.rural, `${path}.territory.rural`) ??
    checkBoolean(t.qpv, `${path}.territory.qpv`) ??
    checkPlannedCollectifs(c.collectifs, `${path}.collectifs`) ??
    checkList(
      c.schedule,
      `${path}.schedule`,
      (item, p) => {
        const s = item as Obj;
        return (
          checkObject(item, p) ??
          checkOneOf(s.weekday, WEEKDAYS, `${p}.weekday`) ??
          checkClockTime(s.start, `${p}.start`) ??
          checkInt(s.minutes, `${p}.minutes`, 1, 600) ??
          checkOneOf(s.kind, SESSION_KINDS, `${p}.kind`)
        );
      },
      { min: 1, max: 21 },
    ) ??
    checkPlannedPeriod(c.plannedPeriod, `${path}.plannedPeriod`, year) ??
    checkInt(c.plannedWeeks, `${path}.plannedWeeks`, 1, 53) ??
    checkList(c.objectives, `${path}.objectives`, (item, p) => {
      const o = item as Obj;
      return checkObject(item, p) ?? checkOneOf(o.code, OBJECTIVE_CODES, `${p}.code`) ?? checkText(o.description, `${p}.description`);
    }) ??
    checkUnique(c.objectives as Array<{ code: string }>, (o) => o.code, `${path}.objectives.code`) ??
    checkList(c.activityTypes, `${path}.activityTypes`, (a, p) => checkOneOf(a, ACTIVITY_TYPES, p), { min: 1 }) ??
    checkUnique(c.activityTypes as string[], (a) => a, `${path}.activityTypes`) ??
    checkBudget(c.budget, `${path}.budget`) ??
    checkBonusRequests(c.bonusRequests, `${path}.bonusRequests`)
  );
}
