import { isDecision } from '../commands/command.js';
import { invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { ProjectEvent, ProjectRef } from '../events/project.events.js';
import { type Instant, type LocalDate, parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, reject } from '../shared/result.js';
import type { RecordParentAction, RecordPartnerRelation, RecordSchoolConcertation } from './project.commands.js';
import { closedReason, knownProject } from './project-guards.js';
import type { ProjectState } from './project.state.js';

/**
 * Project-level actions of the parents, school and territory axes (R-ELIG-AXES P, S, T),
 * counted by the bilan (R-BILAN-2). They may start as soon as the project is drafted (the S3
 * concertation happens before the start) and stop once the project is closed.
 */
function actionTarget(
  state: ProjectState,
  projectId: string,
  actionId: string,
  date: LocalDate,
  occurredAt: Instant,
): ProjectRef | Decision<ProjectEvent> {
  const ref = knownProject(state, projectId);
  if (isDecision(ref)) return ref;
  const closed = closedReason(state);
  if (closed) return reject('APPLICATION_CLOSED', 'R-LIFE', `cannot record an action: ${closed}`, { status: state.status });
  if (state.actionIds.includes(actionId))
    return reject('DUPLICATE_ACTION', 'R-INPUT', `action ${actionId} is already recorded`, { field: 'id', id: actionId });
  // A held action is a past fact: it cannot be dated after the business time the command states.
  if (date > parisDateOf(occurredAt)) return rejectWith(invalid('date', 'an action cannot be dated after it is reported', { date }));
  return ref;
}

export function recordParentAction(command: RecordParentAction, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const collectifIds = d.collectifIds ?? [];
  const ref = actionTarget(state, d.projectId, d.actionId, d.date, command.occurredAt);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent(
      'ParentActionHeld',
      {
        ...ref,
        actionId: d.actionId,
        objective: d.objective,
        date: d.date,
        parentsReached: d.parentsReached,
        collectifIds,
        description: d.description,
      },
      command.occurredAt,
    ),
  );
}

export function recordSchoolConcertation(command: RecordSchoolConcertation, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const ref = actionTarget(state, d.projectId, d.concertationId, d.date, command.occurredAt);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent(
      'SchoolConcertationHeld',
      { ...ref, concertationId: d.concertationId, objective: d.objective, moment: d.moment, date: d.date, schools: d.schools },
      command.occurredAt,
    ),
  );
}

export function recordPartnerRelation(command: RecordPartnerRelation, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const ref = actionTarget(state, d.projectId, d.relationId, d.date, command.occurredAt);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent(
      'PartnerRelationRecorded',
      {
        ...ref,
        relationId: d.relationId,
        objective: 'T1',
        partnerName: d.partnerName,
        partnerKind: d.partnerKind,
        date: d.date,
        description: d.description,
      },
      command.occurredAt,
    ),
  );
}
