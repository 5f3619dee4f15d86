import { isDecision } from '../commands/command.js';
import { checkDate, checkId, checkInt, checkList, checkOneOf, checkText, checkUnique, invalid, rejectWith } from '../commands/input-validation.js';
import type { Problem } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { ProjectEvent, ProjectRef } from '../events/project.events.js';
import { CONCERTATION_MOMENTS, PARENT_OBJECTIVES, PARTNER_KINDS, SCHOOL_OBJECTIVES } from '../events/vocabulary.js';
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
function actionTarget(state: ProjectState, projectId: string, actionId: string, date: LocalDate, occurredAt: Instant): ProjectRef | Decision<ProjectEvent> {
  const ref = knownProject(state, projectId);
  if (isDecision(ref)) return ref;
  const closed = closedReason(state);
  if (closed) return reject('APPLICATION_CLOSED', 'R-LIFE', `cannot record an action: ${closed}`, { status: state.status });
  if (state.actionIds.includes(actionId)) return reject('DUPLICATE_ACTION', 'R-INPUT', `action ${actionId} is already recorded`, { field: 'id', id: actionId });
  // A held action is a past fact: it cannot be dated after the business time the command states.
  if (date > parisDateOf(occurredAt)) return rejectWith(invalid('date', 'an action cannot be dated after it is reported', { date }));
  return ref;
}

function checked(problem: Problem): Decision<ProjectEvent> | null {
  return problem ? rejectWith(problem) : null;
}

export function recordParentAction(command: RecordParentAction, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const collectifIds = d.collectifIds ?? [];
  const bad = checked(
    checkId(d.projectId, 'projectId') ??
      checkId(d.actionId, 'actionId') ??
      checkOneOf(d.objective, PARENT_OBJECTIVES, 'objective') ??
      checkDate(d.date, 'date') ??
      checkInt(d.parentsReached, 'parentsReached', 0, 10000) ??
      checkList(collectifIds, 'collectifIds', (c, p) => checkId(c, p)) ??
      checkUnique(collectifIds, (c) => c, 'collectifIds') ??
      checkText(d.description, 'description'),
  );
  if (bad) return bad;
  const ref = actionTarget(state, d.projectId, d.actionId, d.date, command.occurredAt);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent(
      'ParentActionHeld',
      { ...ref, actionId: d.actionId, objective: d.objective, date: d.date, parentsReached: d.parentsReached, collectifIds, description: d.description },
      command.occurredAt,
    ),
  );
}

export function recordSchoolConcertation(command: RecordSchoolConcertation, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const bad = checked(
    checkId(d.projectId, 'projectId') ??
      checkId(d.concertationId, 'concertationId') ??
      checkOneOf(d.objective, SCHOOL_OBJECTIVES, 'objective') ??
      checkOneOf(d.moment, CONCERTATION_MOMENTS, 'moment') ??
      checkDate(d.date, 'date') ??
      checkList(d.schools, 'schools', (s, p) => checkText(s, p, { max: 300 }), { min: 1 }),
  );
  if (bad) return bad;
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
  const bad = checked(
    checkId(d.projectId, 'projectId') ??
      checkId(d.relationId, 'relationId') ??
      checkText(d.partnerName, 'partnerName', { max: 300 }) ??
      checkOneOf(d.partnerKind, PARTNER_KINDS, 'partnerKind') ??
      checkDate(d.date, 'date') ??
      checkText(d.description, 'description'),
  );
  if (bad) return bad;
  const ref = actionTarget(state, d.projectId, d.relationId, d.date, command.occurredAt);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent(
      'PartnerRelationRecorded',
      { ...ref, relationId: d.relationId, objective: 'T1', partnerName: d.partnerName, partnerKind: d.partnerKind, date: d.date, description: d.description },
      command.occurredAt,
    ),
  );
}
