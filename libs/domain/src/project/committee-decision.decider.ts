import { isDecision, requireContext } from '../commands/command.js';
import { invalid, isRejectionValue, rejectWith } from '../commands/input-validation.js';
import type { ApplicationContent } from '../events/application-content.js';
import { makeEvent } from '../events/catalogue.js';
import type { ApprovalTerms, BonusesGranted, CorrectableDecisionField, ProjectEvent, RefusalTerms } from '../events/project.events.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, type Rejection, accept, reject } from '../shared/result.js';
import type { CorrectCommitteeDecision, DecisionTermsInput, RecordCommitteeDecision } from './project.commands.js';
import { knownProject } from './project-guards.js';
import type { DecisionMeetingFacts, ProjectContext } from './project.context.js';
import type { ProjectState } from './project.state.js';

/**
 * The approval as the committee gave it, checked against the file it approves:
 * - never more collectifs than planned, and the refs approved are planned ones (approving a
 *   collectif nobody asked for would make the forecast unexplainable — R-INPUT);
 * - R-PS-BONUS: a bonus is granted only if it was requested (with its fil rouge and a criterion,
 *   checked at filing) and on no more collectifs than approved.
 */
function approvalTerms(
  input: { approvedCollectifs: number; approvedCollectifRefs?: string[]; bonusesGranted: BonusesGranted; forecastOperatingCost: number },
  content: ApplicationContent,
): ApprovalTerms | Rejection {
  const planned = content.collectifs.map((c) => c.ref);
  if (input.approvedCollectifs > planned.length) {
    return {
      code: 'APPROVED_MORE_THAN_PLANNED',
      ruleId: 'R-INPUT',
      message: `${input.approvedCollectifs} collectifs approved but the application plans ${planned.length}`,
      details: { field: 'approvedCollectifs', approved: input.approvedCollectifs, planned: planned.length },
    };
  }
  let refs = input.approvedCollectifRefs;
  if (refs === undefined) {
    if (input.approvedCollectifs !== planned.length)
      return invalid('approvedCollectifRefs', 'say which planned collectifs are approved when not all of them are', { planned });
    refs = planned;
  }
  if (refs.length !== input.approvedCollectifs)
    return invalid('approvedCollectifRefs', `must list exactly ${input.approvedCollectifs} collectifs`, { refs });
  const unknown = refs.find((r) => !planned.includes(r));
  if (unknown) return invalid('approvedCollectifRefs', `${unknown} is not a collectif of the application`, { ref: unknown, planned });

  for (const bonus of ['enfants', 'parents'] as const) {
    const grant = input.bonusesGranted[bonus];
    if (grant === null) continue;
    if (content.bonusRequests[bonus] === null) {
      return {
        code: 'BONUS_NOT_REQUESTED',
        ruleId: 'R-PS-BONUS',
        message: `bonus ${bonus} granted but the application did not request it (it needs a year-long project and a criterion)`,
        details: { field: `bonusesGranted.${bonus}`, bonus },
      };
    }
    if (grant.collectifs > input.approvedCollectifs) {
      return {
        code: 'BONUS_ON_MORE_COLLECTIFS_THAN_APPROVED',
        ruleId: 'R-PS-BONUS',
        message: `bonus ${bonus} granted on ${grant.collectifs} collectifs, only ${input.approvedCollectifs} approved`,
        details: { field: `bonusesGranted.${bonus}.collectifs`, bonus, granted: grant.collectifs, approved: input.approvedCollectifs },
      };
    }
  }
  return {
    outcome: 'approved',
    approvedCollectifs: input.approvedCollectifs,
    approvedCollectifRefs: refs,
    bonusesGranted: { enfants: input.bonusesGranted.enfants, parents: input.bonusesGranted.parents },
    forecastOperatingCost: input.forecastOperatingCost,
  };
}

function refusalTerms(input: Extract<DecisionTermsInput, { outcome: 'refused' }>): RefusalTerms {
  return { outcome: 'refused', reasons: input.reasons.map((r) => ({ code: r.code, ruleId: r.ruleId ?? null, text: r.text })) };
}

/**
 * R-COMMITTEE-MEETING: every decision belongs to a meeting of the project's own committee (its
 * Caf and school year) that was held and had the file on its agenda.
 */
function meetingRejection(
  meeting: DecisionMeetingFacts | null,
  project: { projectId: string; cafCode: string; schoolYear: string },
  meetingId: string,
  decidedOn: string,
): Decision<ProjectEvent> | null {
  if (meeting === null)
    return reject('MEETING_UNKNOWN', 'R-COMMITTEE-MEETING', `the committee of this project has no meeting ${meetingId}`, {
      field: 'meetingId',
      meetingId,
    });
  if (meeting.meetingId !== meetingId)
    throw new Error(`RecordCommitteeDecision: context.meeting is ${meeting.meetingId}, not ${meetingId}`);
  if (meeting.cafCode !== project.cafCode || meeting.schoolYear !== project.schoolYear) {
    return reject(
      'MEETING_OF_ANOTHER_COMMITTEE',
      'R-COMMITTEE-MEETING',
      `meeting ${meetingId} is the committee of Caf ${meeting.cafCode} ${meeting.schoolYear}; the project is ${project.cafCode} ${project.schoolYear}`,
      { field: 'meetingId', meetingId, cafCode: meeting.cafCode, schoolYear: meeting.schoolYear },
    );
  }
  if (meeting.status !== 'held')
    return reject('MEETING_NOT_HELD', 'R-COMMITTEE-MEETING', `meeting ${meetingId} (planned on ${meeting.date}) has not been held`, {
      field: 'meetingId',
      meetingId,
      date: meeting.date,
    });
  if (!meeting.agenda.includes(project.projectId))
    return reject('PROJECT_NOT_ON_AGENDA', 'R-COMMITTEE-MEETING', `meeting ${meetingId} did not examine project ${project.projectId}`, {
      field: 'meetingId',
      meetingId,
      projectId: project.projectId,
    });
  if (meeting.date > decidedOn)
    return reject('DECISION_BEFORE_MEETING', 'R-COMMITTEE-MEETING', `a decision cannot be dated before its meeting (${meeting.date})`, {
      field: 'occurredAt',
      meetingDate: meeting.date,
    });
  return null;
}

