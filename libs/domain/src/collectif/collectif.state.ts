import type { CollectifEvent, CollectifRef } from '../events/collectif.events.js';
import type { ActivityType, AttendanceStatus, ClockTime, CollectifLevel, SessionKind } from '../events/vocabulary.js';
import type { Instant, LocalDate } from '../shared/calendar-date.js';
import { assertNever } from '../shared/result.js';

/** One enrolment interval: enrolled on d ⇔ from ≤ d < until (until null = still enrolled). */
export interface EnrolmentSpan {
  childId: string;
  from: LocalDate;
  until: LocalDate | null;
}

export interface StaffSpan {
  staffId: string;
  from: LocalDate;
  until: LocalDate | null;
  trainingAttendedDate: LocalDate | null;
}

export interface SessionFact {
  date: LocalDate;
  start: ClockTime;
  minutes: number;
  kind: SessionKind;
  activityTypes: ActivityType[];
  /** The SessionHeld event's occurredAt: corrections take effect from it. */
  occurredAt: Instant;
  held: boolean;
  cancelled: boolean;
  attendance: Record<string, AttendanceStatus> | null;
}

export interface CollectifState {
  status: 'none' | 'open';
  ref: CollectifRef | null;
  level: CollectifLevel | null;
  openedOn: LocalDate | null;
  enrolments: EnrolmentSpan[];
  staff: StaffSpan[];
  sessions: Record<string, SessionFact>;
}

export const initialCollectifState = (): CollectifState => ({
  status: 'none',
  ref: null,
  level: null,
  openedOn: null,
  enrolments: [],
  staff: [],
  sessions: {},
});

export const isEnrolledOn = (state: CollectifState, childId: string, date: LocalDate): boolean =>
  state.enrolments.some((e) => e.childId === childId && e.from <= date && (e.until === null || date < e.until));

export const enrolledCountOn = (state: CollectifState, date: LocalDate): number =>
  state.enrolments.filter((e) => e.from <= date && (e.until === null || date < e.until)).length;

export const currentEnrolment = (state: CollectifState, childId: string): EnrolmentSpan | undefined =>
  state.enrolments.find((e) => e.childId === childId && e.until === null);

export const currentStaff = (state: CollectifState, staffId: string): StaffSpan | undefined =>
  state.staff.find((s) => s.staffId === staffId && s.until === null);

function closeLast<T extends { until: LocalDate | null }>(spans: T[], match: (s: T) => boolean, until: LocalDate): T[] {
  const index = spans.findIndex((s) => match(s) && s.until === null);
  return index < 0 ? spans : spans.map((s, i) => (i === index ? { ...s, until } : s));
}

export function evolveCollectif(state: CollectifState, event: CollectifEvent): CollectifState {
  switch (event.type) {
    case 'CollectifOpened': {
      const { collectifId, projectId, operatorId, cafCode, schoolYear, level, openedOn } = event.data;
      return { ...state, status: 'open', ref: { collectifId, projectId, operatorId, cafCode, schoolYear }, level, openedOn };
    }
    case 'ChildEnrolled':
      return { ...state, enrolments: [...state.enrolments, { childId: event.data.childId, from: event.data.enrolledOn, until: null }] };
    case 'ChildLeft':
      return { ...state, enrolments: closeLast(state.enrolments, (e) => e.childId === event.data.childId, event.data.leftOn) };
    case 'StaffAssigned': {
      const { staffId, assignedOn, trainingAttendedDate } = event.data;
      return { ...state, staff: [...state.staff, { staffId, from: assignedOn, until: null, trainingAttendedDate }] };
    }
    case 'StaffTrainingRecorded':
      return {
        ...state,
        staff: state.staff.map((s) =>
          s.staffId === event.data.staffId ? { ...s, trainingAttendedDate: event.data.trainingAttendedDate } : s,
        ),
      };
    case 'StaffUnassigned':
      return { ...state, staff: closeLast(state.staff, (s) => s.staffId === event.data.staffId, event.data.unassignedOn) };
    case 'SessionHeld': {
      const { sessionId, date, start, minutes, kind, activityTypes } = event.data;
      const session: SessionFact = {
        date,
        start,
        minutes,
        kind,
        activityTypes,
        occurredAt: event.occurredAt,
        held: true,
        cancelled: false,
        attendance: null,
      };
      return { ...state, sessions: { ...state.sessions, [sessionId]: session } };
    }
    case 'SessionCancelled': {
      const { sessionId, date } = event.data;
      const known = state.sessions[sessionId];
      const session: SessionFact = known
        ? { ...known, cancelled: true }
        : {
            date,
            start: '00:00',
            minutes: 0,
            kind: 'children',
            activityTypes: [],
            occurredAt: event.occurredAt,
            held: false,
            cancelled: true,
            attendance: null,
          };
      return { ...state, sessions: { ...state.sessions, [sessionId]: session } };
    }
    case 'SessionCorrected': {
      const known = state.sessions[event.data.sessionId];
      return known ? { ...state, sessions: { ...state.sessions, [event.data.sessionId]: { ...known, ...event.data.session } } } : state;
    }
    case 'AttendanceRecorded':
    case 'AttendanceCorrected': {
      const known = state.sessions[event.data.sessionId];
      if (!known) return state;
      const attendance = { ...(known.attendance ?? {}) };
      for (const entry of event.data.entries) attendance[entry.childId] = entry.status;
      return { ...state, sessions: { ...state.sessions, [event.data.sessionId]: { ...known, attendance } } };
    }
    default:
      return assertNever(event, 'collectif event');
  }
}
