import type { CollectifEvent, LocalDate, ProjectEvent, RecordedEvent } from '@clas/domain';
import { assertNever } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import { evolveCollectif } from './collectif-branch.js';
import type { EventOf } from './fold-support.js';
import { appended, asEventOf, typeSet, updateLast, withId } from './fold-support.js';
import type { ProjectFoldState, ProjectLifecycleStatus } from './project-state.js';
import { initialCollectifState, initialProjectFoldState } from './project-state.js';

type ProjectFoldEvent = ProjectEvent | CollectifEvent;

const PROJECT_TYPES = [
  'ProjectDrafted',
  'ApplicationFiled',
  'ApplicationFoundNotReceivable',
  'ApplicationWithdrawn',
  'ExaminationOpened',
  'CommitteeDecisionRecorded',
  'CommitteeDecisionCorrected',
  'ParentActionHeld',
  'SchoolConcertationHeld',
  'PartnerRelationRecorded',
  'BilanFiled',
  'BilanValidated',
  'BilanReturnedForCorrection',
  'AdvancePaid',
  'BalancePaid',
  'RecoveryIssued',
  'NotificationSent',
  'AnnualAgreementSigned',
] as const satisfies readonly ProjectEvent['type'][];

const COLLECTIF_TYPES = [
  'CollectifOpened',
  'ChildEnrolled',
  'ChildLeft',
  'StaffAssigned',
  'StaffTrainingRecorded',
  'StaffUnassigned',
  'SessionHeld',
  'SessionCancelled',
  'SessionCorrected',
  'AttendanceRecorded',
  'AttendanceCorrected',
] as const satisfies readonly CollectifEvent['type'][];

const EVENT_TYPES: readonly ProjectFoldEvent['type'][] = [...PROJECT_TYPES, ...COLLECTIF_TYPES];
const TYPES = typeSet(EVENT_TYPES);
const COLLECTIF_TYPE_SET = typeSet(COLLECTIF_TYPES);

function withStatus(state: ProjectFoldState, status: ProjectLifecycleStatus, on: LocalDate, eventId: string): ProjectFoldState {
  return { ...state, status, statusHistory: appended(state.statusHistory, { status, on, eventId }) };
}

