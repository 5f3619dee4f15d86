import type {
  ConventionEvent,
  ConventionPeriod,
  ConventionTerms,
  ConventionTermsChanges,
  LocalDate,
  OperatorKind,
  RecordedEvent,
  SchoolYear,
} from '@clas/domain';
import { assertNever } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import { appended, asEventOf, setEntry, typeSet, updateLast } from './fold-support.js';

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

export interface ConventionFoldState {
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
  /** R-CONV-3: the latest notification per school year. */
  notifications: Record<string, YearNotificationState>;
  /** In request order; a decision updates its amendment in place (copy-on-write). */
  amendments: ConventionAmendmentState[];
}

const EVENT_TYPES = [
  'ConventionRequested',
  'ConventionSigned',
  'ConventionRefused',
  'YearlyCollectifsNotified',
  'ConventionAmendmentRequested',
  'ConventionAmendmentValidated',
  'ConventionAmendmentRefused',
  'ConventionTerminated',
] as const satisfies readonly ConventionEvent['type'][];
const TYPES = typeSet(EVENT_TYPES);

function evolveConvention(state: ConventionFoldState, recorded: RecordedEvent): ConventionFoldState {
  const event = asEventOf<ConventionEvent>(recorded);
  const ref = { operatorId: event.data.operatorId, cafCode: event.data.cafCode };
  switch (event.type) {
    case 'ConventionRequested': {
      const { projectIds, period, terms, operatorKind, priorApprovedSchoolYears, requestedOn } = event.data;
      return { ...state, ...ref, requested: { projectIds, period, terms, operatorKind, priorApprovedSchoolYears, requestedOn, eventId: event.eventId } };
    }
    case 'ConventionSigned': {
      const { period, terms, signedOn } = event.data;
      return { ...state, ...ref, signed: { period, terms, signedOn, eventId: event.eventId } };
    }
    case 'ConventionRefused': {
      const { reason, ruleId, refusedOn } = event.data;
      return { ...state, ...ref, refused: { reason, ruleId, refusedOn, eventId: event.eventId } };
    }
    case 'ConventionTerminated': {
      const { reason, terminatedOn } = event.data;
      return { ...state, ...ref, terminated: { reason, terminatedOn, eventId: event.eventId } };
    }
    case 'YearlyCollectifsNotified': {
      const { schoolYear, collectifs, collectifIds, previousBilanReceived, notifiedOn } = event.data;
      return {
        ...state,
        ...ref,
        notifications: setEntry(state.notifications, schoolYear, { schoolYear, collectifs, collectifIds, previousBilanReceived, notifiedOn, eventId: event.eventId }),
      };
    }
    case 'ConventionAmendmentRequested': {
      const { amendmentId, changes, reason, requestedOn } = event.data;
      return {
        ...state,
        ...ref,
        amendments: appended(state.amendments, {
          amendmentId,
          changes,
          reason,
          requestedOn,
          status: 'pending',
          decidedOn: null,
          refusalReason: null,
          termsAfter: null,
          eventIds: [event.eventId],
        }),
      };
    }
    case 'ConventionAmendmentValidated': {
      const { amendmentId, terms, validatedOn } = event.data;
      return {
        ...state,
        amendments: updateLast(
          state.amendments,
          (a) => a.amendmentId === amendmentId,
          (a) => ({ ...a, status: 'validated', decidedOn: validatedOn, termsAfter: terms, eventIds: [...a.eventIds, event.eventId] }),
        ),
      };
    }
    case 'ConventionAmendmentRefused': {
      const { amendmentId, reason, refusedOn } = event.data;
      return {
        ...state,
        amendments: updateLast(
          state.amendments,
          (a) => a.amendmentId === amendmentId,
          (a) => ({ ...a, status: 'refused', decidedOn: refusedOn, refusalReason: reason, eventIds: [...a.eventIds, event.eventId] }),
        ),
      };
    }
    default:
      return assertNever(event, 'convention event');
  }
}

/** A multi-year convention (Cof), keyed by conventionId. */
export const conventionFold: KeyedFold<ConventionFoldState> = {
  name: 'convention',
  version: 1,
  eventTypes: EVENT_TYPES,
  keysOf(event) {
    if (!TYPES.has(event.type)) return [];
    return [(event.data as { conventionId: string }).conventionId];
  },
  initial: (conventionId) => ({
    conventionId,
    operatorId: null,
    cafCode: null,
    requested: null,
    signed: null,
    refused: null,
    terminated: null,
    notifications: {},
    amendments: [],
  }),
  evolve: evolveConvention,
};
