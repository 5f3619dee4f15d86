import type { ApplicationContent } from '../events/application-content.js';
import type { ApprovalTerms, ProjectEvent, ProjectRef, RefusalTerms, RenewalOf } from '../events/project.events.js';
import type { SchoolCycle } from '../events/vocabulary.js';
import type { Instant, LocalDate } from '../shared/calendar-date.js';
import type { Cents } from '../shared/money.js';
import { assertNever } from '../shared/result.js';

/**
 * Lifecycle of a project (R-LIFE, the 11 steps): draft → filed → under_examination → decided,
 * with the exits not_receivable (R-LIFE-1) and withdrawn. Bilan and payments are tracked beside it.
 */
export type ProjectStatus = 'none' | 'draft' | 'filed' | 'not_receivable' | 'withdrawn' | 'under_examination' | 'decided';

export interface ProjectDecisionState {
  decisionId: string;
  effectiveDate: LocalDate;
  /** The decision event's occurredAt: its corrections take effect from it (worked example 3). */
  occurredAt: Instant;
  terms: ApprovalTerms | RefusalTerms;
}

export interface ProjectState {
  status: ProjectStatus;
  ref: ProjectRef | null;
  schoolCycle: SchoolCycle | null;
  application: { kind: 'new' | 'renewal'; renewalOf: RenewalOf | null; content: ApplicationContent; filedOn: LocalDate } | null;
  decision: ProjectDecisionState | null;
  /** The latest bilan filed and where it stands (R-BILAN-1). */
  bilan: { bilanId: string; status: 'filed' | 'validated' | 'returned' } | null;
  bilanIds: string[];
  /** R-PS-PAYMENTS: the ledger, in cents. */
  payments: { advances: Cents; balance: Cents | null; recovered: Cents; ids: string[] };
  /** Ids of parent actions, concertations and partner relations already recorded. */
  actionIds: string[];
  /** R-NOTIFY: the letters sent (a letter may be sent more than once, by several channels). */
  notifiedLetterIds: string[];
  /** R-AGREEMENT-ANNUAL: the annual agreement signed, or null. */
  agreement: { agreementId: string; signedOn: LocalDate } | null;
}

export const initialProjectState = (): ProjectState => ({
  status: 'none',
  ref: null,
  schoolCycle: null,
  application: null,
  decision: null,
  bilan: null,
  bilanIds: [],
  payments: { advances: 0, balance: null, recovered: 0, ids: [] },
  actionIds: [],
  notifiedLetterIds: [],
  agreement: null,
});

/** Net amount the Caf has paid and not recovered. */
export const netPaid = (state: ProjectState): Cents => state.payments.advances + (state.payments.balance ?? 0) - state.payments.recovered;

const refOf = (data: ProjectRef): ProjectRef => ({
  projectId: data.projectId,
  operatorId: data.operatorId,
  cafCode: data.cafCode,
  schoolYear: data.schoolYear,
});

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectDrafted':
      return { ...state, status: 'draft', ref: refOf(event.data), schoolCycle: event.data.schoolCycle };
    case 'ApplicationFiled': {
      const { applicationKind, renewalOf, content, filedOn } = event.data;
      return {
        ...state,
        status: 'filed',
        ref: refOf(event.data),
        schoolCycle: content.schoolCycle,
        application: { kind: applicationKind, renewalOf, content, filedOn },
      };
    }
    case 'ApplicationFoundNotReceivable':
      return { ...state, status: 'not_receivable', ref: state.ref ?? refOf(event.data) };
    case 'ApplicationWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'ExaminationOpened':
      return { ...state, status: 'under_examination' };
    case 'CommitteeDecisionRecorded': {
      const { decisionId, effectiveDate, decision } = event.data;
      return { ...state, status: 'decided', decision: { decisionId, effectiveDate, occurredAt: event.occurredAt, terms: decision } };
    }
    case 'CommitteeDecisionCorrected':
      return state.decision ? { ...state, decision: { ...state.decision, terms: event.data.corrected } } : state;
    case 'ParentActionHeld':
      return { ...state, actionIds: [...state.actionIds, event.data.actionId] };
    case 'SchoolConcertationHeld':
      return { ...state, actionIds: [...state.actionIds, event.data.concertationId] };
    case 'PartnerRelationRecorded':
      return { ...state, actionIds: [...state.actionIds, event.data.relationId] };
    case 'BilanFiled':
      return { ...state, bilan: { bilanId: event.data.bilanId, status: 'filed' }, bilanIds: [...state.bilanIds, event.data.bilanId] };
    case 'BilanValidated':
      return state.bilan ? { ...state, bilan: { ...state.bilan, status: 'validated' } } : state;
    case 'BilanReturnedForCorrection':
      return state.bilan ? { ...state, bilan: { ...state.bilan, status: 'returned' } } : state;
    case 'AdvancePaid':
      return {
        ...state,
        payments: {
          ...state.payments,
          advances: state.payments.advances + event.data.amount,
          ids: [...state.payments.ids, event.data.paymentId],
        },
      };
    case 'BalancePaid':
      return { ...state, payments: { ...state.payments, balance: event.data.amount, ids: [...state.payments.ids, event.data.paymentId] } };
    case 'RecoveryIssued':
      return {
        ...state,
        payments: {
          ...state.payments,
          recovered: state.payments.recovered + event.data.amount,
          ids: [...state.payments.ids, event.data.recoveryId],
        },
      };
    case 'NotificationSent':
      return state.notifiedLetterIds.includes(event.data.letterId)
        ? state
        : { ...state, notifiedLetterIds: [...state.notifiedLetterIds, event.data.letterId] };
    case 'AnnualAgreementSigned':
      return { ...state, agreement: { agreementId: event.data.agreementId, signedOn: event.data.signedOn } };
    default:
      return assertNever(event, 'project event');
  }
}
