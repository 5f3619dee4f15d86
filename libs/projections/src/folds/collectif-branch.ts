import type { CollectifEvent } from '@clas/domain';
import { assertNever } from '@clas/domain';
import type { EventOf } from './fold-support.js';
import { byId, indexOfId, intern, orShared, pushIndexed, sharedList, withId } from './fold-support.js';
import type { ChildState, CollectifState, SessionAttendanceState, SessionState, StaffState } from './project-state.js';
import { attendanceLetter } from './project-state.js';

const childIdOf = (c: ChildState): string => c.childId;
const staffIdOf = (m: StaffState): string => m.staffId;
export const sessionIdOf = (s: SessionState): string => s.sessionId;
export const sheetIdOf = (s: SessionAttendanceState): string => s.sessionId;

/** The child ids of the previous sheet of the collectif when they are the same, so sheets share one frozen list. */
function childIdList(state: CollectifState, ids: string[]): readonly string[] {
  const previous = state.attendance[state.attendance.length - 1];
  if (previous !== undefined && previous.childIds.length === ids.length && previous.childIds.every((id, i) => id === ids[i]))
    return previous.childIds;
  return Object.freeze(ids);
}

/** The collectif's own instance of a child id when the child is enrolled (one string shared by every mark). */
function canonicalChildId(state: CollectifState, childId: string): string {
  return byId(state.children, childId, childIdOf)?.childId ?? childId;
}

/**
 * The collectif part of the project fold: one collectif's enrolments, staff, sessions and
 * attendance. Mutates `state` in place (the fold owns it, see KeyedFold): an event costs O(1)
 * (an id lookup through the lazy index, one push or one field update) whatever the season size.
 */
