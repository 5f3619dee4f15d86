import type {
  ConventionEvent,
  ConventionPeriod,
  ConventionRef,
  ConventionTerms,
  ConventionTermsChanges,
} from '../events/convention.events.js';
import type { OperatorKind } from '../events/vocabulary.js';
import type { LocalDate } from '../shared/calendar-date.js';
import type { SchoolYear } from '../shared/school-year.js';
import { assertNever } from '../shared/result.js';

/**
 * The ONE fold of a convention's lifecycle: the decider decides on it, the projections store it
 * and answer from it, and the view at a date (rules/convention/convention-view.rule.ts) is a
 * pure function of it. It keeps every fact with its business date and event id, so the view
 * can look at any earlier day without another fold.
 */

export interface ConventionAmendmentState {
  amendmentId: string;
  changes: ConventionTermsChanges;
  reason: string;
  requestedOn: LocalDate;
  status: 'pending' | 'validated' | 'refused';
  decidedOn: LocalDate | null;
  refusalReason: string | null;
  /** Terms in full after a validation. */
  termsAfter: ConventionTerms | null;
  /** The request's id, then the decision's. */
  eventIds: string[];
}

export interface YearNotificationState {
  schoolYear: SchoolYear;
  collectifs: number;
  collectifIds: string[];
  previousBilanReceived: boolean | null;
  notifiedOn: LocalDate;
  eventId: string;
}

export interface ConventionState {
  conventionId: string;
  operatorId: string | null;
  cafCode: string | null;
  requested: {
    projectIds: string[];
    period: ConventionPeriod;
    terms: ConventionTerms;
    operatorKind: OperatorKind;
    priorApprovedSchoolYears: number;
    requestedOn: LocalDate;
    eventId: string;
  } | null;
  signed: { period: ConventionPeriod; terms: ConventionTerms; signedOn: LocalDate; eventId: string } | null;
  refused: { reason: string; ruleId: string | null; refusedOn: LocalDate; eventId: string } | null;
  terminated: { reason: string; terminatedOn: LocalDate; eventId: string } | null;
  /** R-CONV-3: the effective terms, i.e. requested, signed or VALIDATED ones: a pending amendment never changes them. */
  terms: ConventionTerms | null;
  /** R-CONV-3: the latest notification per school year. */
  notifications: Record<string, YearNotificationState>;
  /** In request order; a decision updates its amendment in place. */
  amendments: ConventionAmendmentState[];
}

/**
 * An event as the fold reads it: one read from the store carries its id (the provenance the
 * answers cite); one just decided (a decider test's `given`) has none yet and is cited as ''.
 */
export type ConventionFoldEvent = ConventionEvent & { eventId?: string };

export const initialConventionState = (conventionId = ''): ConventionState => ({
  conventionId,
  operatorId: null,
  cafCode: null,
  requested: null,
  signed: null,
  refused: null,
  terminated: null,
  terms: null,
  notifications: {},
  amendments: [],
});

export function evolveConvention(state: ConventionState, event: ConventionFoldEvent): ConventionState {
  const eventId = event.eventId ?? '';
  const ref = { conventionId: event.data.conventionId, operatorId: event.data.operatorId, cafCode: event.data.cafCode };
  switch (event.type) {
    case 'ConventionRequested': {
      const { projectIds, period, terms, operatorKind, priorApprovedSchoolYears, requestedOn } = event.data;
      return {
        ...state,
        ...ref,
        terms,
        requested: { projectIds, period, terms, operatorKind, priorApprovedSchoolYears, requestedOn, eventId },
      };
    }
    case 'ConventionSigned': {
      const { period, terms, signedOn } = event.data;
      return { ...state, ...ref, terms, signed: { period, terms, signedOn, eventId } };
    }
    case 'ConventionRefused': {
      const { reason, ruleId, refusedOn } = event.data;
      return { ...state, ...ref, refused: { reason, ruleId, refusedOn, eventId } };
    }
    case 'ConventionTerminated': {
      const { reason, terminatedOn } = event.data;
      return { ...state, ...ref, terminated: { reason, terminatedOn, eventId } };
    }
    case 'YearlyCollectifsNotified': {
      const { schoolYear, collectifs, collectifIds, previousBilanReceived, notifiedOn } = event.data;
      return {
        ...state,
        ...ref,
        notifications: {
          ...state.notifications,
          [schoolYear]: { schoolYear, collectifs, collectifIds, previousBilanReceived, notifiedOn, eventId },
        },
      };
    }
    case 'ConventionAmendmentRequested': {
      const { amendmentId, changes, reason, requestedOn } = event.data;
      const amendment: ConventionAmendmentState = {
        amendmentId,
        changes,
        reason,
        requestedOn,
        status: 'pending',
        decidedOn: null,
        refusalReason: null,
        termsAfter: null,
        eventIds: [eventId],
      };
      return { ...state, ...ref, amendments: [...state.amendments, amendment] };
    }
    case 'ConventionAmendmentValidated': {
      const { amendmentId, terms, validatedOn } = event.data;
      return {
        ...state,
        terms,
        amendments: updated(state.amendments, amendmentId, (a) => ({
          ...a,
          status: 'validated',
          decidedOn: validatedOn,
          termsAfter: terms,
          eventIds: [...a.eventIds, eventId],
        })),
      };
    }
    case 'ConventionAmendmentRefused': {
      const { amendmentId, reason, refusedOn } = event.data;
      return {
        ...state,
        amendments: updated(state.amendments, amendmentId, (a) => ({
          ...a,
          status: 'refused',
          decidedOn: refusedOn,
          refusalReason: reason,
          eventIds: [...a.eventIds, eventId],
        })),
      };
    }
    default:
      return assertNever(event, 'convention event');
  }
}

/** A copy with the last amendment of that id replaced by `update(it)`; unchanged when none. */
function updated(
  amendments: ConventionAmendmentState[],
  amendmentId: string,
  update: (a: ConventionAmendmentState) => ConventionAmendmentState,
): ConventionAmendmentState[] {
  const i = amendments.findLastIndex((a) => a.amendmentId === amendmentId);
  if (i < 0) return amendments;
  const copy = [...amendments];
  copy[i] = update(copy[i]!);
  return copy;
}

export type ConventionLifecycle = 'none' | 'requested' | 'signed' | 'refused' | 'terminated';

/** Where the convention stands in its lifecycle (a refusal only ends a request, a termination a signed one). */
export function lifecycleOf(state: ConventionState): ConventionLifecycle {
  if (state.terminated) return 'terminated';
  if (state.refused) return 'refused';
  if (state.signed) return 'signed';
  return state.requested ? 'requested' : 'none';
}

/** The stream's ids once requested. */
export function conventionRefOf(state: ConventionState): ConventionRef | null {
  return state.requested && state.operatorId !== null && state.cafCode !== null
    ? { conventionId: state.conventionId, operatorId: state.operatorId, cafCode: state.cafCode }
    : null;
}

/** The signed period, the requested one until signature. */
export function periodOf(state: ConventionState): ConventionPeriod | null {
  return state.signed?.period ?? state.requested?.period ?? null;
}

export function amendmentOf(state: ConventionState, amendmentId: string): ConventionAmendmentState | undefined {
  return state.amendments.findLast((a) => a.amendmentId === amendmentId);
}
