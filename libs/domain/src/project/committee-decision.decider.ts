import { isDecision, requireContext } from '../commands/command.js';
import { invalid, isRejectionValue, rejectWith } from '../commands/input-validation.js';
import type { ApplicationContent } from '../events/application-content.js';
import { makeEvent } from '../events/catalogue.js';
import type {
  ApprovalTerms,
  BonusesGranted,
  CorrectableDecisionField,
  EnvelopeOverride,
  ProjectEvent,
  RefusalTerms,
} from '../events/project.events.js';
import { envelopeCheck, projectCommitment } from '../rules/envelope/envelope.rule.js';
import { sourced } from '../rules/facts/sourced.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, type Rejection, accept, reject } from '../shared/result.js';
import type { CorrectCommitteeDecision, DecisionTermsInput, RecordCommitteeDecision } from './project.commands.js';
import { knownProject } from './project-guards.js';
import type { DecisionMeetingFacts, EnvelopeContext, ProjectContext } from './project.context.js';
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

/** What the project takes from the envelope under these terms (the shared rule: the envelope answer computes the same). */
function commitmentOf(terms: ApprovalTerms, state: ProjectState, envelope: EnvelopeContext): number {
  const ref = state.ref as NonNullable<ProjectState['ref']>;
  const content = (state.application as NonNullable<ProjectState['application']>).content;
  return projectCommitment({
    projectId: ref.projectId,
    parameters: envelope.parameters,
    approval: terms,
    decisionEventIds: [],
    localFunds: sourced(content.budget.otherCafFunding),
  }).total;
}

/**
 * R-BUDGET-ENVELOPE: funding is granted "dans la limite des fonds disponibles" (004). A decision
 * whose commitment would take the campaign beyond its envelope is refused, unless the committee
 * gives an explicit override with its reason, which the event keeps with the figures of the
 * moment. `previous` is the commitment before a correction: only a raise is checked (lowering a
 * decision already over the envelope must stay possible). No envelope recorded → no check, and an
 * override then has nothing to override.
 */
function envelopeGuard(
  terms: ApprovalTerms,
  previous: number | null,
  state: ProjectState,
  envelope: EnvelopeContext | null,
  override: { reason: string } | undefined,
): { override?: EnvelopeOverride } | Rejection {
  const notNeeded = (why: string): Rejection => ({
    code: 'ENVELOPE_OVERRIDE_NOT_NEEDED',
    ruleId: 'R-BUDGET-ENVELOPE',
    message: `no override is needed: ${why}`,
    details: { field: 'envelopeOverride' },
  });
  if (envelope === null) return override ? notNeeded('no envelope is recorded for this Caf and school year') : {};
  const thisDecision = commitmentOf(terms, state, envelope);
  const figures = envelopeCheck(envelope.envelope, envelope.committedByOthers, thisDecision);
  const raises = previous === null || thisDecision > previous;
  if (figures.excess === 0 || !raises)
    return override ? notNeeded('the decision stays within the envelope or does not raise the commitment') : {};
  if (override) return { override: { reason: override.reason, ...figures } };
  return {
    code: 'BUDGET_ENVELOPE_EXCEEDED',
    ruleId: 'R-BUDGET-ENVELOPE',
    message: `the decision commits ${thisDecision} cents, ${figures.excess} cents beyond the envelope (${figures.envelope} cents, ${figures.committed} already committed); give envelopeOverride with a reason to decide anyway`,
    details: { ...figures },
  };
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
  if (terms.outcome === 'refused' && d.envelopeOverride)
    return reject('ENVELOPE_OVERRIDE_NOT_NEEDED', 'R-BUDGET-ENVELOPE', 'a refusal commits nothing: there is no envelope to override', {
      field: 'envelopeOverride',
    });
  const guard =
    terms.outcome === 'approved'
      ? envelopeGuard(terms, null, state, requireContext(context.envelope, 'envelope', command.type), d.envelopeOverride)
      : {};
  if (isRejectionValue(guard)) return rejectWith(guard);
  return accept(
    makeEvent(
      'CommitteeDecisionRecorded',
      {
        ...ref,
        decisionId: d.decisionId,
        meetingId: d.meetingId,
        meetingDate,
        effectiveDate: d.effectiveDate,
        decision: terms,
        ...(guard.override ? { envelopeOverride: guard.override } : {}),
      },
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
export function correctCommitteeDecision(
  command: CorrectCommitteeDecision,
  state: ProjectState,
  context: ProjectContext = {},
): Decision<ProjectEvent> {
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
  const envelope = requireContext(context.envelope, 'envelope', command.type);
  const previous = envelope === null ? null : commitmentOf(current, state, envelope);
  const guard = envelopeGuard(corrected, previous, state, envelope, d.envelopeOverride);
  if (isRejectionValue(guard)) return rejectWith(guard);
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
        ...(guard.override ? { envelopeOverride: guard.override } : {}),
      },
      decision.occurredAt,
    ),
  );
}
