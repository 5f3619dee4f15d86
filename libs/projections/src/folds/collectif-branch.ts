import type { AttendanceStatus, CollectifEvent } from '@clas/domain';
import { assertNever } from '@clas/domain';
import type { EventOf } from './fold-support.js';
import { appended, setEntry, updateLast, withId } from './fold-support.js';
import type { CollectifState, SessionAttendanceState, SessionState, StaffState } from './project-state.js';

/**
 * The collectif part of the project fold: one collectif's enrolments, staff, sessions and
 * attendance. Copy-on-write: only the touched record (one child, one staff member, one session,
 * one session's attendance) is copied, so a season of ~60 sessions × 12 children stays cheap.
 */
export function evolveCollectif(state: CollectifState, event: EventOf<CollectifEvent>): CollectifState {
  switch (event.type) {
    case 'CollectifOpened': {
      const { plannedRef, place, level, rural, disabilityNeeds, openedOn } = event.data;
      return { ...state, opened: { plannedRef, place, level, rural, disabilityNeeds, openedOn, eventId: event.eventId } };
    }
    case 'ChildEnrolled': {
      const { childId, schoolLevel, orientedBy, parentalConsentDate, disabilityNeeds, enrolledOn } = event.data;
      const previous = state.children[childId];
      const enrolment = { enrolledOn, leftOn: null, leftReason: null, eventIds: [event.eventId] };
      // A re-enrolment keeps the earlier intervals; the child's facts are those of the latest enrolment.
      const child = {
        childId,
        schoolLevel,
        orientedBy,
        parentalConsentDate,
        disabilityNeeds,
        enrolments: previous ? appended(previous.enrolments, enrolment) : [enrolment],
      };
      return { ...state, children: setEntry(state.children, childId, child) };
    }
    case 'ChildLeft': {
      const { childId, reason, leftOn } = event.data;
      const child = state.children[childId];
      if (!child) return state;
      const enrolments = updateLast(
        child.enrolments,
        (e) => e.leftOn === null,
        (e) => ({ ...e, leftOn, leftReason: reason, eventIds: withId(e.eventIds, event.eventId) }),
      );
      return { ...state, children: setEntry(state.children, childId, { ...child, enrolments }) };
    }
    case 'StaffAssigned': {
      const { staffId, status, criminalRecordCheckDate, trainingAttendedDate, isNew, assignedOn } = event.data;
      const previous = state.staff[staffId];
      const assignment = { assignedOn, unassignedOn: null, eventIds: [event.eventId] };
      const staff: StaffState = {
        staffId,
        status,
        criminalRecordCheckDate,
        trainingAttendedDate: trainingAttendedDate ?? previous?.trainingAttendedDate ?? null,
        isNew,
        assignments: previous ? appended(previous.assignments, assignment) : [assignment],
        eventIds: previous ? withId(previous.eventIds, event.eventId) : [event.eventId],
      };
      return { ...state, staff: setEntry(state.staff, staffId, staff) };
    }
    case 'StaffTrainingRecorded': {
      const { staffId, trainingAttendedDate } = event.data;
      const member = state.staff[staffId];
      if (!member) return state;
      return { ...state, staff: setEntry<StaffState>(state.staff, staffId, { ...member, trainingAttendedDate, eventIds: withId(member.eventIds, event.eventId) }) };
    }
    case 'StaffUnassigned': {
      const { staffId, unassignedOn } = event.data;
      const member = state.staff[staffId];
      if (!member) return state;
      const assignments = updateLast(
        member.assignments,
        (a) => a.unassignedOn === null,
        (a) => ({ ...a, unassignedOn, eventIds: withId(a.eventIds, event.eventId) }),
      );
      return { ...state, staff: setEntry(state.staff, staffId, { ...member, assignments }) };
    }
    case 'SessionHeld': {
      const { sessionId, date, start, minutes, kind, activityTypes, warnings } = event.data;
      const session: SessionState = { sessionId, date, start, minutes, kind, activityTypes, cancelled: false, warnings, eventIds: [event.eventId] };
      return { ...state, sessions: setEntry(state.sessions, sessionId, session) };
    }
    case 'SessionCancelled': {
      const { sessionId, date } = event.data;
      const held = state.sessions[sessionId];
      const session: SessionState = held
        ? { ...held, cancelled: true, eventIds: withId(held.eventIds, event.eventId) }
        : { sessionId, date, start: null, minutes: 0, kind: null, activityTypes: [], cancelled: true, warnings: [], eventIds: [event.eventId] };
      return { ...state, sessions: setEntry(state.sessions, sessionId, session) };
    }
    case 'SessionCorrected': {
      const { sessionId, session: corrected, warnings } = event.data;
      const held = state.sessions[sessionId];
      if (!held) return state;
      const session: SessionState = { ...held, ...corrected, warnings, eventIds: withId(held.eventIds, event.eventId) };
      return { ...state, sessions: setEntry(state.sessions, sessionId, session) };
    }
    case 'AttendanceRecorded':
    case 'AttendanceCorrected': {
      const { sessionId, sessionDate, entries } = event.data;
      const previous = state.attendance[sessionId];
      const marks: Record<string, AttendanceStatus> = { ...(previous?.marks ?? {}) };
      for (const entry of entries) marks[entry.childId] = entry.status;
      const attendance: SessionAttendanceState = { sessionDate, marks, eventIds: previous ? withId(previous.eventIds, event.eventId) : [event.eventId] };
      return { ...state, attendance: setEntry(state.attendance, sessionId, attendance) };
    }
    default:
      return assertNever(event, 'collectif event');
  }
}