export function evolveCollectif(state: CollectifState, event: EventOf<CollectifEvent>): CollectifState {
  switch (event.type) {
    case 'CollectifOpened': {
      const { plannedRef, place, level, rural, disabilityNeeds, openedOn } = event.data;
      state.opened = { plannedRef, place, level, rural, disabilityNeeds, openedOn, eventId: event.eventId };
      return state;
    }
    case 'ChildEnrolled': {
      const { childId, schoolLevel, orientedBy, parentalConsentDate, disabilityNeeds, enrolledOn } = event.data;
      const enrolment = { enrolledOn: intern(enrolledOn), leftOn: null, leftReason: null, eventIds: [event.eventId] };
      const i = indexOfId(state.children, childId, childIdOf);
      // A re-enrolment keeps the earlier intervals; the child's facts are those of the latest enrolment.
      if (i >= 0) {
        const previous = state.children[i]!;
        previous.enrolments.push(enrolment);
        state.children[i] = {
          childId: previous.childId,
          schoolLevel,
          orientedBy,
          parentalConsentDate,
          disabilityNeeds,
          enrolments: previous.enrolments,
        };
      } else {
        pushIndexed(
          state.children,
          { childId, schoolLevel, orientedBy, parentalConsentDate, disabilityNeeds, enrolments: [enrolment] },
          childId,
        );
      }
      return state;
    }
    case 'ChildLeft': {
      const { childId, reason, leftOn } = event.data;
      const child = byId(state.children, childId, childIdOf);
      if (!child) return state;
      for (let i = child.enrolments.length - 1; i >= 0; i--) {
        const e = child.enrolments[i]!;
        if (e.leftOn !== null) continue;
        child.enrolments[i] = { ...e, leftOn: intern(leftOn), leftReason: reason };
        withId(e.eventIds, event.eventId);
        break;
      }
      return state;
    }
    case 'StaffAssigned': {
      const { staffId, status, criminalRecordCheckDate, trainingAttendedDate, isNew, assignedOn } = event.data;
      const assignment = { assignedOn, unassignedOn: null, eventIds: [event.eventId] };
      const i = indexOfId(state.staff, staffId, staffIdOf);
      const previous = i >= 0 ? state.staff[i] : undefined;
      const staff: StaffState = {
        staffId,
        status,
        criminalRecordCheckDate,
        trainingAttendedDate: trainingAttendedDate ?? previous?.trainingAttendedDate ?? null,
        isNew,
        assignments: previous ? [...previous.assignments, assignment] : [assignment],
        eventIds: previous ? withId(previous.eventIds, event.eventId) : [event.eventId],
      };
      if (i >= 0) state.staff[i] = staff;
      else pushIndexed(state.staff, staff, staffId);
      return state;
    }
    case 'StaffTrainingRecorded': {
      const { staffId, trainingAttendedDate } = event.data;
      const member = byId(state.staff, staffId, staffIdOf);
      if (!member) return state;
      member.trainingAttendedDate = trainingAttendedDate;
      withId(member.eventIds, event.eventId);
      return state;
    }
    case 'StaffUnassigned': {
      const { staffId, unassignedOn } = event.data;
      const member = byId(state.staff, staffId, staffIdOf);
      if (!member) return state;
      for (let i = member.assignments.length - 1; i >= 0; i--) {
        const a = member.assignments[i]!;
        if (a.unassignedOn !== null) continue;
        member.assignments[i] = { ...a, unassignedOn };
        withId(a.eventIds, event.eventId);
        break;
      }
      return state;
    }
    case 'SessionHeld': {
      const { sessionId, date, start, minutes, kind, activityTypes, warnings } = event.data;
      const session: SessionState = {
        sessionId,
        date: intern(date),
        start: intern(start),
        minutes,
        kind: intern(kind),
        activityTypes: sharedList(activityTypes),
        cancelled: false,
        warnings: orShared(warnings),
        eventIds: [event.eventId],
      };
      const i = indexOfId(state.sessions, sessionId, sessionIdOf);
      // Held again under the same id: the new record replaces the earlier one (its events included).
      if (i >= 0) state.sessions[i] = { ...session, sessionId: state.sessions[i]!.sessionId };
      else pushIndexed(state.sessions, session, sessionId);
      return state;
    }
    case 'SessionCancelled': {
      const { sessionId, date } = event.data;
      const held = byId(state.sessions, sessionId, sessionIdOf);
      if (held) {
        held.cancelled = true;
        withId(held.eventIds, event.eventId);
      } else {
        const session: SessionState = {
          sessionId,
          date: intern(date),
          start: null,
          minutes: 0,
          kind: null,
          activityTypes: sharedList([]),
          cancelled: true,
          warnings: orShared([]),
          eventIds: [event.eventId],
        };
        pushIndexed(state.sessions, session, sessionId);
      }
      return state;
    }
    case 'SessionCorrected': {
      const { sessionId, session: corrected, warnings } = event.data;
      const i = indexOfId(state.sessions, sessionId, sessionIdOf);
      if (i < 0) return state;
      const held = state.sessions[i]!;
      state.sessions[i] = { ...held, ...corrected, warnings, eventIds: withId(held.eventIds, event.eventId) };
      return state;
    }
    case 'AttendanceRecorded':
    case 'AttendanceCorrected': {
      const { sessionId, sessionDate, entries } = event.data;
      const i = indexOfId(state.attendance, sessionId, sheetIdOf);
      if (i < 0) {
        const ids: string[] = [];
        let statuses = '';
        const seen = new Map<string, number>();
        for (const entry of entries) {
          const at = seen.get(entry.childId);
          if (at !== undefined) {
            statuses = statuses.slice(0, at) + attendanceLetter(entry.status) + statuses.slice(at + 1);
            continue;
          }
          seen.set(entry.childId, ids.length);
          ids.push(canonicalChildId(state, entry.childId));
          statuses += attendanceLetter(entry.status);
        }
        const session = byId(state.sessions, sessionId, sessionIdOf);
        const sheet: SessionAttendanceState = {
          sessionId: session?.sessionId ?? sessionId,
          sessionDate: intern(sessionDate),
          childIds: childIdList(state, ids),
          statuses,
          eventIds: [event.eventId],
        };
        pushIndexed(state.attendance, sheet, sessionId);
        return state;
      }
      const sheet = state.attendance[i]!;
      let ids = sheet.childIds;
      const letters = sheet.statuses.split('');
      for (const entry of entries) {
        const at = ids.indexOf(entry.childId);
        if (at >= 0) {
          letters[at] = attendanceLetter(entry.status);
        } else {
          // A child not marked yet: a new list (the old one may be shared with other sheets).
          ids = [...ids, canonicalChildId(state, entry.childId)];
          letters.push(attendanceLetter(entry.status));
        }
      }
      sheet.sessionDate = intern(sessionDate);
      sheet.childIds = ids === sheet.childIds ? ids : Object.freeze(ids as string[]);
      sheet.statuses = letters.join('');
      withId(sheet.eventIds, event.eventId);
      return state;
    }
    default:
      return assertNever(event, 'collectif event');
  }
}
