import type { LocalDate } from '../shared/calendar-date.js';
import type { SchoolYear } from '../shared/school-year.js';
import type { Place } from './application-content.js';
import type { DomainEvent } from './domain-event.js';
import type {
  ActivityType,
  AttendanceStatus,
  ChildDepartureReason,
  ClockTime,
  CollectifLevel,
  DomainWarning,
  OrientedBy,
  SchoolLevel,
  SessionKind,
  StaffStatus,
} from './vocabulary.js';

/**
 * Stream `collectif-<collectifId>`: enrolments, staff, sessions and attendance of one group.
 * Children and staff are opaque ids (domain.md §8): names live outside the log.
 */
export interface CollectifRef {
  collectifId: string;
  projectId: string;
  operatorId: string;
  cafCode: string;
  schoolYear: SchoolYear;
}

export interface CollectifOpenedData extends CollectifRef {
  /** The planned collectif of the application it realises, when there is one. */
  plannedRef: string | null;
  place: Place;
  level: CollectifLevel;
  rural: boolean;
  disabilityNeeds: boolean;
  openedOn: LocalDate;
}

/** R-ELIG-PUBLIC: the child's school level, who oriented them and the parents' consent. */
export interface ChildEnrolledData extends CollectifRef {
  childId: string;
  schoolLevel: SchoolLevel;
  orientedBy: OrientedBy;
  parentalConsentDate: LocalDate;
  /** R-ELIG-COLLECTIVE (Aude): reinforced attention because of a disability. */
  disabilityNeeds: boolean;
  /** First day the child belongs to the group. */
  enrolledOn: LocalDate;
}

export interface ChildLeftData extends CollectifRef {
  childId: string;
  reason: ChildDepartureReason;
  /** First day the child no longer belongs to the group (enrolled on d ⇔ enrolledOn ≤ d < leftOn). */
  leftOn: LocalDate;
}

/** R-ELIG-STAFF, R-ELIG-OPERATOR (criminal-record extract), R-ELIG-TRAINING. */
export interface StaffAssignedData extends CollectifRef {
  staffId: string;
  status: StaffStatus;
  criminalRecordCheckDate: LocalDate;
  /** R-ELIG-TRAINING: date the "fondamentaux" module was attended; null = not yet. */
  trainingAttendedDate: LocalDate | null;
  /** New to the Clas this year (R-ELIG-TRAINING applies to new staff). */
  isNew: boolean;
  assignedOn: LocalDate;
  warnings: DomainWarning[];
}

/** R-ELIG-TRAINING: training may be attended after the assignment. */
export interface StaffTrainingRecordedData extends CollectifRef {
  staffId: string;
  trainingAttendedDate: LocalDate;
}

export interface StaffUnassignedData extends CollectifRef {
  staffId: string;
  /** First day the staff member no longer works with the group. */
  unassignedOn: LocalDate;
  reason: string;
}

/** R-ELIG-RHYTHM, R-PS-WEEK: a session as it was held. `date` + `start` are Paris wall-clock. */
export interface SessionHeldData extends CollectifRef {
  sessionId: string;
  date: LocalDate;
  start: ClockTime;
  minutes: number;
  kind: SessionKind;
  activityTypes: ActivityType[];
  /** R-ELIG-NO-SPORT, R-ELIG-NOT-HOMEWORK, R-LIFE-5: recorded facts that eligibility will weigh. */
  warnings: DomainWarning[];
}

/**
 * A session that did not take place. Either it had been recorded as held (it then no longer
 * counts) or it is recorded as cancelled directly (planned, never held) — `wasRecordedAsHeld` says which.
 */
export interface SessionCancelledData extends CollectifRef {
  sessionId: string;
  date: LocalDate;
  reason: string;
  wasRecordedAsHeld: boolean;
}

export type CorrectableSessionField = 'date' | 'start' | 'minutes' | 'kind' | 'activityTypes';

/** A held session's facts were wrong; `session` is the session as it stands after the correction. */
export interface SessionCorrectedData extends CollectifRef {
  sessionId: string;
  correctedFields: CorrectableSessionField[];
  session: { date: LocalDate; start: ClockTime; minutes: number; kind: SessionKind; activityTypes: ActivityType[] };
  reason: string;
  warnings: DomainWarning[];
}

export interface AttendanceEntry {
  childId: string;
  status: AttendanceStatus;
}

/** R-ELIG-AXES E5, R-BILAN-2: attendance of the children enrolled on the session's date. */
export interface AttendanceRecordedData extends CollectifRef {
  sessionId: string;
  sessionDate: LocalDate;
  entries: AttendanceEntry[];
}

/** Replaces the status of the listed children only. */
export interface AttendanceCorrectedData extends CollectifRef {
  sessionId: string;
  sessionDate: LocalDate;
  entries: AttendanceEntry[];
  reason: string;
}

export type CollectifOpened = DomainEvent<'CollectifOpened', CollectifOpenedData>;
export type ChildEnrolled = DomainEvent<'ChildEnrolled', ChildEnrolledData>;
export type ChildLeft = DomainEvent<'ChildLeft', ChildLeftData>;
export type StaffAssigned = DomainEvent<'StaffAssigned', StaffAssignedData>;
export type StaffTrainingRecorded = DomainEvent<'StaffTrainingRecorded', StaffTrainingRecordedData>;
export type StaffUnassigned = DomainEvent<'StaffUnassigned', StaffUnassignedData>;
export type SessionHeld = DomainEvent<'SessionHeld', SessionHeldData>;
export type SessionCancelled = DomainEvent<'SessionCancelled', SessionCancelledData>;
export type SessionCorrected = DomainEvent<'SessionCorrected', SessionCorrectedData>;
export type AttendanceRecorded = DomainEvent<'AttendanceRecorded', AttendanceRecordedData>;
export type AttendanceCorrected = DomainEvent<'AttendanceCorrected', AttendanceCorrectedData>;

export type CollectifEvent =
  | CollectifOpened
  | ChildEnrolled
  | ChildLeft
  | StaffAssigned
  | StaffTrainingRecorded
  | StaffUnassigned
  | SessionHeld
  | SessionCancelled
  | SessionCorrected
  | AttendanceRecorded
  | AttendanceCorrected;
