import type { CommitteeEvent, CommitteeMember, CommitteeOrientation, CommitteeRef } from '../events/committee.events.js';
import type { LocalDate } from '../shared/calendar-date.js';
import { assertNever } from '../shared/result.js';

/** One meeting of the committee: planned, then held (R-COMMITTEE-MEETING). */
export interface CommitteeMeetingState {
  meetingId: string;
  status: 'scheduled' | 'held';
  date: LocalDate;
  agenda: string[];
  members: CommitteeMember[];
  minutes: string | null;
}

/**
 * The ONE fold of a committee stream: the decider decides on it, the project context hands one
 * of its meetings to the committee-decision decider, and the projections answer from it.
 */
export interface CommitteeState {
  ref: CommitteeRef | null;
  /** R-COMMITTEE-ORIENTATIONS: the priorities in force (the last set); null before any. */
  orientations: CommitteeOrientation[] | null;
  orientationsSetOn: LocalDate | null;
  /** Meetings in the order they were first recorded. */
  meetings: CommitteeMeetingState[];
}

export const initialCommitteeState = (): CommitteeState => ({ ref: null, orientations: null, orientationsSetOn: null, meetings: [] });

export const meetingOf = (state: CommitteeState, meetingId: string): CommitteeMeetingState | null =>
  state.meetings.find((m) => m.meetingId === meetingId) ?? null;

function withMeeting(state: CommitteeState, meeting: CommitteeMeetingState): CommitteeMeetingState[] {
  const others = state.meetings.filter((m) => m.meetingId !== meeting.meetingId);
  const at = state.meetings.findIndex((m) => m.meetingId === meeting.meetingId);
  if (at < 0) return [...state.meetings, meeting];
  others.splice(at, 0, meeting);
  return others;
}

export function evolveCommittee(state: CommitteeState, event: CommitteeEvent): CommitteeState {
  const ref = state.ref ?? { cafCode: event.data.cafCode, schoolYear: event.data.schoolYear };
  switch (event.type) {
    case 'CommitteeOrientationsSet':
      return { ...state, ref, orientations: event.data.orientations, orientationsSetOn: event.data.setOn };
    case 'CommitteeMeetingScheduled': {
      const { meetingId, date, agenda } = event.data;
      return { ...state, ref, meetings: withMeeting(state, { meetingId, status: 'scheduled', date, agenda, members: [], minutes: null }) };
    }
    case 'CommitteeMeetingHeld': {
      const { meetingId, date, agenda, members, minutes } = event.data;
      return { ...state, ref, meetings: withMeeting(state, { meetingId, status: 'held', date, agenda, members, minutes }) };
    }
    case 'CommitteeMeetingMinutesRecorded': {
      const meeting = meetingOf(state, event.data.meetingId);
      if (meeting === null) return state;
      return { ...state, ref, meetings: withMeeting(state, { ...meeting, minutes: event.data.minutes }) };
    }
    default:
      return assertNever(event, 'committee event');
  }
}
