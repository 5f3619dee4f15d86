import type {
  ApprovalPeriod,
  Cents,
  DeclarationKind,
  LocalDate,
  OperatorEvent,
  OperatorKind,
  ProjectEvent,
  RecordedEvent,
  SchoolYear,
} from '@clas/domain';
import { assertNever } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import { appended, asEventOf, setEntry, typeSet } from './fold-support.js';

export interface OperatorDeclarationState {
  documentDate: LocalDate;
  expiresOn: LocalDate | null;
  reference: string | null;
  eventId: string;
}

export interface CoordinatorState {
  personId: string;
  qualificationLevel: number;
  hasRelevantExperience: boolean;
  appointedOn: LocalDate;
  eventId: string;
}

/** R-CONV-SUPPORT: the committee's decisions on the operator's projects, in log order (a correction is a later decision). */
export interface OperatorDecisionFact {
  projectId: string;
  schoolYear: SchoolYear;
  outcome: 'approved' | 'refused';
  decidedOn: LocalDate;
  eventId: string;
}

export interface OperatorWithdrawalFact {
  projectId: string;
  schoolYear: SchoolYear;
  withdrawnOn: LocalDate;
  eventId: string;
}

/** A PS payment to the operator; a recovery is negative. */
export interface OperatorPaymentFact {
  projectId: string;
  schoolYear: SchoolYear;
  kind: 'advance' | 'balance' | 'recovery';
  paidOn: LocalDate;
  amount: Cents;
  eventId: string;
}

export interface OperatorFoldState {
  operatorId: string;
  cafCode: string | null;
  name: string | null;
  kind: OperatorKind | null;
  /** R-CONV-1: a centre social's Caf approval period. */
  cafApproval: ApprovalPeriod | null;
  registeredOn: LocalDate | null;
  registeredEventId: string | null;
  coordinator: CoordinatorState | null;
  /** R-ELIG-OPERATOR: the latest declaration of each kind. */
  declarations: Partial<Record<DeclarationKind, OperatorDeclarationState>>;
  /** Approval history over every school year, from the operator's project events (R-CONV-SUPPORT). */
  history: {
    decisions: OperatorDecisionFact[];
    withdrawals: OperatorWithdrawalFact[];
    payments: OperatorPaymentFact[];
  };
}

type OperatorFoldEvent =
  | OperatorEvent
  | Extract<
      ProjectEvent,
      {
        type:
          | 'CommitteeDecisionRecorded'
          | 'CommitteeDecisionCorrected'
          | 'ApplicationWithdrawn'
          | 'AdvancePaid'
          | 'BalancePaid'
          | 'RecoveryIssued';
      }
    >;

const EVENT_TYPES = [
  'OperatorRegistered',
  'CoordinatorAppointed',
  'OperatorDeclarationRecorded',
  'CommitteeDecisionRecorded',
  'CommitteeDecisionCorrected',
  'ApplicationWithdrawn',
  'AdvancePaid',
  'BalancePaid',
  'RecoveryIssued',
] as const satisfies readonly OperatorFoldEvent['type'][];
const TYPES = typeSet(EVENT_TYPES);

function withHistory(state: OperatorFoldState, patch: Partial<OperatorFoldState['history']>): OperatorFoldState {
  return { ...state, history: { ...state.history, ...patch } };
}

function evolveOperator(state: OperatorFoldState, recorded: RecordedEvent): OperatorFoldState {
  const event = asEventOf<OperatorFoldEvent>(recorded);
  switch (event.type) {
    case 'OperatorRegistered': {
      const { cafCode, name, kind, cafApproval, registeredOn } = event.data;
      return { ...state, cafCode, name, kind, cafApproval, registeredOn, registeredEventId: event.eventId };
    }
    case 'CoordinatorAppointed': {
      const { personId, qualificationLevel, hasRelevantExperience, appointedOn } = event.data;
      return {
        ...state,
        cafCode: state.cafCode ?? event.data.cafCode,
        coordinator: { personId, qualificationLevel, hasRelevantExperience, appointedOn, eventId: event.eventId },
      };
    }
    case 'OperatorDeclarationRecorded': {
      const { declaration, documentDate, expiresOn, reference } = event.data;
      return {
        ...state,
        declarations: setEntry(state.declarations, declaration, { documentDate, expiresOn, reference, eventId: event.eventId }),
      };
    }
    case 'CommitteeDecisionRecorded': {
      const { projectId, schoolYear, meetingDate, decision } = event.data;
      return withHistory(state, {
        decisions: appended(state.history.decisions, {
          projectId,
          schoolYear,
          outcome: decision.outcome,
          decidedOn: meetingDate,
          eventId: event.eventId,
        }),
      });
    }
    case 'CommitteeDecisionCorrected': {
      const { projectId, schoolYear, correctedOn, corrected } = event.data;
      return withHistory(state, {
        decisions: appended(state.history.decisions, {
          projectId,
          schoolYear,
          outcome: corrected.outcome,
          decidedOn: correctedOn,
          eventId: event.eventId,
        }),
      });
    }
    case 'ApplicationWithdrawn': {
      const { projectId, schoolYear, withdrawnOn } = event.data;
      return withHistory(state, {
        withdrawals: appended(state.history.withdrawals, { projectId, schoolYear, withdrawnOn, eventId: event.eventId }),
      });
    }
    case 'AdvancePaid':
    case 'BalancePaid': {
      const { projectId, schoolYear, amount, paidOn } = event.data;
      const kind = event.type === 'AdvancePaid' ? 'advance' : 'balance';
      return withHistory(state, {
        payments: appended(state.history.payments, { projectId, schoolYear, kind, paidOn, amount, eventId: event.eventId }),
      });
    }
    case 'RecoveryIssued': {
      const { projectId, schoolYear, amount, issuedOn } = event.data;
      return withHistory(state, {
        payments: appended(state.history.payments, {
          projectId,
          schoolYear,
          kind: 'recovery',
          paidOn: issuedOn,
          amount: -amount,
          eventId: event.eventId,
        }),
      });
    }
    default:
      return assertNever(event, 'operator fold event');
  }
}

/** The operator: kind, approval period, coordinator, declarations, and its approval history (keyed by operatorId). */
export const operatorFold: KeyedFold<OperatorFoldState> = {
  name: 'operator',
  version: 1,
  eventTypes: EVENT_TYPES,
  keysOf(event) {
    if (!TYPES.has(event.type)) return [];
    return [(event.data as { operatorId: string }).operatorId];
  },
  initial: (operatorId) => ({
    operatorId,
    cafCode: null,
    name: null,
    kind: null,
    cafApproval: null,
    registeredOn: null,
    registeredEventId: null,
    coordinator: null,
    declarations: {},
    history: { decisions: [], withdrawals: [], payments: [] },
  }),
  evolve: evolveOperator,
};
