import type { LocalDate } from '../shared/calendar-date.js';
import type { Cents } from '../shared/money.js';
import type { SchoolYear } from '../shared/school-year.js';
import type { ApplicationContent, CoFunder } from './application-content.js';
import type { DomainEvent } from './domain-event.js';
import type {
  CollectifLevel,
  ConcertationMoment,
  AgreementSignatoryRole,
  DomainWarning,
  NotificationChannel,
  NotReceivableReason,
  ObjectiveCode,
  ParentObjective,
  PartnerKind,
  SchoolCycle,
  SchoolObjective,
} from './vocabulary.js';

/**
 * Stream `project-<projectId>`: the application, its examination and decision, the actions
 * held at project level, the bilan and the payments of one project for one school year.
 * Every event carries this ref so a projection routes it without reading other streams.
 */
export interface ProjectRef {
  projectId: string;
  operatorId: string;
  cafCode: string;
  schoolYear: SchoolYear;
}

export interface ProjectDraftedData extends ProjectRef {
  title: string;
  schoolCycle: SchoolCycle;
  draftedOn: LocalDate;
}

/** R-LIFE-4: what a renewal renews. `short` = "à l'identique" or only the number of collectifs changed. */
export interface RenewalOf {
  previousProjectId: string;
  previousSchoolYear: SchoolYear;
  short: boolean;
  /** For a short renewal: what changed from the previous application (empty = à l'identique). */
  changedFields: Array<'collectifs' | 'budget' | 'plannedPeriod' | 'plannedWeeks' | 'bonusRequests'>;
}

export interface ApplicationFiledData extends ProjectRef {
  applicationKind: 'new' | 'renewal';
  renewalOf: RenewalOf | null;
  /** Always the full, effective content — for a short renewal, the previous content with the changes applied. */
  content: ApplicationContent;
  /**
   * The Paris day receivability was judged on (R-LIFE-DATES): the day the Caf received the
   * filing (R-LIFE-RECEIPT). The instant the filer declares is the event's occurredAt. Events
   * recorded before R-LIFE-RECEIPT were judged on the declared day, and say so here: no upcast.
   */
  filedOn: LocalDate;
  /** The campaign deadline that applied (last receivable day, inclusive). */
  deadline: LocalDate;
  /** R-LIFE-5, R-ELIG-NOT-HOMEWORK…: accepted, but worth a look. */
  warnings: DomainWarning[];
}

export interface ApplicationFoundNotReceivableData extends ProjectRef {
  reason: NotReceivableReason;
  /** The rule that makes it not receivable, e.g. "R-LIFE-1". */
  ruleId: string;
  explanation: string;
  declaredOn: LocalDate;
}

export interface ApplicationWithdrawnData extends ProjectRef {
  reason: string;
  withdrawnOn: LocalDate;
}

export interface ExaminationOpenedData extends ProjectRef {
  openedOn: LocalDate;
  /** R-LIFE-2: for a renewal, whether the prior year's qualitative bilan had been received. */
  priorQualitativeBilanReceived: boolean | null;
}

export interface BonusGrant {
  /** Number of collectifs the bonus is granted on (R-PS-BONUS is per collectif). */
  collectifs: number;
}

export interface BonusesGranted {
  enfants: BonusGrant | null;
  parents: BonusGrant | null;
}

export interface ApprovalTerms {
  outcome: 'approved';
  approvedCollectifs: number;
  /** Refs of the planned collectifs approved (length = approvedCollectifs). */
  approvedCollectifRefs: string[];
  bonusesGranted: BonusesGranted;
  /** R-PS-ACTUAL: the forecast operating cost the committee retained (the PS forecast is a projection). */
  forecastOperatingCost: Cents;
}

export interface RefusalTerms {
  outcome: 'refused';
  reasons: Array<{ code: string; ruleId: string | null; text: string }>;
}

