import { isDecision, requireContext } from '../commands/command.js';
import { invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { CollectifEvent } from '../events/collectif.events.js';
import { collectifLevelOf, cycleOfLevel } from '../events/vocabulary.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, reject } from '../shared/result.js';
import type { EnrolChild, OpenCollectif, RecordChildDeparture } from './collectif.commands.js';
import type { CollectifContext } from './collectif.context.js';
import { checkFactDate, openCollectif } from './collectif-guards.js';
import { type CollectifState, currentEnrolment, enrolledCountOn } from './collectif.state.js';

export function openCollectifStream(command: OpenCollectif, state: CollectifState, context: CollectifContext): Decision<CollectifEvent> {
  const d = command.data;
  const plannedRef = d.plannedRef ?? null;
  if (state.status !== 'none')
    return reject('COLLECTIF_ALREADY_OPEN', 'R-LIFE', `collectif ${d.collectifId} is already open`, { collectifId: d.collectifId });
  const project = requireContext(context.project, 'project', command.type);
  if (project === null) return reject('PROJECT_UNKNOWN', 'R-LIFE', `project ${d.projectId} does not exist`, { projectId: d.projectId });
  if (project.ref.projectId !== d.projectId)
    throw new Error(`${command.type}: context.project is ${project.ref.projectId}, the command names ${d.projectId}`);
  if (!project.open)
    return reject('APPLICATION_CLOSED', 'R-LIFE', `project ${d.projectId} is closed (not receivable, withdrawn or refused)`, {
      projectId: d.projectId,
    });
  // R-LIFE-3: a collectif belongs to its project's school cycle.
  if (cycleOfLevel(d.level) !== project.schoolCycle) {
    return reject('COLLECTIF_CYCLE_MISMATCH', 'R-LIFE-3', `a ${d.level} collectif does not belong to a ${project.schoolCycle} project`, {
      field: 'level',
      level: d.level,
      schoolCycle: project.schoolCycle,
    });
  }
  if (plannedRef !== null && !project.plannedRefs.includes(plannedRef)) {
    return rejectWith(
      invalid('plannedRef', `is not a collectif planned by project ${d.projectId}`, { plannedRef, planned: project.plannedRefs }),
    );
  }
  const { operatorId, cafCode, schoolYear } = project.ref;
  return accept(
    makeEvent(
      'CollectifOpened',
      {
        collectifId: d.collectifId,
        projectId: d.projectId,
        operatorId,
        cafCode,
        schoolYear,
        plannedRef,
        place: d.place,
        level: d.level,
        rural: d.rural,
        disabilityNeeds: d.disabilityNeeds,
        openedOn: parisDateOf(command.occurredAt),
      },
      command.occurredAt,
    ),
  );
}

export function enrolChild(command: EnrolChild, state: CollectifState, context: CollectifContext): Decision<CollectifEvent> {
  const d = command.data;
  const problem = checkFactDate(d.enrolledOn, 'enrolledOn', state, command.occurredAt);
  if (problem) return rejectWith(problem);
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  const campaign = requireContext(context.campaign, 'campaign', command.type);

  // R-ELIG-PUBLIC: oriented with the parents' agreement — the consent precedes the enrolment.
  if (d.parentalConsentDate > d.enrolledOn) {
    return reject('CONSENT_AFTER_ENROLMENT', 'R-ELIG-PUBLIC', 'the parents must agree before the child is enrolled', {
      field: 'parentalConsentDate',
      parentalConsentDate: d.parentalConsentDate,
      enrolledOn: d.enrolledOn,
    });
  }
  // R-LIFE-3: the child's school level belongs to the collectif's cycle.
  if (state.level !== null && cycleOfLevel(collectifLevelOf(d.schoolLevel)) !== cycleOfLevel(state.level)) {
    return reject('CHILD_OUTSIDE_COLLECTIF_CYCLE', 'R-LIFE-3', `a ${d.schoolLevel} child does not belong to a ${state.level} collectif`, {
      field: 'schoolLevel',
      schoolLevel: d.schoolLevel,
      level: state.level,
    });
  }
  const spans = state.enrolments.filter((e) => e.childId === d.childId);
  if (spans.some((e) => e.until === null || e.until > d.enrolledOn)) {
    return reject('CHILD_ALREADY_ENROLLED', 'R-ELIG-COLLECTIVE', `child ${d.childId} is already enrolled in this collectif`, {
      childId: d.childId,
    });
  }
  // R-ELIG-COLLECTIVE: never more than groupSize.max (12) children. The new child stays from
  // enrolledOn on, so check that day and every later day an enrolment already recorded starts.
  const max = campaign.groupSize.max;
  const checkpoints = [d.enrolledOn, ...state.enrolments.map((e) => e.from).filter((from) => from > d.enrolledOn)];
  for (const day of checkpoints) {
    const enrolled = enrolledCountOn(state, day);
    if (enrolled + 1 > max) {
      return reject(
        'GROUP_FULL',
        'R-ELIG-COLLECTIVE',
        `the collectif already has ${enrolled} children on ${day}; a collectif has at most ${max}`,
        {
          max,
          enrolled,
          on: day,
          childId: d.childId,
        },
      );
    }
  }
  return accept(
    makeEvent(
      'ChildEnrolled',
      {
        ...ref,
        childId: d.childId,
        schoolLevel: d.schoolLevel,
        orientedBy: d.orientedBy,
        parentalConsentDate: d.parentalConsentDate,
        disabilityNeeds: d.disabilityNeeds,
        enrolledOn: d.enrolledOn,
      },
      command.occurredAt,
    ),
  );
}

export function recordChildDeparture(command: RecordChildDeparture, state: CollectifState): Decision<CollectifEvent> {
  const d = command.data;
  const problem = checkFactDate(d.leftOn, 'leftOn', state, command.occurredAt);
  if (problem) return rejectWith(problem);
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  const enrolment = currentEnrolment(state, d.childId);
  if (!enrolment)
    return reject('CHILD_NOT_ENROLLED', 'R-ELIG-COLLECTIVE', `child ${d.childId} is not enrolled in this collectif`, {
      childId: d.childId,
    });
  if (d.leftOn <= enrolment.from)
    return rejectWith(invalid('leftOn', `must be after the enrolment date ${enrolment.from}`, { leftOn: d.leftOn }));
  // Attendance already recorded from that day on would contradict the departure.
  const later = Object.entries(state.sessions).find(
    ([, s]) => !s.cancelled && s.date >= d.leftOn && s.attendance?.[d.childId] !== undefined,
  );
  if (later) {
    return reject(
      'ATTENDANCE_AFTER_DEPARTURE',
      'R-ELIG-COLLECTIVE',
      `child ${d.childId} has attendance recorded on ${later[1].date}, after leaving`,
      { field: 'leftOn', sessionId: later[0] },
    );
  }
  return accept(makeEvent('ChildLeft', { ...ref, childId: d.childId, reason: d.reason, leftOn: d.leftOn }, command.occurredAt));
}
