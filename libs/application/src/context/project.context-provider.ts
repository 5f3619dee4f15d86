import {
  type PreviousProjectFacts,
  type ProjectCommand,
  type ProjectContext,
  type ProjectEvent,
  type ProjectState,
  meetingOf,
  projectDecider,
} from '@clas/domain';
import { renderAgreement, renderLetter } from '@clas/projections/letters';
import { UNKNOWN_OWNER } from '../authorization.js';
import { operatorClaim, registeredOperator } from '../scope/owner-claims.js';
import { type AggregateBinding, type ContextResult, provided } from './aggregate-binding.js';
import { type FactReader, bilanReceived, isApproved } from './fact-reader.js';

/** R-LIFE-4: what a renewal needs of the renewed project; null when it has no filed application. */
async function previousProjectFacts(facts: FactReader, previousProjectId: unknown): Promise<PreviousProjectFacts | null> {
  const previous = await facts.project(previousProjectId);
  if (previous === null || previous.ref === null || previous.application === null) return null;
  const { projectId, operatorId, cafCode, schoolYear } = previous.ref;
  return { projectId, operatorId, cafCode, schoolYear, content: previous.application.content, approved: isApproved(previous) };
}

/**
 * The facts of other streams the project decider asks for:
 * - filing (full or short): the campaign named by the command's Caf and year (null = not open,
 *   which the decider refuses under R-LIFE-1 — a 422, not a 404: the Caf exists, its call is
 *   closed; a malformed Caf code is refused first as R-INPUT), and the renewed project;
 * - examination: the project's campaign and, for a renewal, whether the renewed project's
 *   bilan was received (R-LIFE-2);
 * - an approval or its correction: the envelope of the Caf × year and what the other approved
 *   projects commit (R-BUDGET-ENVELOPE).
 */
async function projectContext(command: ProjectCommand, state: ProjectState, facts: FactReader): Promise<ContextResult<ProjectContext>> {
  switch (command.type) {
    case 'FileApplication': {
      const d = command.data;
      const campaign = await facts.campaignParameters(d.cafCode, d.schoolYear);
      return provided(
        d.applicationKind === 'renewal'
          ? { campaign, previousProject: await previousProjectFacts(facts, d.previousProjectId) }
          : { campaign },
      );
    }
    case 'FileShortRenewal': {
      const d = command.data;
      return provided({
        campaign: await facts.campaignParameters(d.cafCode, d.schoolYear),
        previousProject: await previousProjectFacts(facts, d.previousProjectId),
      });
    }
    case 'OpenExamination': {
      const renewalOf = state.application?.renewalOf ?? null;
      if (state.ref === null || renewalOf === null) return provided({});
      const previous = await facts.project(renewalOf.previousProjectId);
      return provided({
        campaign: await facts.campaignParameters(state.ref.cafCode, state.ref.schoolYear),
        priorQualitativeBilanReceived: previous !== null && bilanReceived(previous),
      });
    }
    case 'RecordNotificationSent': {
      // R-NOTIFY: the letter rendered again from the log, so the decider compares the hash with the document's.
      if (state.ref === null) return provided({});
      const rendered = await renderLetter(await facts.letterSources(state.ref), state.ref.projectId, command.data.letterId);
      return provided({
        letter: rendered && {
          letterId: rendered.model.letterId,
          decisionId: rendered.model.decisionId,
          documentHash: rendered.documentHash,
        },
      });
    }
    case 'RecordAgreementSigned': {
      if (state.ref === null) return provided({});
      const rendered = await renderAgreement(await facts.letterSources(state.ref), state.ref.projectId);
      return provided({
        agreement: rendered && {
          agreementId: rendered.model.agreementId,
          decisionId: rendered.model.decisionId,
          documentHash: rendered.documentHash,
        },
        conventionCoveringYear: await facts.conventionCoveringYear(state.ref.operatorId, state.ref.schoolYear),
      });
    }
    case 'PayBalance':
      // R-AGREEMENT-ANNUAL: a signed annual agreement is in the project's own state; otherwise a convention must cover the year.
      if (state.ref === null || state.agreement !== null) return provided({});
      return provided({ conventionCoveringYear: await facts.conventionCoveringYear(state.ref.operatorId, state.ref.schoolYear) });
    case 'RecordCommitteeDecision': {
      // R-COMMITTEE-MEETING: the meeting is looked up in the project's own committee; one of another Caf or year is unknown there.
      if (state.ref === null) return provided({ meeting: null });
      const { cafCode, schoolYear, projectId } = state.ref;
      const meeting = meetingOf(await facts.committee(cafCode, schoolYear), command.data.meetingId);
      // R-BUDGET-ENVELOPE: an approval is checked against the envelope of the project's Caf × year.
      const approving = state.application !== null && command.data.decision?.outcome === 'approved';
      return provided({
        ...(approving ? { envelope: await facts.envelope(cafCode, schoolYear, projectId) } : {}),
        meeting: meeting && {
          cafCode,
          schoolYear,
          meetingId: meeting.meetingId,
          status: meeting.status,
          date: meeting.date,
          agenda: meeting.agenda,
        },
      });
    }
    // R-BUDGET-ENVELOPE: a correction of an approval is checked against the envelope too (when it raises the commitment).
    case 'CorrectCommitteeDecision': {
      if (state.ref === null || state.application === null) return provided({});
      return provided({ envelope: await facts.envelope(state.ref.cafCode, state.ref.schoolYear, state.ref.projectId) });
    }
    default:
      return provided({});
  }
}

/** A late paper file is declared not receivable on an empty stream (it was never filed online). */
const PROJECT_CREATORS: ReadonlySet<ProjectCommand['type']> = new Set([
  'DraftProject',
  'FileApplication',
  'FileShortRenewal',
  'DeclareNotReceivable',
]);

/** `project-<id>`: application → examination → decision → bilan → payments. */
export const projectBinding: AggregateBinding<ProjectCommand, ProjectEvent, ProjectState, ProjectContext | undefined> = {
  kind: 'project',
  decider: projectDecider,
  creates: PROJECT_CREATORS,
  ownerOf: (state) => (state.ref === null ? null : { cafCode: state.ref.cafCode, operatorId: state.ref.operatorId }),
  // A new project names its operator and Caf (ProjectRef); the operator must be registered, with that Caf (issue 11 §4).
  claimedOwner: (command) =>
    PROJECT_CREATORS.has(command.type) ? operatorClaim(command.data as { operatorId?: unknown; cafCode?: unknown }) : UNKNOWN_OWNER,
  resolveOwner: (_command, claimed, facts) => registeredOperator(claimed, facts),
  context: projectContext,
};
