import type { ConventionEvent, ConventionPeriod, ConventionRef, ConventionTerms, ConventionTermsChanges } from '../events/convention.events.js';
import { assertNever } from '../shared/result.js';

export interface AmendmentState {
  status: 'requested' | 'validated' | 'refused';
  changes: ConventionTermsChanges;
}

export interface ConventionState {
  status: 'none' | 'requested' | 'signed' | 'refused' | 'terminated';
  ref: ConventionRef | null;
  projectIds: string[];
  period: ConventionPeriod | null;
  /** Only requested, signed or VALIDATED terms (R-CONV-3): a pending amendment never changes them. */
  terms: ConventionTerms | null;
  /** School year → collectifs notified. */
  notified: Record<string, number>;
  amendments: Record<string, AmendmentState>;
}

export const initialConventionState = (): ConventionState => ({ status: 'none', ref: null, projectIds: [], period: null, terms: null, notified: {}, amendments: {} });

export function evolveConvention(state: ConventionState, event: ConventionEvent): ConventionState {
  switch (event.type) {
    case 'ConventionRequested': {
      const { conventionId, operatorId, cafCode, projectIds, period, terms } = event.data;
      return { ...state, status: 'requested', ref: { conventionId, operatorId, cafCode }, projectIds, period, terms };
    }
    case 'ConventionSigned':
      return { ...state, status: 'signed', period: event.data.period, terms: event.data.terms };
    case 'ConventionRefused':
      return { ...state, status: 'refused' };
    case 'YearlyCollectifsNotified':
      return { ...state, notified: { ...state.notified, [event.data.schoolYear]: event.data.collectifs } };
    case 'ConventionAmendmentRequested':
      return { ...state, amendments: { ...state.amendments, [event.data.amendmentId]: { status: 'requested', changes: event.data.changes } } };
    case 'ConventionAmendmentValidated':
      return {
        ...state,
        terms: event.data.terms,
        amendments: { ...state.amendments, [event.data.amendmentId]: { status: 'validated', changes: event.data.changes } },
      };
    case 'ConventionAmendmentRefused': {
      const amendment = state.amendments[event.data.amendmentId];
      return amendment ? { ...state, amendments: { ...state.amendments, [event.data.amendmentId]: { ...amendment, status: 'refused' } } } : state;
    }
    case 'ConventionTerminated':
      return { ...state, status: 'terminated' };
    default:
      return assertNever(event, 'convention event');
  }
}
