import { type Rejection, isAggregateId } from '@clas/domain';
import type { Scope } from '../authorization.js';
import type { ClasCommand, ClasCommandType } from '../clas-command.js';
import type { CommandOfType } from '../command-routes.js';
import type { FactReader } from '../context/fact-reader.js';
import { claimFits } from './person-claims.js';

/**
 * Checks that the ids a command names besides its own stream belong to the same project,
 * operator and Caf as the aggregate it acts on (`owner`, already in the actor's scope): null
 * when they do, else a 422 `REFERENCE_OUT_OF_SCOPE` (R-SCOPE) naming the field. An id that does
 * not exist gets the same answer as one of another owner, so the answer tells nothing about
 * another operator's or Caf's aggregates (issue 11 §4).
 */
type ReferenceCheck<T extends ClasCommandType> = (command: CommandOfType<T>, owner: Scope, facts: FactReader) => Promise<Rejection | null>;

export const REFERENCE_OUT_OF_SCOPE = 'REFERENCE_OUT_OF_SCOPE';

const ownerText = (owner: Scope): string => `operator ${owner.operatorId ?? '-'} in Caf ${owner.cafCode ?? '-'}`;

function outOfScope(field: string, id: string, message: string): Rejection {
  return { code: REFERENCE_OUT_OF_SCOPE, ruleId: 'R-SCOPE', message: `${field}: ${id} ${message}`, details: { field, id } };
}

/** Well-formed ids of a list field (a malformed one is left to the decider's input check, which names it). */
const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter(isAggregateId) : []);

/** R-LIFE-4 renews one's own earlier project: the renewed project must be the operator's, in the same Caf. */
async function ownProject(field: string, projectId: unknown, owner: Scope, facts: FactReader): Promise<Rejection | null> {
  if (!isAggregateId(projectId)) return null;
  const ref = (await facts.project(projectId))?.ref ?? null;
  return ref !== null && ref.operatorId === owner.operatorId && ref.cafCode === owner.cafCode
    ? null
    : outOfScope(field, projectId, `is not a project of ${ownerText(owner)}`);
}

async function ownProjects(field: string, projectIds: unknown, owner: Scope, facts: FactReader): Promise<Rejection | null> {
  for (const [i, projectId] of idsOf(projectIds).entries()) {
    const problem = await ownProject(`${field}[${i}]`, projectId, owner, facts);
    if (problem) return problem;
  }
  return null;
}

/** Collectifs named by a command: each must have been opened by `belongs` (its project, or its operator and Caf). */
async function ownCollectifs(
  field: string,
  collectifIds: unknown,
  facts: FactReader,
  belongs: { projectId?: string; owner: Scope },
  what: string,
): Promise<Rejection | null> {
  for (const [i, collectifId] of idsOf(collectifIds).entries()) {
    const ref = await facts.collectif(collectifId);
    const fits =
      ref !== null &&
      ref.operatorId === belongs.owner.operatorId &&
      ref.cafCode === belongs.owner.cafCode &&
      (belongs.projectId === undefined || ref.projectId === belongs.projectId);
    if (!fits) return outOfScope(`${field}[${i}]`, collectifId, `is not a collectif of ${what}`);
  }
  return null;
}

/**
 * A child or staff id belongs to the operator whose event first named it, or is reserved by a
 * personal-data record made before any event (its Caf, and its operator when it names one):
 * another operator may not enrol, assign or appoint it.
 */
async function ownPerson(field: string, personId: unknown, owner: Scope, facts: FactReader): Promise<Rejection | null> {
  if (!isAggregateId(personId)) return null;
  const claim = await facts.personClaim(personId);
  return claim === null || claimFits(claim, owner) ? null : outOfScope(field, personId, `is the id of a person of another operator or Caf`);
}

/** R-COMMITTEE-MEETING: a committee examines files of its own Caf (the decider checks the school year). */
async function cafProjects(field: string, projectIds: unknown, owner: Scope, facts: FactReader): Promise<Rejection | null> {
  for (const [i, projectId] of idsOf(projectIds).entries()) {
    const ref = (await facts.project(projectId))?.ref ?? null;
    if (ref === null || ref.cafCode !== owner.cafCode)
      return outOfScope(`${field}[${i}]`, projectId, `is not a project of Caf ${owner.cafCode ?? '-'}`);
  }
  return null;
}

const NONE = null;

/**
 * Every command type, each with the ids it names besides its own stream (exhaustive: a new
 * command does not compile until it says). NONE says why nothing needs checking here.
 */