export interface CommitteeDecisionRecordedData extends ProjectRef {
  decisionId: string;
  /**
   * R-COMMITTEE-MEETING: the meeting of `committee-<caf>-<schoolYear>` the decision was taken in;
   * null for decisions recorded before meetings were (schema version 1, upcast).
   */
  meetingId: string | null;
  /** The meeting's date (taken from the meeting since schema version 2). */
  meetingDate: LocalDate;
  /** The date the decision takes effect (worked example 3: corrections take effect from it). */
  effectiveDate: LocalDate;
  decision: ApprovalTerms | RefusalTerms;
  /** R-BUDGET-ENVELOPE: present only when the approval was recorded beyond the envelope, with the reason and the figures then. */
  envelopeOverride?: EnvelopeOverride;
}

/** R-BUDGET-ENVELOPE: an explicit, reasoned override, kept in the audit trail with the figures at that moment (cents). */
export interface EnvelopeOverride {
  reason: string;
  envelope: Cents;
  /** Committed by the campaign's other approved projects. */
  committed: Cents;
  /** This project's commitment after the decision. */
  thisDecision: Cents;
  excess: Cents;
}

export type CorrectableDecisionField = 'approvedCollectifs' | 'approvedCollectifRefs' | 'bonusesGranted' | 'forecastOperatingCost';

/**
 * Worked example 3: a correction is a new event whose occurredAt is the corrected decision's
 * (so `at` queries see it from the decision date) while `recordedAt` says when it was learned.
 */
export interface CommitteeDecisionCorrectedData extends ProjectRef {
  decisionId: string;
  effectiveDate: LocalDate;
  correctedOn: LocalDate;
  reason: string;
  correctedFields: CorrectableDecisionField[];
  /** The decision as it stands after the correction, in full. */
  corrected: ApprovalTerms;
  /** R-BUDGET-ENVELOPE: present only when the correction raised the commitment beyond the envelope. */
  envelopeOverride?: EnvelopeOverride;
}

/** R-ELIG-AXES P1–P5, R-BILAN-2: a parent action, with the number of parents reached. */
export interface ParentActionHeldData extends ProjectRef {
  actionId: string;
  objective: ParentObjective;
  date: LocalDate;
  parentsReached: number;
  /** Collectifs whose families were concerned (empty = the whole project). */
  collectifIds: string[];
  description: string;
}

/** R-ELIG-AXES S1–S3 (S3: before the start AND at the bilan). */
export interface SchoolConcertationHeldData extends ProjectRef {
  concertationId: string;
  objective: SchoolObjective;
  moment: ConcertationMoment;
  date: LocalDate;
  /** Schools (names or UAI codes) taking part. */
  schools: string[];
}

/** R-ELIG-AXES T1. */
export interface PartnerRelationRecordedData extends ProjectRef {
  relationId: string;
  objective: Extract<ObjectiveCode, 'T1'>;
  partnerName: string;
  partnerKind: PartnerKind;
  date: LocalDate;
  description: string;
}

/** R-BILAN-2: the figures the operator declares (the system recomputes its own from events). */
export interface BilanQuantitative {
  collectifsRun: number;
  childrenEnrolled: Record<CollectifLevel, number>;
  arrivals: number;
  departures: number;
  sessionsHeld: number;
  minutesHeld: number;
  weeksOfActivity: number;
  /** Attendance as counts, so the rate is exact: present / expected. */
  attendance: { present: number; expected: number };
  parentsReached: number;
}

export interface BilanQualitative {
  summary: string;
  /** Assessment per objective (codes of R-ELIG-AXES). */
  objectives: Array<{ code: ObjectiveCode; assessment: string }>;
}

/** R-BILAN-3. */
export interface BilanFinancial {
  actualTotalCost: Cents;
  coFunders: CoFunder[];
  /** Caf amounts received for the year (PS advance, bonuses, local funds). */
  cafAmountsReceived: Cents;
  otherCafFunding: Cents;
}

export interface BilanFiledData extends ProjectRef {
  bilanId: string;
  filedOn: LocalDate;
  quantitative: BilanQuantitative;
  qualitative: BilanQualitative;
  financial: BilanFinancial;
}

export interface BilanValidatedData extends ProjectRef {
  bilanId: string;
  validatedOn: LocalDate;
}

