import { type Decider, decideOnReception } from '../commands/command.js';
import { checkCommandEnvelope, rejectWith } from '../commands/input-validation.js';
import type { CollectifEvent } from '../events/collectif.events.js';
import { type Decision, assertNever } from '../shared/result.js';
import type { CollectifCommand } from './collectif.commands.js';
import type { CollectifContext } from './collectif.context.js';
import { type CollectifState, evolveCollectif, initialCollectifState } from './collectif.state.js';
import { enrolChild, openCollectifStream, recordChildDeparture } from './enrolment.decider.js';
import { cancelSession, correctAttendance, correctSession, recordAttendance, recordSession } from './sessions.decider.js';
import { assignStaff, recordStaffTraining, unassignStaff } from './staff.decider.js';

export function decideCollectif(
  command: CollectifCommand,
  state: CollectifState,
  context: CollectifContext = {},
): Decision<CollectifEvent> {
  const problem = checkCommandEnvelope(command);
  if (problem) return rejectWith(problem);
  switch (command.type) {
    case 'OpenCollectif':
      return openCollectifStream(command, state, context);
    case 'EnrolChild':
      return enrolChild(command, state, context);
    case 'RecordChildDeparture':
      return recordChildDeparture(command, state);
    case 'AssignStaff':
      return assignStaff(command, state, context);
    case 'RecordStaffTraining':
      return recordStaffTraining(command, state);
    case 'UnassignStaff':
      return unassignStaff(command, state);
    case 'RecordSession':
      return recordSession(command, state, context);
    case 'CancelSession':
      return cancelSession(command, state);
    case 'CorrectSession':
      return correctSession(command, state, context);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'CorrectAttendance':
      return correctAttendance(command, state);
    default:
      return assertNever(command, 'collectif command');
  }
}

/** Stream `collectif-<collectifId>`: enrolments, staff, sessions, attendance. */
export const collectifDecider: Decider<CollectifCommand, CollectifEvent, CollectifState, CollectifContext | undefined> = {
  initialState: initialCollectifState,
  evolve: evolveCollectif,
  decide: (command, state, context, receivedAt) =>
    decideOnReception(command.type, receivedAt, () => decideCollectif(command, state, context)),
};