export const COMMAND_REFERENCES: { readonly [T in ClasCommandType]: ReferenceCheck<T> | null } = {
  // Its Caf is its stream and its scope.
  OpenCampaign: NONE,
  AmendCampaignParameters: NONE,
  SetBudgetEnvelope: NONE,
  AmendBudgetEnvelope: NONE,
  // The operator id is the new stream; the Caf is the scope the agent was checked against.
  RegisterOperator: NONE,
  // R-ELIG-COORD: the coordinator is a person of this operator.
  AppointCoordinator: (c, owner, facts) => ownPerson('personId', c.data.personId, owner, facts),
  RecordOperatorDeclaration: NONE,

  // ProjectRef is the owner claim, resolved and scope-checked before (registered operator, its Caf).
  DraftProject: NONE,
  FileApplication: (c, owner, facts) =>
    c.data.applicationKind === 'renewal' ? ownProject('previousProjectId', c.data.previousProjectId, owner, facts) : Promise.resolve(null),
  FileShortRenewal: (c, owner, facts) => ownProject('previousProjectId', c.data.previousProjectId, owner, facts),
  DeclareNotReceivable: NONE,
  WithdrawApplication: NONE,
  OpenExamination: NONE,
  // approvedCollectifRefs and decisionId name the project's own application and decision (the decider checks them).
  RecordCommitteeDecision: NONE,
  CorrectCommitteeDecision: NONE,
  // R-ELIG-AXES P2: the families concerned are those of this project's collectifs.
  RecordParentAction: (c, owner, facts) =>
    ownCollectifs('collectifIds', c.data.collectifIds, facts, { projectId: c.data.projectId, owner }, `project ${c.data.projectId}`),
  // Schools are names or UAI codes outside the log.
  RecordSchoolConcertation: NONE,
  RecordPartnerRelation: NONE,
  // bilanId, paymentId, recoveryId are the project's own.
  FileBilan: NONE,
  ValidateBilan: NONE,
  ReturnBilanForCorrection: NONE,
  PayAdvance: NONE,
  PayBalance: NONE,
  IssueRecovery: NONE,
  // letterId names one of the project's own letters (the context renders it from this project's log); recipientId is opaque.
  RecordNotificationSent: NONE,
  RecordAgreementSigned: NONE,

  // Its project is its owner, resolved and scope-checked before; plannedRef is checked by the decider against that project.
  OpenCollectif: NONE,
  EnrolChild: (c, owner, facts) => ownPerson('childId', c.data.childId, owner, facts),
  AssignStaff: (c, owner, facts) => ownPerson('staffId', c.data.staffId, owner, facts),
  // The child, staff member or session must be one of this collectif's (the decider refuses any other:
  // CHILD_NOT_ENROLLED, STAFF_UNKNOWN, SESSION_UNKNOWN, CHILD_NOT_ENROLLED_ON_SESSION_DATE); session ids are the collectif's own.
  RecordChildDeparture: NONE,
  RecordStaffTraining: NONE,
  UnassignStaff: NONE,
  RecordSession: NONE,
  CancelSession: NONE,
  CorrectSession: NONE,
  RecordAttendance: NONE,
  CorrectAttendance: NONE,

  // R-CONV-1: a convention covers projects of its operator in its Caf.
  RequestConvention: (c, owner, facts) => ownProjects('projectIds', c.data.projectIds, owner, facts),
  SignConvention: NONE,
  RefuseConvention: NONE,
  // R-CONV-3: the collectifs notified are the operator's, in the convention's Caf.
  NotifyYearlyCollectifs: (c, owner, facts) => ownCollectifs('collectifIds', c.data.collectifIds, facts, { owner }, ownerText(owner)),
  // amendmentId is the convention's own.
  RequestConventionAmendment: NONE,
  ValidateConventionAmendment: NONE,
  RefuseConventionAmendment: NONE,
  TerminateConvention: NONE,

  // Its Caf and year are its stream and its scope.
  SetCommitteeOrientations: NONE,
  ScheduleCommitteeMeeting: (c, owner, facts) => cafProjects('agenda', c.data.agenda, owner, facts),
  HoldCommitteeMeeting: (c, owner, facts) => cafProjects('agenda', c.data.agenda, owner, facts),
  // meetingId is the committee's own.
  RecordMeetingMinutes: NONE,
  // A subscription names only its Caf (the stream's) and its own id.
  SubscribeWebhook: NONE,
  UnsubscribeWebhook: NONE,
};

/** Step 6 of the bus: the references of one command (the mapped type above guarantees the check matches its type). */
export function checkReferences(command: ClasCommand, owner: Scope, facts: FactReader): Promise<Rejection | null> {
  const check = COMMAND_REFERENCES[command.type] as ReferenceCheck<ClasCommandType> | null;
  return check === null ? Promise.resolve(null) : check(command as never, owner, facts);
}
