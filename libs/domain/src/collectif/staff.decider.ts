import { isDecision, requireContext } from '../commands/command.js';
import { invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { CollectifEvent } from '../events/collectif.events.js';
import type { DomainWarning } from '../events/vocabulary.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, reject } from '../shared/result.js';
import type { AssignStaff, RecordStaffTraining, UnassignStaff } from './collectif.commands.js';
import type { CollectifContext } from './collectif.context.js';
import { checkFactDate, openCollectif } from './collectif-guards.js';
import { type CollectifState, currentStaff } from './collectif.state.js';

export function assignStaff(command: AssignStaff, state: CollectifState, context: CollectifContext): Decision<CollectifEvent> {
  const d = command.data;
  const training = d.trainingAttendedDate ?? null;
  const problem =
    checkFactDate(d.assignedOn, 'assignedOn', state, command.occurredAt) ??
    (training !== null && training > parisDateOf(command.occurredAt)
      ? invalid('trainingAttendedDate', 'cannot be after the business time of the command', { value: training })
      : null);
  if (problem) return rejectWith(problem);
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  const campaign = requireContext(context.campaign, 'campaign', command.type);

  // R-ELIG-OPERATOR: a criminal-record extract for every staff member, checked before they work with children.
  if (d.criminalRecordCheckDate === null || d.criminalRecordCheckDate === undefined) {
    return reject(
      'STAFF_WITHOUT_CRIMINAL_RECORD_CHECK',
      'R-ELIG-OPERATOR',
      `staff member ${d.staffId} cannot work with children without a criminal-record check`,
      {
        field: 'criminalRecordCheckDate',
        staffId: d.staffId,
      },
    );
  }
  if (d.criminalRecordCheckDate > d.assignedOn) {
    return reject('CRIMINAL_RECORD_CHECK_AFTER_ASSIGNMENT', 'R-ELIG-OPERATOR', 'the criminal-record check must precede the assignment', {
      field: 'criminalRecordCheckDate',
      criminalRecordCheckDate: d.criminalRecordCheckDate,
      assignedOn: d.assignedOn,
    });
  }
  if (currentStaff(state, d.staffId))
    return reject('STAFF_ALREADY_ASSIGNED', 'R-ELIG-STAFF', `staff member ${d.staffId} is already assigned to this collectif`, {
      staffId: d.staffId,
    });

  // R-ELIG-TRAINING: the training may come after the assignment; it is a recorded fact eligibility weighs, not a refusal.
  const warnings: DomainWarning[] =
    campaign.options.trainingRequiredForNewStaff && d.isNew && training === null
      ? [
          {
            ruleId: 'R-ELIG-TRAINING',
            code: 'TRAINING_PENDING',
            message: `new staff member ${d.staffId} has not yet attended the mandatory training`,
            details: { staffId: d.staffId },
          },
        ]
      : [];
  return accept(
    makeEvent(
      'StaffAssigned',
      {
        ...ref,
        staffId: d.staffId,
        status: d.status,
        criminalRecordCheckDate: d.criminalRecordCheckDate,
        trainingAttendedDate: training,
        isNew: d.isNew,
        assignedOn: d.assignedOn,
        warnings,
      },
      command.occurredAt,
    ),
  );
}

export function recordStaffTraining(command: RecordStaffTraining, state: CollectifState): Decision<CollectifEvent> {
  const d = command.data;
  if (d.trainingAttendedDate > parisDateOf(command.occurredAt))
    return rejectWith(invalid('trainingAttendedDate', 'cannot be after the business time of the command'));
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  if (!state.staff.some((s) => s.staffId === d.staffId))
    return reject('STAFF_UNKNOWN', 'R-ELIG-STAFF', `staff member ${d.staffId} was never assigned to this collectif`, {
      staffId: d.staffId,
    });
  return accept(
    makeEvent('StaffTrainingRecorded', { ...ref, staffId: d.staffId, trainingAttendedDate: d.trainingAttendedDate }, command.occurredAt),
  );
}

export function unassignStaff(command: UnassignStaff, state: CollectifState): Decision<CollectifEvent> {
  const d = command.data;
  const problem = checkFactDate(d.unassignedOn, 'unassignedOn', state, command.occurredAt);
  if (problem) return rejectWith(problem);
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  const span = currentStaff(state, d.staffId);
  if (!span)
    return reject('STAFF_NOT_ASSIGNED', 'R-ELIG-STAFF', `staff member ${d.staffId} is not assigned to this collectif`, {
      staffId: d.staffId,
    });
  if (d.unassignedOn <= span.from)
    return rejectWith(invalid('unassignedOn', `must be after the assignment date ${span.from}`, { unassignedOn: d.unassignedOn }));
  return accept(
    makeEvent('StaffUnassigned', { ...ref, staffId: d.staffId, unassignedOn: d.unassignedOn, reason: d.reason }, command.occurredAt),
  );
}
