import { recommendedPeriodWarning } from '../campaign/recommended-period.js';
import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import { isDecision, requireContext } from '../commands/command.js';
import { invalid, isRejectionValue, rejectWith } from '../commands/input-validation.js';
import type { ApplicationContent, PlannedCollectif } from '../events/application-content.js';
import { makeEvent } from '../events/catalogue.js';
import type { ProjectEvent, ProjectRef, RenewalOf } from '../events/project.events.js';
import { type DomainWarning, cycleOfLevel, isHomeworkOnly } from '../events/vocabulary.js';
import { type Instant, type LocalDate, parisDateOf } from '../shared/calendar-date.js';
import { type Decision, type Rejection, accept, reject } from '../shared/result.js';
import { bonusRequestProblem, plannedPeriodProblem } from './application-content.validation.js';
import type {
  DeclareNotReceivable,
  DraftProject,
  FileApplication,
  FileShortRenewal,
  OpenExamination,
  WithdrawApplication,
} from './project.commands.js';
import type { PreviousProjectFacts, ProjectContext } from './project.context.js';
import { closedReason, knownProject } from './project-guards.js';
import type { ProjectState } from './project.state.js';

const refOf = (d: ProjectRef): ProjectRef => ({
  projectId: d.projectId,
  operatorId: d.operatorId,
  cafCode: d.cafCode,
  schoolYear: d.schoolYear,
});

