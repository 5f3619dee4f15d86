import type {
  ActivityType,
  AgreementSignatoryRole,
  ApplicationContent,
  ApprovalTerms,
  AttendanceStatus,
  BilanFinancial,
  BilanQualitative,
  BilanQuantitative,
  Cents,
  ChildDepartureReason,
  ClockTime,
  CollectifLevel,
  ConcertationMoment,
  CorrectableDecisionField,
  DomainWarning,
  EnvelopeOverride,
  LocalDate,
  NotificationChannel,
  NotReceivableReason,
  OrientedBy,
  ParentObjective,
  PartnerKind,
  Place,
  RefusalTerms,
  RenewalOf,
  SchoolCycle,
  SchoolLevel,
  SchoolObjective,
  SchoolYear,
  SessionKind,
  StaffStatus,
} from '@clas/domain';

/**
 * The state of the project fold: everything the rules need about one project and its
 * collectifs, each fact with the event ids it came from (R-PS-EXPLAIN). Plain JSON only.
 * Collections that grow with the season are arrays (looked up through `byId`, an index built
 * lazily beside the state and never serialised), so folding an event costs O(1).
 */

/** R-LIFE: where the application stands. 'approved'/'refused' follow the effective (corrected) decision. */
export type ProjectLifecycleStatus =
  'unknown' | 'drafted' | 'filed' | 'not_receivable' | 'withdrawn' | 'under_examination' | 'approved' | 'refused';

export interface ProjectRefState {
  operatorId: string;
  cafCode: string;
  schoolYear: SchoolYear;
}

export interface DecisionCorrectionState {
  correctedOn: LocalDate;
  reason: string;
  correctedFields: CorrectableDecisionField[];
  eventId: string;
}

export interface DecisionState {
  decisionId: string;
  /** R-COMMITTEE-MEETING: the meeting it was taken in; null for a decision recorded before meetings were (schema v1). */
  meetingId: string | null;
  meetingDate: LocalDate;
  effectiveDate: LocalDate;
  outcome: 'approved' | 'refused';
  /** The effective approval: the recorded one, or the latest correction's full terms. */
  approval: ApprovalTerms | null;
  refusal: RefusalTerms | null;
  recordedEventId: string;
  corrections: DecisionCorrectionState[];
  /** The decision then each correction, in log order. */
  eventIds: string[];
  /** R-BUDGET-ENVELOPE: the decision or corrections recorded beyond the envelope, with the reason and the figures then. */
  envelopeOverrides: Array<EnvelopeOverride & { eventId: string }>;
}

export interface EnrolmentState {
  enrolledOn: LocalDate;
  /** First day no longer enrolled (exclusive), null while enrolled. */
  leftOn: LocalDate | null;
  leftReason: ChildDepartureReason | null;
  eventIds: string[];
}

export interface ChildState {
  childId: string;
  schoolLevel: SchoolLevel;
  orientedBy: OrientedBy;
  parentalConsentDate: LocalDate;
  disabilityNeeds: boolean;
  /** In order; a child may leave and be enrolled again. */
  enrolments: EnrolmentState[];
}

export interface StaffAssignmentState {
  assignedOn: LocalDate;
  /** First day no longer assigned (exclusive), null while assigned. */
  unassignedOn: LocalDate | null;
  eventIds: string[];
}

export interface StaffState {
  staffId: string;
  status: StaffStatus;
  criminalRecordCheckDate: LocalDate;
  trainingAttendedDate: LocalDate | null;
  isNew: boolean;
  assignments: StaffAssignmentState[];
  /** Assignment and training events. */
  eventIds: string[];
}

export interface SessionState {
  sessionId: string;
  date: LocalDate;
  /** null for a session recorded directly as cancelled (never held). */
  start: ClockTime | null;
  minutes: number;
  kind: SessionKind | null;
  activityTypes: ActivityType[];
  cancelled: boolean;
  warnings: DomainWarning[];
  eventIds: string[];
}

/**
 * Attendance of one session: the latest status per child (corrections replace), and the events.
 * Compact: `childIds` in first-marked order (frozen, shared between the sessions of a collectif
 * that mark the same children, replaced — never mutated — when a child is added) and
 * `statuses`, one letter per child at the same index ('p' present, 'a' absent, 'e' excused).
 */
export interface SessionAttendanceState {
  sessionId: string;
  sessionDate: LocalDate;
  childIds: readonly string[];
  statuses: string;
  /** One per attendance event (recording, corrections), in log order. */
  eventIds: string[];
}

const STATUS_LETTER: Readonly<Record<AttendanceStatus, string>> = { present: 'p', absent: 'a', excused: 'e' };
const LETTER_STATUS: Readonly<Record<string, AttendanceStatus>> = { p: 'present', a: 'absent', e: 'excused' };

