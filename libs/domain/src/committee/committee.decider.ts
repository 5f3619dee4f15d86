import { type Decider, decideOnReception, requireContext } from '../commands/command.js';
import { checkCommandEnvelope, invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { CommitteeEvent, CommitteeRef } from '../events/committee.events.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, assertNever, reject } from '../shared/result.js';
import type {
  CommitteeCommand,
  HoldCommitteeMeeting,
  RecordMeetingMinutes,
  ScheduleCommitteeMeeting,
  SetCommitteeOrientations,
} from './committee.commands.js';
import type { CommitteeContext } from './committee.context.js';
import { type CommitteeState, evolveCommittee, initialCommitteeState, meetingOf } from './committee.state.js';

const refOf = (d: CommitteeRef): CommitteeRef => ({ cafCode: d.cafCode, schoolYear: d.schoolYear });

/**
 * R-COMMITTEE-MEETING: a meeting examines files of its own Caf and school year (a decision taken
 * in it lands on the project; a file of another campaign could never be decided there).
 */
function agendaRejection(
  agenda: readonly string[],
  ref: CommitteeRef,
  context: CommitteeContext,
  command: string,
): Decision<CommitteeEvent> | null {
  const projects = requireContext(context.agendaProjects, 'agendaProjects', command);
  for (const [i, projectId] of agenda.entries()) {
    const facts = projects[projectId];
    if (facts === undefined) throw new Error(`${command}: context.agendaProjects lacks ${projectId}`);
    if (facts === null)
      return reject('AGENDA_PROJECT_UNKNOWN', 'R-COMMITTEE-MEETING', `project ${projectId} does not exist`, {
        field: `agenda[${i}]`,
        projectId,
      });
    if (facts.cafCode !== ref.cafCode || facts.schoolYear !== ref.schoolYear) {
      return reject(
        'AGENDA_PROJECT_OF_ANOTHER_COMMITTEE',
        'R-COMMITTEE-MEETING',
        `project ${projectId} belongs to Caf ${facts.cafCode} ${facts.schoolYear}, not to this committee (${ref.cafCode} ${ref.schoolYear})`,
        { field: `agenda[${i}]`, projectId, cafCode: facts.cafCode, schoolYear: facts.schoolYear },
      );
    }
  }
  return null;
}

function setOrientations(command: SetCommitteeOrientations): Decision<CommitteeEvent> {
  const d = command.data;
  const orientations = d.orientations.map((o) => ({ code: o.code, weight: o.weight, label: o.label ?? null }));
  return accept(
    makeEvent('CommitteeOrientationsSet', { ...refOf(d), orientations, setOn: parisDateOf(command.occurredAt) }, command.occurredAt),
  );
}

function scheduleMeeting(command: ScheduleCommitteeMeeting, state: CommitteeState, context: CommitteeContext): Decision<CommitteeEvent> {
  const d = command.data;
  const existing = meetingOf(state, d.meetingId);
  if (existing !== null) {
    return reject('MEETING_ALREADY_RECORDED', 'R-COMMITTEE-MEETING', `meeting ${d.meetingId} is already ${existing.status}`, {
      field: 'meetingId',
      meetingId: d.meetingId,
      status: existing.status,
    });
  }
  const refused = agendaRejection(d.agenda, d, context, command.type);
  if (refused) return refused;
  return accept(
    makeEvent('CommitteeMeetingScheduled', { ...refOf(d), meetingId: d.meetingId, date: d.date, agenda: d.agenda }, command.occurredAt),
  );
}

function holdMeeting(command: HoldCommitteeMeeting, state: CommitteeState, context: CommitteeContext): Decision<CommitteeEvent> {
  const d = command.data;
  const scheduled = meetingOf(state, d.meetingId);
  if (scheduled?.status === 'held') {
    return reject('MEETING_ALREADY_HELD', 'R-COMMITTEE-MEETING', `meeting ${d.meetingId} was already held on ${scheduled.date}`, {
      field: 'meetingId',
      meetingId: d.meetingId,
      date: scheduled.date,
    });
  }
  // A meeting never scheduled states its day and its files when it is recorded.
  const date = d.date ?? scheduled?.date;
  if (date === undefined) return rejectWith(invalid('date', 'is required for a meeting that was not scheduled'));
  const agenda = d.agenda ?? scheduled?.agenda;
  if (agenda === undefined) return rejectWith(invalid('agenda', 'is required for a meeting that was not scheduled'));
  if (d.agenda !== undefined) {
    const refused = agendaRejection(d.agenda, d, context, command.type);
    if (refused) return refused;
  }
  const members = d.members.map((m) => ({ institution: m.institution, name: m.name ?? null, role: m.role ?? null }));
  return accept(
    makeEvent(
      'CommitteeMeetingHeld',
      { ...refOf(d), meetingId: d.meetingId, date, members, agenda, minutes: d.minutes ?? null },
      command.occurredAt,
    ),
  );
}

function recordMinutes(command: RecordMeetingMinutes, state: CommitteeState): Decision<CommitteeEvent> {
  const d = command.data;
  const meeting = meetingOf(state, d.meetingId);
  if (meeting === null)
    return reject('MEETING_UNKNOWN', 'R-COMMITTEE-MEETING', `no meeting ${d.meetingId} in this committee`, {
      field: 'meetingId',
      meetingId: d.meetingId,
    });
  if (meeting.status !== 'held')
    return reject('MEETING_NOT_HELD', 'R-COMMITTEE-MEETING', `meeting ${d.meetingId} has not been held yet (planned on ${meeting.date})`, {
      field: 'meetingId',
      meetingId: d.meetingId,
      date: meeting.date,
    });
  if (meeting.minutes !== null)
    return reject('MINUTES_ALREADY_RECORDED', 'R-COMMITTEE-MEETING', `the minutes of meeting ${d.meetingId} are already recorded`, {
      field: 'meetingId',
      meetingId: d.meetingId,
    });
  return accept(
    makeEvent(
      'CommitteeMeetingMinutesRecorded',
      { ...refOf(d), meetingId: d.meetingId, minutes: d.minutes, recordedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

export function decideCommittee(
  command: CommitteeCommand,
  state: CommitteeState,
  context: CommitteeContext = {},
): Decision<CommitteeEvent> {
  const problem = checkCommandEnvelope(command);
  if (problem) return rejectWith(problem);
  switch (command.type) {
    case 'SetCommitteeOrientations':
      return setOrientations(command);
    case 'ScheduleCommitteeMeeting':
      return scheduleMeeting(command, state, context);
    case 'HoldCommitteeMeeting':
      return holdMeeting(command, state, context);
    case 'RecordMeetingMinutes':
      return recordMinutes(command, state);
    default:
      return assertNever(command, 'committee command');
  }
}

/** Stream `committee-<caf>-<schoolYear>`: the year's orientations and the committee's meetings. */
export const committeeDecider: Decider<CommitteeCommand, CommitteeEvent, CommitteeState, CommitteeContext | undefined> = {
  initialState: () => initialCommitteeState(),
  evolve: evolveCommittee,
  decide: (command, state, context, receivedAt) =>
    decideOnReception(command.type, receivedAt, () => decideCommittee(command, state, context)),
};