function evolveProjectEvent(state: ProjectFoldState, event: EventOf<ProjectEvent>): ProjectFoldState {
  const { operatorId, cafCode, schoolYear } = event.data;
  const s: ProjectFoldState = state.ref ? state : { ...state, ref: { operatorId, cafCode, schoolYear } };
  switch (event.type) {
    case 'ProjectDrafted': {
      const { title, schoolCycle, draftedOn } = event.data;
      return withStatus({ ...s, drafted: { title, schoolCycle, draftedOn, eventId: event.eventId } }, 'drafted', draftedOn, event.eventId);
    }
    case 'ApplicationFiled': {
      const { applicationKind, renewalOf, content, filedOn, deadline, warnings } = event.data;
      return withStatus(
        { ...s, application: { kind: applicationKind, renewalOf, content, filedOn, deadline, warnings, eventId: event.eventId } },
        'filed',
        filedOn,
        event.eventId,
      );
    }
    case 'ApplicationFoundNotReceivable': {
      const { reason, ruleId, explanation, declaredOn } = event.data;
      return withStatus(
        { ...s, notReceivable: { reason, ruleId, explanation, declaredOn, eventId: event.eventId } },
        'not_receivable',
        declaredOn,
        event.eventId,
      );
    }
    case 'ApplicationWithdrawn': {
      const { reason, withdrawnOn } = event.data;
      return withStatus({ ...s, withdrawal: { reason, withdrawnOn, eventId: event.eventId } }, 'withdrawn', withdrawnOn, event.eventId);
    }
    case 'ExaminationOpened': {
      const { openedOn, priorQualitativeBilanReceived } = event.data;
      return withStatus(
        { ...s, examination: { openedOn, priorQualitativeBilanReceived, eventId: event.eventId } },
        'under_examination',
        openedOn,
        event.eventId,
      );
    }
    case 'CommitteeDecisionRecorded': {
      const { decisionId, meetingId, meetingDate, effectiveDate, decision, envelopeOverride } = event.data;
      const outcome = decision.outcome;
      return withStatus(
        {
          ...s,
          decision: {
            decisionId,
            meetingId,
            meetingDate,
            effectiveDate,
            outcome,
            approval: decision.outcome === 'approved' ? decision : null,
            refusal: decision.outcome === 'refused' ? decision : null,
            recordedEventId: event.eventId,
            corrections: [],
            eventIds: [event.eventId],
            envelopeOverrides: envelopeOverride ? [{ ...envelopeOverride, eventId: event.eventId }] : [],
          },
        },
        outcome,
        effectiveDate,
        event.eventId,
      );
    }
    case 'CommitteeDecisionCorrected': {
      // Worked example 3: the correction carries the full terms; they replace the recorded ones.
      const { correctedOn, reason, correctedFields, corrected, envelopeOverride } = event.data;
      if (!s.decision) return s;
      const decision = {
        ...s.decision,
        outcome: corrected.outcome,
        approval: corrected,
        refusal: null,
        corrections: appended(s.decision.corrections, { correctedOn, reason, correctedFields, eventId: event.eventId }),
        eventIds: withId(s.decision.eventIds, event.eventId),
        envelopeOverrides: envelopeOverride
          ? [...s.decision.envelopeOverrides, { ...envelopeOverride, eventId: event.eventId }]
          : s.decision.envelopeOverrides,
      };
      return s.status === 'refused' ? withStatus({ ...s, decision }, 'approved', correctedOn, event.eventId) : { ...s, decision };
    }
    case 'ParentActionHeld': {
      const { actionId, objective, date, parentsReached, collectifIds } = event.data;
      return {
        ...s,
        parentActions: appended(s.parentActions, { actionId, objective, date, parentsReached, collectifIds, eventId: event.eventId }),
      };
    }
    case 'SchoolConcertationHeld': {
      const { concertationId, objective, moment, date, schools } = event.data;
      return {
        ...s,
        concertations: appended(s.concertations, { concertationId, objective, moment, date, schools, eventId: event.eventId }),
      };
    }
    case 'PartnerRelationRecorded': {
      const { relationId, partnerName, partnerKind, date } = event.data;
      return {
        ...s,
        partnerRelations: appended(s.partnerRelations, { relationId, partnerName, partnerKind, date, eventId: event.eventId }),
      };
    }
    case 'BilanFiled': {
      const { bilanId, filedOn, quantitative, qualitative, financial } = event.data;
      const bilan = {
        bilanId,
        filedOn,
        quantitative,
        qualitative,
        financial,
        status: 'filed' as const,
        validatedOn: null,
        returnedOn: null,
        returnReasons: [],
        eventIds: [event.eventId],
      };
      // A bilan filed again under the same id (after a return) replaces the earlier filing.
      return { ...s, bilans: [...s.bilans.filter((b) => b.bilanId !== bilanId), bilan] };
    }
    case 'BilanValidated': {
      const { bilanId, validatedOn } = event.data;
      return {
        ...s,
        bilans: updateLast(
          s.bilans,
          (b) => b.bilanId === bilanId,
          (b) => ({ ...b, status: 'validated', validatedOn, eventIds: withId(b.eventIds, event.eventId) }),
        ),
      };
    }
    case 'BilanReturnedForCorrection': {
      const { bilanId, returnedOn, reasons } = event.data;
      return {
        ...s,
        bilans: updateLast(
          s.bilans,
          (b) => b.bilanId === bilanId,
          (b) => ({ ...b, status: 'returned', returnedOn, returnReasons: reasons, eventIds: withId(b.eventIds, event.eventId) }),
        ),
      };
    }
    case 'AdvancePaid':
      return {
        ...s,
        payments: appended(s.payments, {
          paymentId: event.data.paymentId,
          kind: 'advance',
          date: event.data.paidOn,
          amount: event.data.amount,
          eventId: event.eventId,
        }),
      };
    case 'BalancePaid':
      return {
        ...s,
        payments: appended(s.payments, {
          paymentId: event.data.paymentId,
          kind: 'balance',
          date: event.data.paidOn,
          amount: event.data.amount,
          eventId: event.eventId,
        }),
      };
    case 'RecoveryIssued':
      return {
        ...s,
        payments: appended(s.payments, {
          paymentId: event.data.recoveryId,
          kind: 'recovery',
          date: event.data.issuedOn,
          amount: -event.data.amount,
          eventId: event.eventId,
        }),
      };
    case 'NotificationSent': {
      const { letterId, decisionId, channel, recipientId, documentHash, sentOn } = event.data;
      return {
        ...s,
        notifications: appended(s.notifications, {
          letterId,
          decisionId,
          channel,
          recipientId,
          documentHash,
          sentOn,
          eventId: event.eventId,
        }),
      };
    }
    case 'AnnualAgreementSigned': {
      const { agreementId, decisionId, signatoryRole, documentHash, signedOn } = event.data;
      return { ...s, agreement: { agreementId, decisionId, signatoryRole, documentHash, signedOn, eventId: event.eventId } };
    }
    default:
      return assertNever(event, 'project event');
  }
}

function evolveProject(state: ProjectFoldState, recorded: RecordedEvent): ProjectFoldState {
  if (COLLECTIF_TYPE_SET.has(recorded.type)) {
    const event = asEventOf<CollectifEvent>(recorded);
    const { collectifId, operatorId, cafCode, schoolYear } = event.data;
    state.ref ??= { operatorId, cafCode, schoolYear };
    const collectif = state.collectifs[collectifId] ?? (state.collectifs[collectifId] = initialCollectifState(collectifId));
    evolveCollectif(collectif, event);
    return state;
  }
  return evolveProjectEvent(state, asEventOf<ProjectEvent>(recorded));
}

/**
 * Everything about one project (keyed by projectId): its own stream AND its collectifs' streams,
 * routed by `data.projectId`. The answers build the rules' facts from this state. Mutates the
 * state it is given (see KeyedFold: one owner); version 2 = compact collectif arrays; 3 = letters
 * sent and the annual agreement (R-NOTIFY, R-AGREEMENT-ANNUAL); 4 = the decision's committee meeting
 * (CommitteeDecisionRecorded v2); 5 = the decision's envelope overrides (R-BUDGET-ENVELOPE).
 */
export const projectFold: KeyedFold<ProjectFoldState> = {
  name: 'project',
  version: 5,
  eventTypes: EVENT_TYPES,
  keysOf(event) {
    if (!TYPES.has(event.type)) return [];
    return [(event.data as { projectId: string }).projectId];
  },
  initial: initialProjectFoldState,
  evolve: evolveProject,
};