export const attendanceLetter = (status: AttendanceStatus): string => STATUS_LETTER[status];
export const attendanceStatusAt = (sheet: SessionAttendanceState, index: number): AttendanceStatus =>
  LETTER_STATUS[sheet.statuses[index]!]!;

export interface CollectifState {
  collectifId: string;
  opened: {
    plannedRef: string | null;
    place: Place;
    level: CollectifLevel;
    rural: boolean;
    disabilityNeeds: boolean;
    openedOn: LocalDate;
    eventId: string;
  } | null;
  /** In first-enrolment order (ids unique). */
  children: ChildState[];
  /** In first-assignment order (ids unique). */
  staff: StaffState[];
  /** In the order first recorded (held or cancelled); ids unique. */
  sessions: SessionState[];
  /** In the order first recorded; one sheet per session id. */
  attendance: SessionAttendanceState[];
}

export interface ParentActionState {
  actionId: string;
  objective: ParentObjective;
  date: LocalDate;
  parentsReached: number;
  collectifIds: string[];
  eventId: string;
}

export interface ConcertationState {
  concertationId: string;
  objective: SchoolObjective;
  moment: ConcertationMoment;
  date: LocalDate;
  schools: string[];
  eventId: string;
}

export interface PartnerRelationState {
  relationId: string;
  partnerName: string;
  partnerKind: PartnerKind;
  date: LocalDate;
  eventId: string;
}

export interface BilanState {
  bilanId: string;
  filedOn: LocalDate;
  quantitative: BilanQuantitative;
  qualitative: BilanQualitative;
  financial: BilanFinancial;
  status: 'filed' | 'validated' | 'returned';
  validatedOn: LocalDate | null;
  returnedOn: LocalDate | null;
  returnReasons: string[];
  eventIds: string[];
}

/** R-PS-PAYMENTS: a payment of the Caf; a recovery is stored with a negative amount. */
export interface PaymentState {
  paymentId: string;
  kind: 'advance' | 'balance' | 'recovery';
  date: LocalDate;
  amount: Cents;
  eventId: string;
}

/** R-NOTIFY: a letter sent (a letter may go out more than once, by several channels). */
export interface NotificationState {
  letterId: string;
  decisionId: string;
  channel: NotificationChannel;
  recipientId: string;
  documentHash: string;
  sentOn: LocalDate;
  eventId: string;
}

/** R-AGREEMENT-ANNUAL: the annual agreement signed. */
export interface AgreementState {
  agreementId: string;
  decisionId: string;
  signatoryRole: AgreementSignatoryRole;
  documentHash: string;
  signedOn: LocalDate;
  eventId: string;
}

export interface ProjectFoldState {
  projectId: string;
  ref: ProjectRefState | null;
  status: ProjectLifecycleStatus;
  /** Each lifecycle step with its date and event, in log order. */
  statusHistory: Array<{ status: ProjectLifecycleStatus; on: LocalDate; eventId: string }>;
  drafted: { title: string; schoolCycle: SchoolCycle; draftedOn: LocalDate; eventId: string } | null;
  application: {
    kind: 'new' | 'renewal';
    renewalOf: RenewalOf | null;
    content: ApplicationContent;
    filedOn: LocalDate;
    deadline: LocalDate;
    warnings: DomainWarning[];
    eventId: string;
  } | null;
  notReceivable: { reason: NotReceivableReason; ruleId: string; explanation: string; declaredOn: LocalDate; eventId: string } | null;
  withdrawal: { reason: string; withdrawnOn: LocalDate; eventId: string } | null;
  examination: { openedOn: LocalDate; priorQualitativeBilanReceived: boolean | null; eventId: string } | null;
  decision: DecisionState | null;
  collectifs: Record<string, CollectifState>;
  parentActions: ParentActionState[];
  concertations: ConcertationState[];
  partnerRelations: PartnerRelationState[];
  /** In filing order; the last one is the current bilan. */
  bilans: BilanState[];
  payments: PaymentState[];
  /** In log order. */
  notifications: NotificationState[];
  agreement: AgreementState | null;
}

export const initialCollectifState = (collectifId: string): CollectifState => ({
  collectifId,
  opened: null,
  children: [],
  staff: [],
  sessions: [],
  attendance: [],
});

export const initialProjectFoldState = (projectId: string): ProjectFoldState => ({
  projectId,
  ref: null,
  status: 'unknown',
  statusHistory: [],
  drafted: null,
  application: null,
  notReceivable: null,
  withdrawal: null,
  examination: null,
  decision: null,
  collectifs: {},
  parentActions: [],
  concertations: [],
  partnerRelations: [],
  bilans: [],
  payments: [],
  notifications: [],
  agreement: null,
});
