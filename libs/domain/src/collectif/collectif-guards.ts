import { type Problem, checkDate, invalid, rejectWith } from '../commands/input-validation.js';
import type { CollectifEvent, CollectifRef } from '../events/collectif.events.js';
import { type Instant, type LocalDate, parisDateOf } from '../shared/calendar-date.js';
import { type Decision, reject } from '../shared/result.js';
import { schoolYearEnd, schoolYearStart } from '../shared/school-year.js';
import type { CollectifState } from './collectif.state.js';

/** The open collectif the command names, or the rejection. */
export function openCollectif(state: CollectifState, collectifId: string): CollectifRef | Decision<CollectifEvent> {
  if (state.status !== 'open' || state.ref === null)
    return reject('COLLECTIF_NOT_OPEN', 'R-LIFE', `collectif ${collectifId} has not been opened`, { collectifId });
  if (state.ref.collectifId !== collectifId)
    return rejectWith(invalid('collectifId', 'names another collectif than this stream', { expected: state.ref.collectifId }));
  return state.ref;
}

/**
 * A date of a world fact in this collectif: a calendar date, inside its school year, not before
 * it opened, and not after the business time the command states (the log records what happened).
 */
export function checkFactDate(value: unknown, field: string, state: CollectifState, occurredAt: Instant): Problem {
  const problem = checkDate(value, field);
  if (problem || state.ref === null) return problem;
  const date = value as LocalDate;
  const year = state.ref.schoolYear;
  if (date < schoolYearStart(year) || date > schoolYearEnd(year))
    return invalid(field, `must lie within the school year ${year}`, { value: date });
  if (state.openedOn !== null && date < state.openedOn)
    return invalid(field, `is before the collectif opened (${state.openedOn})`, { value: date });
  if (date > parisDateOf(occurredAt)) return invalid(field, 'cannot be after the business time of the command', { value: date });
  return null;
}
