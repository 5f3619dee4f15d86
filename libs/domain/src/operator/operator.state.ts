import type { ApprovalPeriod, OperatorEvent } from '../events/operator.events.js';
import type { DeclarationKind, OperatorKind } from '../events/vocabulary.js';
import type { LocalDate } from '../shared/calendar-date.js';
import { assertNever } from '../shared/result.js';

export interface OperatorDeclarationFact {
  documentDate: LocalDate;
  expiresOn: LocalDate | null;
}

export type OperatorState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      operatorId: string;
      cafCode: string;
      kind: OperatorKind;
      cafApproval: ApprovalPeriod | null;
      coordinator: { personId: string; qualificationLevel: number; hasRelevantExperience: boolean; appointedOn: LocalDate } | null;
      /** The latest declaration of each kind (a renewed certificate replaces the previous one). */
      declarations: Partial<Record<DeclarationKind, OperatorDeclarationFact>>;
    };

export const initialOperatorState = (): OperatorState => ({ status: 'unregistered' });

export function evolveOperator(state: OperatorState, event: OperatorEvent): OperatorState {
  switch (event.type) {
    case 'OperatorRegistered': {
      const { operatorId, cafCode, kind, cafApproval } = event.data;
      return { status: 'registered', operatorId, cafCode, kind, cafApproval, coordinator: null, declarations: {} };
    }
    case 'CoordinatorAppointed': {
      if (state.status !== 'registered') return state;
      const { personId, qualificationLevel, hasRelevantExperience, appointedOn } = event.data;
      return { ...state, coordinator: { personId, qualificationLevel, hasRelevantExperience, appointedOn } };
    }
    case 'OperatorDeclarationRecorded': {
      if (state.status !== 'registered') return state;
      const { declaration, documentDate, expiresOn } = event.data;
      return { ...state, declarations: { ...state.declarations, [declaration]: { documentDate, expiresOn } } };
    }
    default:
      return assertNever(event, 'operator event');
  }
}
