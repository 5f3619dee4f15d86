import {
  type AgendaProjectFacts,
  type CommitteeCommand,
  type CommitteeContext,
  type CommitteeEvent,
  type CommitteeState,
  committeeDecider,
} from '@clas/domain';
import { type AggregateBinding, type ContextResult, provided } from './aggregate-binding.js';
import type { FactReader } from './fact-reader.js';

/** Where each project of an agenda belongs (its Caf and school year), null for an unknown one. */
async function agendaProjects(facts: FactReader, agenda: readonly string[]): Promise<Record<string, AgendaProjectFacts | null>> {
  const entries = await Promise.all(
    agenda.map(async (projectId): Promise<[string, AgendaProjectFacts | null]> => {
      const project = await facts.project(projectId);
      const ref = project?.ref ?? null;
      return [projectId, ref && { cafCode: ref.cafCode, schoolYear: ref.schoolYear }];
    }),
  );
  return Object.fromEntries(entries);
}

/** R-COMMITTEE-MEETING: an agenda stated by the command is checked against the projects' own streams. */
async function committeeContext(
  command: CommitteeCommand,
  _state: CommitteeState,
  facts: FactReader,
): Promise<ContextResult<CommitteeContext>> {
  switch (command.type) {
    case 'ScheduleCommitteeMeeting':
      return provided({ agendaProjects: await agendaProjects(facts, command.data.agenda) });
    case 'HoldCommitteeMeeting':
      return provided(command.data.agenda === undefined ? {} : { agendaProjects: await agendaProjects(facts, command.data.agenda) });
    case 'SetCommitteeOrientations':
    case 'RecordMeetingMinutes':
      return provided({});
  }
}

/** `committee-<caf>-<schoolYear>`: orientations and meetings, owned by the Caf (no operator). */
export const committeeBinding: AggregateBinding<CommitteeCommand, CommitteeEvent, CommitteeState, CommitteeContext | undefined> = {
  kind: 'committee',
  decider: committeeDecider,
  creates: new Set(['SetCommitteeOrientations', 'ScheduleCommitteeMeeting', 'HoldCommitteeMeeting']),
  ownerOf: (state) => (state.ref === null ? null : { cafCode: state.ref.cafCode, operatorId: null }),
  // The Caf is in the stream id (routing checked it): an agent or committee member of another Caf gets 403 before anything is read.
  claimedOwner: (command) => ({ cafCode: command.data.cafCode, operatorId: null }),
  context: committeeContext,
};
