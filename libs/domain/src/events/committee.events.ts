import type { LocalDate } from '../shared/calendar-date.js';
import type { SchoolYear } from '../shared/school-year.js';
import type { DomainEvent } from './domain-event.js';
import type { CommitteeInstitution, OrientationCriterion } from './vocabulary.js';

/** Stream `committee-<caf>-<schoolYear>`: the departmental committee of one Caf for one school year. */
export interface CommitteeRef {
  cafCode: string;
  schoolYear: SchoolYear;
}

/** R-COMMITTEE-ORIENTATIONS: one priority of the year and its weight in the ranking. */
export interface CommitteeOrientation {
  code: OrientationCriterion;
  weight: number;
  label: string | null;
}

/** R-COMMITTEE-MEETING: a member present, by institution (name and role when the minutes give them). */
export interface CommitteeMember {
  institution: CommitteeInstitution;
  name: string | null;
  role: string | null;
}

/** The year's priorities, in full: a later event replaces them (the committee revises its orientations). */
export interface CommitteeOrientationsSetData extends CommitteeRef {
  orientations: CommitteeOrientation[];
  setOn: LocalDate;
}

/** A meeting planned for `date`, with the files it will examine. */
export interface CommitteeMeetingScheduledData extends CommitteeRef {
  meetingId: string;
  date: LocalDate;
  agenda: string[];
}

/** The meeting took place: who sat, which files it examined (its final agenda), and the minutes when written on the day. */
export interface CommitteeMeetingHeldData extends CommitteeRef {
  meetingId: string;
  date: LocalDate;
  members: CommitteeMember[];
  agenda: string[];
  minutes: string | null;
}

/** Minutes written after the meeting. */
export interface CommitteeMeetingMinutesRecordedData extends CommitteeRef {
  meetingId: string;
  minutes: string;
  recordedOn: LocalDate;
}

export type CommitteeOrientationsSet = DomainEvent<'CommitteeOrientationsSet', CommitteeOrientationsSetData>;
export type CommitteeMeetingScheduled = DomainEvent<'CommitteeMeetingScheduled', CommitteeMeetingScheduledData>;
export type CommitteeMeetingHeld = DomainEvent<'CommitteeMeetingHeld', CommitteeMeetingHeldData>;
export type CommitteeMeetingMinutesRecorded = DomainEvent<'CommitteeMeetingMinutesRecorded', CommitteeMeetingMinutesRecordedData>;

export type CommitteeEvent = CommitteeOrientationsSet | CommitteeMeetingScheduled | CommitteeMeetingHeld | CommitteeMeetingMinutesRecorded;