export function draftProject(command: DraftProject, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  if (state.status !== 'none')
    return reject('PROJECT_ALREADY_EXISTS', 'R-LIFE', `project ${d.projectId} already exists`, {
      projectId: d.projectId,
      status: state.status,
    });
  return accept(
    makeEvent(
      'ProjectDrafted',
      { ...refOf(d), title: d.title, schoolCycle: d.schoolCycle, draftedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

/** Where a filing may happen: a new stream or a draft of the same project (same operator, Caf, year). */
function refMismatch(state: ProjectState, ref: ProjectRef): Rejection | null {
  return state.ref &&
    (state.ref.operatorId !== ref.operatorId || state.ref.cafCode !== ref.cafCode || state.ref.schoolYear !== ref.schoolYear)
    ? invalid('projectId', 'the project belongs to another operator, Caf or school year', { project: state.ref })
    : null;
}

function fileableState(state: ProjectState, ref: ProjectRef): Rejection | null {
  if (state.status === 'draft' || state.status === 'none') return refMismatch(state, ref);
  const closed = closedReason(state);
  if (closed) return { code: 'APPLICATION_CLOSED', ruleId: 'R-LIFE', message: `cannot file: ${closed}`, details: { status: state.status } };
  return {
    code: 'APPLICATION_ALREADY_FILED',
    ruleId: 'R-LIFE',
    message: `project ${ref.projectId} has already been filed`,
    details: { status: state.status },
  };
}

/** R-LIFE-3: one project = one school cycle; a draft's cycle holds, and every collectif belongs to it. */
function cycleProblem(state: ProjectState, content: ApplicationContent): Rejection | null {
  if (state.schoolCycle !== null && state.schoolCycle !== content.schoolCycle) {
    return {
      code: 'PROJECT_CYCLE_MISMATCH',
      ruleId: 'R-LIFE-3',
      message: `the project was drafted for the ${state.schoolCycle} cycle; file a separate project for the ${content.schoolCycle} cycle`,
      details: { field: 'content.schoolCycle', draftedCycle: state.schoolCycle, filedCycle: content.schoolCycle },
    };
  }
  const other = content.collectifs.find((c) => cycleOfLevel(c.level) !== content.schoolCycle);
  if (other) {
    return {
      code: 'TWO_CYCLES_IN_ONE_PROJECT',
      ruleId: 'R-LIFE-3',
      message: `collectif ${other.ref} (${other.level}) is not in the project's ${content.schoolCycle} cycle: an operator running both cycles files two projects`,
      details: { field: 'content.collectifs', collectifRef: other.ref, level: other.level, schoolCycle: content.schoolCycle },
    };
  }
  return null;
}

function openCampaignFor(context: ProjectContext, ref: ProjectRef, command: string): CampaignParameters | Rejection {
  const campaign = requireContext(context.campaign, 'campaign', command);
  if (campaign === null) {
    return {
      code: 'CAMPAIGN_NOT_OPEN',
      ruleId: 'R-LIFE-1',
      message: `no open campaign for Caf ${ref.cafCode} in ${ref.schoolYear}`,
      details: { cafCode: ref.cafCode, schoolYear: ref.schoolYear },
    };
  }
  if (campaign.cafCode !== ref.cafCode || campaign.schoolYear !== ref.schoolYear) {
    throw new Error(
      `${command}: context.campaign is ${campaign.cafCode} ${campaign.schoolYear}, the project is ${ref.cafCode} ${ref.schoolYear}`,
    );
  }
  return campaign;
}

/**
 * R-LIFE-1 / R-LIFE-DATES: the deadline is the last receivable day, inclusive, in Europe/Paris,
 * judged on the day the Caf received the filing (R-LIFE-RECEIPT), never on a date the filer declares.
 * Choice: a late filing is REJECTED (the caller gets a 422 and nothing is appended) rather than
 * recorded as not receivable, so an operator's mistaken click leaves no mark on the project;
 * the Caf's trace of a late paper file is the agent's DeclareNotReceivable command.
 */
function deadlineProblem(filedOn: LocalDate, deadline: LocalDate, kind: string): Rejection | null {
  return filedOn > deadline
    ? {
        code: 'FILED_AFTER_DEADLINE',
        ruleId: 'R-LIFE-1',
        message: `filed on ${filedOn} (Europe/Paris), after the ${kind} deadline ${deadline} (last receivable day)`,
        details: { filedOn, deadline, kind },
      }
    : null;
}

/** R-ELIG-NO-SPORT: refused at filing (the file can still be fixed before the deadline); a held session is only flagged. */
function sportProblem(campaign: CampaignParameters, content: ApplicationContent): Rejection | null {
  return campaign.options.noSport && content.activityTypes.includes('sport')
    ? {
        code: 'SPORT_EXCLUDED',
        ruleId: 'R-ELIG-NO-SPORT',
        message: 'this campaign excludes physical and sports activities from the programme',
        details: { field: 'content.activityTypes', cafCode: campaign.cafCode, schoolYear: campaign.schoolYear },
      }
    : null;
}

function applicationWarnings(campaign: CampaignParameters, ref: ProjectRef, content: ApplicationContent): DomainWarning[] {
  const warnings: DomainWarning[] = [];
  const period = recommendedPeriodWarning(campaign, ref.schoolYear, content.plannedPeriod.from, content.plannedPeriod.to);
  if (period) warnings.push(period);
  if (isHomeworkOnly(content.activityTypes)) {
    warnings.push({
      ruleId: 'R-ELIG-NOT-HOMEWORK',
      code: 'HOMEWORK_ONLY',
      message: 'the planned activities are only homework help; eligibility requires the "pédagogie du détour"',
      details: { activityTypes: content.activityTypes },
    });
  }
  return warnings;
}

/** R-LIFE-4: the renewed project exists, was approved, is the same operator's and is from an earlier year. */
function previousProjectFor(
  context: ProjectContext,
  ref: ProjectRef,
  previousProjectId: string,
  command: string,
): PreviousProjectFacts | Rejection {
  const previous = requireContext(context.previousProject, 'previousProject', command);
  const fail = (code: string, message: string): Rejection => ({
    code,
    ruleId: 'R-LIFE-4',
    message,
    details: { field: 'previousProjectId', previousProjectId },
  });
  if (previous === null) return fail('RENEWAL_OF_UNKNOWN_PROJECT', `no project ${previousProjectId} to renew`);
  if (previous.projectId !== previousProjectId)
    throw new Error(`${command}: context.previousProject is ${previous.projectId}, the command renews ${previousProjectId}`);
  if (previous.operatorId !== ref.operatorId || previous.cafCode !== ref.cafCode)
    return fail('RENEWAL_OF_ANOTHER_OPERATORS_PROJECT', `project ${previousProjectId} belongs to another operator or Caf`);
  if (previous.schoolYear >= ref.schoolYear)
    return fail('RENEWAL_OF_A_LATER_PROJECT', `project ${previousProjectId} is not from an earlier school year`);
  if (!previous.approved)
    return fail('RENEWAL_OF_UNAPPROVED_PROJECT', `project ${previousProjectId} was not approved: file a new application`);
  return previous;
}

/**
 * Checks shared by full applications and short renewals, then the event. `filedOn` is the Paris
 * day of reception, the day receivability is judged on (R-LIFE-RECEIPT); the instant the filer
 * declares stays the event's occurredAt, as information.
 */
function file(
  command: FileApplication | FileShortRenewal,
  receivedAt: Instant,
  state: ProjectState,
  campaign: CampaignParameters,
  content: ApplicationContent,
  kind: 'new' | 'renewal',
  renewalOf: RenewalOf | null,
): Decision<ProjectEvent> {
  const ref = refOf(command.data);
  const filedOn = parisDateOf(receivedAt);
  // A short renewal answers the renewal ("prolongation") deadline; a full file, new or renewal, the application deadline (R-LIFE-4, 004).
  const deadline = renewalOf?.short ? campaign.deadlines.renewal : campaign.deadlines.newApplication;
  const rejection =
    cycleProblem(state, content) ??
    deadlineProblem(filedOn, deadline, renewalOf?.short ? 'renewal' : 'new application') ??
    sportProblem(campaign, content) ??
    bonusRequestProblem(content.bonusRequests);
  if (rejection) return rejectWith(rejection);
  return accept(
    makeEvent(
      'ApplicationFiled',
      { ...ref, applicationKind: kind, renewalOf, content, filedOn, deadline, warnings: applicationWarnings(campaign, ref, content) },
      command.occurredAt,
    ),
  );
}

export function fileApplication(
  command: FileApplication,
  state: ProjectState,
  context: ProjectContext,
  receivedAt: Instant,
): Decision<ProjectEvent> {
  const d = command.data;
  const problem = plannedPeriodProblem(d.content.plannedPeriod, 'content.plannedPeriod', d.schoolYear) ?? fileableState(state, d);
  if (problem) return rejectWith(problem);
  const campaign = openCampaignFor(context, d, command.type);
  if (isRejectionValue(campaign)) return rejectWith(campaign);
  let renewalOf: RenewalOf | null = null;
  if (d.applicationKind === 'renewal') {
    const previous = previousProjectFor(context, d, d.previousProjectId as string, command.type);
    if (isRejectionValue(previous)) return rejectWith(previous);
    renewalOf = { previousProjectId: previous.projectId, previousSchoolYear: previous.schoolYear, short: false, changedFields: [] };
  }
  return file(command, receivedAt, state, campaign, d.content, d.applicationKind, renewalOf);
}

const samePlace = (a: PlannedCollectif, b: PlannedCollectif): boolean =>
  a.place.name.trim().toLowerCase() === b.place.name.trim().toLowerCase() &&
  a.place.commune.trim().toLowerCase() === b.place.commune.trim().toLowerCase() &&
  a.level === b.level;

export function fileShortRenewal(
  command: FileShortRenewal,
  state: ProjectState,
  context: ProjectContext,
  receivedAt: Instant,
): Decision<ProjectEvent> {
  const d = command.data;
  const problem = plannedPeriodProblem(d.plannedPeriod, 'plannedPeriod', d.schoolYear) ?? fileableState(state, d);
  if (problem) return rejectWith(problem);
  const campaign = openCampaignFor(context, d, command.type);
  if (isRejectionValue(campaign)) return rejectWith(campaign);
  const previous = previousProjectFor(context, d, d.previousProjectId, command.type);
  if (isRejectionValue(previous)) return rejectWith(previous);

  // R-LIFE-4: only the number of collectifs may change, at the same places and for the same age ranges.
  const moved = d.collectifs.find((c) => !previous.content.collectifs.some((p) => samePlace(c, p)));
  if (moved) {
    return reject(
      'SHORT_RENEWAL_NOT_IDENTICAL',
      'R-LIFE-4',
      `collectif ${moved.ref} is not at a place and age range of project ${previous.projectId}: file a full application`,
      {
        field: 'collectifs',
        collectifRef: moved.ref,
        place: moved.place,
        level: moved.level,
      },
    );
  }
  const content: ApplicationContent = {
    ...previous.content,
    collectifs: d.collectifs,
    budget: d.budget,
    plannedPeriod: d.plannedPeriod,
    plannedWeeks: d.plannedWeeks ?? previous.content.plannedWeeks,
    bonusRequests: d.bonusRequests ?? previous.content.bonusRequests,
  };
  const changedFields = (['collectifs', 'budget', 'plannedPeriod', 'plannedWeeks', 'bonusRequests'] as const).filter(
    (field) => JSON.stringify(content[field]) !== JSON.stringify(previous.content[field]),
  );
  return file(command, receivedAt, state, campaign, content, 'renewal', {
    previousProjectId: previous.projectId,
    previousSchoolYear: previous.schoolYear,
    short: true,
    changedFields,
  });
}

export function declareNotReceivable(command: DeclareNotReceivable, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const problem = refMismatch(state, d);
  if (problem) return rejectWith(problem);
  // Receivability is judged before the examination; afterwards the committee decides.
  if (state.status !== 'none' && state.status !== 'draft' && state.status !== 'filed') {
    return reject(
      'RECEIVABILITY_ALREADY_SETTLED',
      'R-LIFE',
      `the application is ${state.status.replace('_', ' ')}: receivability can no longer be declared`,
      { status: state.status },
    );
  }
  return accept(
    makeEvent(
      'ApplicationFoundNotReceivable',
      { ...refOf(d), reason: d.reason, ruleId: d.ruleId, explanation: d.explanation, declaredOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

export function withdrawApplication(command: WithdrawApplication, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const ref = knownProject(state, d.projectId);
  if (isDecision(ref)) return ref;
  const closed = closedReason(state);
  if (closed) return reject('APPLICATION_CLOSED', 'R-LIFE', `cannot withdraw: ${closed}`, { status: state.status });
  // After the bilan is filed the year has run: there is nothing left to withdraw.
  if (state.bilan !== null)
    return reject('BILAN_ALREADY_FILED', 'R-LIFE', 'the bilan of this project has been filed: the year cannot be withdrawn', {
      bilanId: state.bilan.bilanId,
    });
  return accept(
    makeEvent('ApplicationWithdrawn', { ...ref, reason: d.reason, withdrawnOn: parisDateOf(command.occurredAt) }, command.occurredAt),
  );
}

export function openExamination(command: OpenExamination, state: ProjectState, context: ProjectContext): Decision<ProjectEvent> {
  const ref = knownProject(state, command.data.projectId);
  if (isDecision(ref)) return ref;
  if (state.status !== 'filed' || state.application === null) {
    const closed = closedReason(state);
    return closed
      ? reject('APPLICATION_CLOSED', 'R-LIFE', `cannot examine: ${closed}`, { status: state.status })
      : reject(
          state.status === 'draft' ? 'APPLICATION_NOT_FILED' : 'EXAMINATION_ALREADY_OPENED',
          'R-LIFE',
          `the application is ${state.status.replace('_', ' ')}`,
          { status: state.status },
        );
  }
  let priorBilan: boolean | null = null;
  if (state.application.kind === 'renewal') {
    const campaign = openCampaignFor(context, ref, command.type);
    if (isRejectionValue(campaign)) return rejectWith(campaign);
    priorBilan = requireContext(context.priorQualitativeBilanReceived, 'priorQualitativeBilanReceived', command.type);
    // R-LIFE-2: a renewal is only examined once the previous year's qualitative bilan has been received (campaign option).
    if (campaign.options.renewalNeedsPriorBilan && !priorBilan) {
      return reject(
        'PRIOR_BILAN_MISSING',
        'R-LIFE-2',
        `the qualitative bilan of ${state.application.renewalOf?.previousProjectId} has not been received: the renewal cannot be examined yet`,
        {
          previousProjectId: state.application.renewalOf?.previousProjectId ?? null,
          previousSchoolYear: state.application.renewalOf?.previousSchoolYear ?? null,
        },
      );
    }
  }
  return accept(
    makeEvent(
      'ExaminationOpened',
      { ...ref, openedOn: parisDateOf(command.occurredAt), priorQualitativeBilanReceived: priorBilan },
      command.occurredAt,
    ),
  );
}