export interface BilanReturnedForCorrectionData extends ProjectRef {
  bilanId: string;
  returnedOn: LocalDate;
  reasons: string[];
}

/** R-PS-PAYMENTS: every payment is an event; amounts are computed by the PS rules, not here. */
export interface AdvancePaidData extends ProjectRef {
  paymentId: string;
  decisionId: string;
  amount: Cents;
  paidOn: LocalDate;
}

export interface BalancePaidData extends ProjectRef {
  paymentId: string;
  bilanId: string;
  amount: Cents;
  paidOn: LocalDate;
}

export interface RecoveryIssuedData extends ProjectRef {
  recoveryId: string;
  amount: Cents;
  issuedOn: LocalDate;
  reason: string;
}

/**
 * R-NOTIFY: a decision letter (or a correction's) was sent. `documentHash` is the SHA-256 of the
 * PDF as rendered from the log, so the letter sent can be rendered again and compared; the
 * recipient is an opaque id (no personal data in the log).
 */
export interface NotificationSentData extends ProjectRef {
  letterId: string;
  decisionId: string;
  channel: NotificationChannel;
  recipientId: string;
  documentHash: string;
  sentOn: LocalDate;
}

/** R-AGREEMENT-ANNUAL: the operator signed the annual Clas agreement rendered from the approval (its SHA-256). */
export interface AnnualAgreementSignedData extends ProjectRef {
  agreementId: string;
  decisionId: string;
  signatoryRole: AgreementSignatoryRole;
  documentHash: string;
  signedOn: LocalDate;
}

export type ProjectDrafted = DomainEvent<'ProjectDrafted', ProjectDraftedData>;
export type ApplicationFiled = DomainEvent<'ApplicationFiled', ApplicationFiledData>;
export type ApplicationFoundNotReceivable = DomainEvent<'ApplicationFoundNotReceivable', ApplicationFoundNotReceivableData>;
export type ApplicationWithdrawn = DomainEvent<'ApplicationWithdrawn', ApplicationWithdrawnData>;
export type ExaminationOpened = DomainEvent<'ExaminationOpened', ExaminationOpenedData>;
export type CommitteeDecisionRecorded = DomainEvent<'CommitteeDecisionRecorded', CommitteeDecisionRecordedData, 2>;
export type CommitteeDecisionCorrected = DomainEvent<'CommitteeDecisionCorrected', CommitteeDecisionCorrectedData>;
export type ParentActionHeld = DomainEvent<'ParentActionHeld', ParentActionHeldData>;
export type SchoolConcertationHeld = DomainEvent<'SchoolConcertationHeld', SchoolConcertationHeldData>;
export type PartnerRelationRecorded = DomainEvent<'PartnerRelationRecorded', PartnerRelationRecordedData>;
export type BilanFiled = DomainEvent<'BilanFiled', BilanFiledData>;
export type BilanValidated = DomainEvent<'BilanValidated', BilanValidatedData>;
export type BilanReturnedForCorrection = DomainEvent<'BilanReturnedForCorrection', BilanReturnedForCorrectionData>;
export type AdvancePaid = DomainEvent<'AdvancePaid', AdvancePaidData>;
export type BalancePaid = DomainEvent<'BalancePaid', BalancePaidData>;
export type RecoveryIssued = DomainEvent<'RecoveryIssued', RecoveryIssuedData>;
export type NotificationSent = DomainEvent<'NotificationSent', NotificationSentData>;
export type AnnualAgreementSigned = DomainEvent<'AnnualAgreementSigned', AnnualAgreementSignedData>;

export type ProjectEvent =
  | ProjectDrafted
  | ApplicationFiled
  | ApplicationFoundNotReceivable
  | ApplicationWithdrawn
  | ExaminationOpened
  | CommitteeDecisionRecorded
  | CommitteeDecisionCorrected
  | ParentActionHeld
  | SchoolConcertationHeld
  | PartnerRelationRecorded
  | BilanFiled
  | BilanValidated
  | BilanReturnedForCorrection
  | AdvancePaid
  | BalancePaid
  | RecoveryIssued
  | NotificationSent
  | AnnualAgreementSigned;