export function recordCommitteeDecision(
  command: RecordCommitteeDecision,
  state: ProjectState,
  context: ProjectContext,
): Decision<ProjectEvent> {
  const d = command.data;
  const ref = knownProject(state, d.projectId);
  if (isDecision(ref)) return ref;
  switch (state.status) {
    case 'under_examination':
      break;
    case 'decided':
      return reject(
        'DECISION_ALREADY_RECORDED',
        'R-LIFE',
        'the committee has already decided on this project; record a correction instead',
        { decisionId: state.decision?.decisionId },
      );
    case 'not_receivable':
      return reject(
        'APPLICATION_NOT_RECEIVABLE',
        'R-LIFE-1',
        'the application was found not receivable: the committee does not examine it',
        {},
      );
    case 'withdrawn':
      return reject('APPLICATION_CLOSED', 'R-LIFE', 'the application was withdrawn', {});
    case 'none':
    case 'draft':
    case 'filed':
      return reject('EXAMINATION_NOT_OPENED', 'R-LIFE', `the committee decides on files under examination; this one is ${state.status}`, {
        status: state.status,
      });
  }
  const meeting = requireContext(context.meeting, 'meeting', command.type);
  const outside = meetingRejection(meeting, ref, d.meetingId, parisDateOf(command.occurredAt));
  if (outside) return outside;
  const meetingDate = (meeting as DecisionMeetingFacts).date;
  const content = (state.application as NonNullable<ProjectState['application']>).content;
  const terms = d.decision.outcome === 'approved' ? approvalTerms(d.decision, content) : refusalTerms(d.decision);
  if (isRejectionValue(terms)) return rejectWith(terms);
  return accept(
    makeEvent(
      'CommitteeDecisionRecorded',
      { ...ref, decisionId: d.decisionId, meetingId: d.meetingId, meetingDate, effectiveDate: d.effectiveDate, decision: terms },
      command.occurredAt,
    ),
  );
}

const CORRECTABLE: readonly CorrectableDecisionField[] = [
  'approvedCollectifs',
  'approvedCollectifRefs',
  'bonusesGranted',
  'forecastOperatingCost',
];

/**
 * Worked example 3. The event's occurredAt is the corrected decision's, so that a question
 * "at" a date after the decision sees the corrected figures once they are known ("knownAt"
 * after the correction) and the original ones before; `correctedOn` keeps the correction's date.
 */
export function correctCommitteeDecision(command: CorrectCommitteeDecision, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  if (Object.keys(d.changes).length === 0) return rejectWith(invalid('changes', 'must correct at least one field'));
  const ref = knownProject(state, d.projectId);
  if (isDecision(ref)) return ref;
  const decision = state.decision;
  if (decision === null)
    return reject('NO_DECISION_TO_CORRECT', 'R-LIFE', 'the committee has not decided on this project', { status: state.status });
  if (decision.decisionId !== d.decisionId)
    return rejectWith(invalid('decisionId', 'is not the decision of this project', { decisionId: decision.decisionId }));
  if (decision.terms.outcome !== 'approved') {
    return reject('REFUSAL_NOT_CORRECTABLE', 'R-LIFE', 'only the figures of an approval can be corrected; a refusal stands', {
      decisionId: d.decisionId,
    });
  }
  const current = decision.terms;
  // When the count changes without refs, keep the current refs if they still fit (the committee corrected a number, not a list).
  const count = d.changes.approvedCollectifs ?? current.approvedCollectifs;
  const refs =
    d.changes.approvedCollectifRefs ?? (count === current.approvedCollectifRefs.length ? current.approvedCollectifRefs : undefined);
  const corrected = approvalTerms(
    {
      approvedCollectifs: count,
      approvedCollectifRefs: refs,
      bonusesGranted: d.changes.bonusesGranted ?? current.bonusesGranted,
      forecastOperatingCost: d.changes.forecastOperatingCost ?? current.forecastOperatingCost,
    },
    (state.application as NonNullable<ProjectState['application']>).content,
  );
  if (isRejectionValue(corrected)) return rejectWith(corrected);
  const correctedFields = CORRECTABLE.filter((f) => JSON.stringify(corrected[f]) !== JSON.stringify(current[f]));
  if (correctedFields.length === 0) return rejectWith(invalid('changes', 'changes nothing in the decision'));
  return accept(
    makeEvent(
      'CommitteeDecisionCorrected',
      {
        ...ref,
        decisionId: d.decisionId,
        effectiveDate: decision.effectiveDate,
        correctedOn: parisDateOf(command.occurredAt),
        reason: d.reason,
        correctedFields,
        corrected,
      },
      decision.occurredAt,
    ),
  );
}
