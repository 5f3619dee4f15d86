import type { Command } from '../commands/command.js';
import type { Place } from '../events/application-content.js';
import type { AttendanceEntry, CorrectableSessionField, SessionHeldData } from '../events/collectif.events.js';
import type { ActivityType, ChildDepartureReason, ClockTime, CollectifLevel, OrientedBy, SchoolLevel, SessionKind, StaffStatus } from '../events/vocabulary.js';
import type { LocalDate } from '../shared/calendar-date.js';

type OnCollectif<D = object> = { collectifId: string } & D;

export type OpenCollectif = Command<
  'OpenCollectif',
  OnCollectif<{ projectId: string; plannedRef?: string | null; place: Place; level: CollectifLevel; rural: boolean; disabilityNeeds: boolean }>
>;

export type EnrolChild = Command<
  'EnrolChild',
  OnCollectif<{
    childId: string;
    schoolLevel: SchoolLevel;
    orientedBy: OrientedBy;
    parentalConsentDate: LocalDate;
    disabilityNeeds: boolean;
    enrolledOn: LocalDate;
  }>
>;

export type RecordChildDeparture = Command<'RecordChildDeparture', OnCollectif<{ childId: string; reason: ChildDepartureReason; leftOn: LocalDate }>>;

export type AssignStaff = Command<
  'AssignStaff',
  OnCollectif<{
    staffId: string;
    status: StaffStatus;
    /** R-ELIG-OPERATOR: required; the command type allows null only so the domain can refuse it with the rule. */
    criminalRecordCheckDate: LocalDate | null;
    trainingAttendedDate?: LocalDate | null;
    isNew: boolean;
    assignedOn: LocalDate;
  }>
>;

export type RecordStaffTraining = Command<'RecordStaffTraining', OnCollectif<{ staffId: string; trainingAttendedDate: LocalDate }>>;
export type UnassignStaff = Command<'UnassignStaff', OnCollectif<{ staffId: string; unassignedOn: LocalDate; reason: string }>>;

export type RecordSession = Command<
  'RecordSession',
  OnCollectif<{ sessionId: string; date: LocalDate; start: ClockTime; minutes: number; kind: SessionKind; activityTypes: ActivityType[] }>
>;

/** `date` is required when the session was never recorded as held (a planned session cancelled). */
export type CancelSession = Command<'CancelSession', OnCollectif<{ sessionId: string; date?: LocalDate; reason: string }>>;

export type CorrectSession = Command<
  'CorrectSession',
  OnCollectif<{ sessionId: string; changes: Partial<Pick<SessionHeldData, CorrectableSessionField>>; reason: string }>
>;

export type RecordAttendance = Command<'RecordAttendance', OnCollectif<{ sessionId: string; entries: AttendanceEntry[] }>>;
export type CorrectAttendance = Command<'CorrectAttendance', OnCollectif<{ sessionId: string; entries: AttendanceEntry[]; reason: string }>>;

export type CollectifCommand =
  | OpenCollectif
  | EnrolChild
  | RecordChildDeparture
  | AssignStaff
  | RecordStaffTraining
  | UnassignStaff
  | RecordSession
  | CancelSession
  | CorrectSession
  | RecordAttendance
  | CorrectAttendance;
