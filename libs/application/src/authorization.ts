import type { ClasCommandType } from './clas-command.js';
import type { Actor, Role } from './command-bus.port.js';

/** Who an aggregate belongs to: its Caf, and its operator when it has one (a campaign has none). */
export interface Scope {
  cafCode: string | null;
  operatorId: string | null;
}

export type Authorization = { ok: true } | { ok: false; reason: string };

const ALLOWED: Authorization = { ok: true };
const refuse = (reason: string): Authorization => ({ ok: false, reason });

/** Facts of the operator's own activity: the operator records them; the Caf's back office may key them in for its Caf. */
const OPERATOR_SIDE: readonly Role[] = ['operator', 'caf_agent', 'system'];
/** Acts of the Caf as funder and administration. */
const CAF_SIDE: readonly Role[] = ['caf_agent', 'system'];
/** The departmental committee's approval (step 6): kept apart from the Caf agents who pay (separation of duties). */
const COMMITTEE: readonly Role[] = ['committee', 'system'];
/** The committee's own record (orientations, meetings, minutes): its members, or the Caf agent who acts as its secretariat. */
const COMMITTEE_SECRETARIAT: readonly Role[] = ['committee', 'caf_agent', 'system'];

/**
 * The role × command matrix. `auditor` and `dashboard` appear in no row: they write nothing.
 * `system` (CLI import, demo) appears in every row. Scope (own Caf / own operator) is checked
 * separately, against the aggregate, by `authorizeScope`.
 */
export const COMMAND_ROLES: { readonly [T in ClasCommandType]: readonly Role[] } = {
  // The call for projects and its parameters are the Caf's (note de cadrage).
  OpenCampaign: CAF_SIDE,
  // Corrected deadlines or a new CNAF cap are published by the Caf.
  AmendCampaignParameters: CAF_SIDE,
  // R-BUDGET-ENVELOPE: the credits are the Caf's budget, recorded and amended by its agents (the committee decides within them).
  SetBudgetEnvelope: CAF_SIDE,
  AmendBudgetEnvelope: CAF_SIDE,
  // The Caf decides which operators it works with; an operator cannot register itself.
  RegisterOperator: CAF_SIDE,
  // R-ELIG-COORD: the operator names its coordinator.
  AppointCoordinator: OPERATOR_SIDE,
  // R-ELIG-OPERATOR: the operator supplies its insurance and charter; the Caf may record a paper copy.
  RecordOperatorDeclaration: OPERATOR_SIDE,
  // Step 3: the operator builds its project.
  DraftProject: OPERATOR_SIDE,
  // Step 4: the operator answers the call for projects (the Caf may key in a paper file).
  FileApplication: OPERATOR_SIDE,
  // R-LIFE-4: the renewal letter comes from the operator.
  FileShortRenewal: OPERATOR_SIDE,
  // R-LIFE-1: receivability is judged by the Caf.
  DeclareNotReceivable: CAF_SIDE,
  // The operator may withdraw its own application.
  WithdrawApplication: OPERATOR_SIDE,
  // Step 5: the Caf examines the file (R-LIFE-2 checked here).
  OpenExamination: CAF_SIDE,
  // Step 6: the committee approves or refuses.
  RecordCommitteeDecision: COMMITTEE,
  // Worked example 3: only the committee corrects its own decision.
  CorrectCommitteeDecision: COMMITTEE,
  // R-ELIG-AXES parents / school / territory: facts of the operator's year.
  RecordParentAction: OPERATOR_SIDE,
  RecordSchoolConcertation: OPERATOR_SIDE,
  RecordPartnerRelation: OPERATOR_SIDE,
  // Step 10: the operator files its bilan; the Caf validates or returns it.
  FileBilan: OPERATOR_SIDE,
  ValidateBilan: CAF_SIDE,
  ReturnBilanForCorrection: CAF_SIDE,
  // Step 11 (R-PS-PAYMENTS): only the Caf pays or recovers.
  PayAdvance: CAF_SIDE,
  PayBalance: CAF_SIDE,
  IssueRecovery: CAF_SIDE,
  // R-NOTIFY (003 steps 6–8): the Caf notifies its decisions.
  RecordNotificationSent: CAF_SIDE,
  // R-AGREEMENT-ANNUAL: the operator signs the annual agreement; the Caf may record the paper copy it received.
  RecordAgreementSigned: OPERATOR_SIDE,
  // Step 7 and 9: the operator runs its collectifs (groups, children, staff, sessions, attendance).
  OpenCollectif: OPERATOR_SIDE,
  EnrolChild: OPERATOR_SIDE,
  RecordChildDeparture: OPERATOR_SIDE,
  AssignStaff: OPERATOR_SIDE,
  RecordStaffTraining: OPERATOR_SIDE,
  UnassignStaff: OPERATOR_SIDE,
  RecordSession: OPERATOR_SIDE,
  CancelSession: OPERATOR_SIDE,
  CorrectSession: OPERATOR_SIDE,
  RecordAttendance: OPERATOR_SIDE,
  CorrectAttendance: OPERATOR_SIDE,
  // R-CONV-1: the operator asks for a multi-year convention…
  RequestConvention: OPERATOR_SIDE,
  // …and the Caf signs or refuses it.
  SignConvention: CAF_SIDE,
  RefuseConvention: CAF_SIDE,
  // R-CONV-3 (004): the number of collectifs is notified each year by the Caf.
  NotifyYearlyCollectifs: CAF_SIDE,
  // R-CONV-3: the operator asks for a change, the Caf validates or refuses it.
  RequestConventionAmendment: OPERATOR_SIDE,
  ValidateConventionAmendment: CAF_SIDE,
  RefuseConventionAmendment: CAF_SIDE,
  // Ending a convention is the funder's act.
  TerminateConvention: CAF_SIDE,
  // R-COMMITTEE-ORIENTATIONS and R-COMMITTEE-MEETING: the committee's record, never an operator's.
  SetCommitteeOrientations: COMMITTEE_SECRETARIAT,
  ScheduleCommitteeMeeting: COMMITTEE_SECRETARIAT,
  HoldCommitteeMeeting: COMMITTEE_SECRETARIAT,
  RecordMeetingMinutes: COMMITTEE_SECRETARIAT,
  // Issue 13 §4: which other systems of the Caf hear of its decisions and payments is the Caf's choice.
  SubscribeWebhook: CAF_SIDE,
  UnsubscribeWebhook: CAF_SIDE,
};

/** Step 1, before reading anything: may this role issue this command type at all? */
export function authorizeCommand(actor: Actor, type: ClasCommandType): Authorization {
  return COMMAND_ROLES[type].includes(actor.role) ? ALLOWED : refuse(`role ${actor.role} may not issue ${type}`);
}

/** An owner nobody's scope covers but the whole system's: an aggregate that does not exist, or that the command cannot name. */
export const UNKNOWN_OWNER: Scope = Object.freeze({ cafCode: null, operatorId: null });

/**
 * Step 2, before any business fact is read (issue 11 §4): is the aggregate — or the owner a
 * creating command claims — within the actor's scope? An operator acts on its own operator,
 * projects, collectifs and conventions only; a Caf agent or the committee within its own Caf
 * only (a national agent, caf null, writes nowhere: writing is local business). The reason
 * describes the actor's scope, never the target's owner, so a refusal tells an out-of-scope
 * caller nothing about what exists (an unknown aggregate is refused with the same words).
 */
export function authorizeScope(actor: Actor, target: Scope): Authorization {
  switch (actor.role) {
    case 'system':
      return ALLOWED;
    case 'operator':
      if (actor.operatorId === null) return refuse('the operator actor names no operator');
      return target.operatorId === actor.operatorId ? ALLOWED : refuse(`operator ${actor.operatorId} acts for itself only`);
    case 'caf_agent':
    case 'committee':
      if (actor.caf === null) return refuse(`a ${actor.role} without a Caf may not write`);
      return target.cafCode === actor.caf ? ALLOWED : refuse(`a ${actor.role} of Caf ${actor.caf} acts within its Caf only`);
    case 'auditor':
    case 'dashboard':
      return refuse(`role ${actor.role} is read-only`);
    default: {
      const role: never = actor.role;
      throw new Error(`unknown role ${String(role)}`);
    }
  }
}

/**
 * Query scoping for the API: may the actor read facts of this scope? Operators read their own
 * operator only; Caf agents, the committee and dashboards their own Caf; an auditor its Caf, or
 * everything when national (caf null); `system` everything. A departmental question has
 * `operatorId: null` and so is closed to operators.
 */
export function canRead(actor: Actor, target: Scope): boolean {
  switch (actor.role) {
    case 'system':
      return true;
    case 'operator':
      return actor.operatorId !== null && target.operatorId === actor.operatorId;
    case 'caf_agent':
    case 'committee':
      return actor.caf !== null && target.cafCode === actor.caf;
    case 'auditor':
    case 'dashboard':
      return actor.caf === null || target.cafCode === actor.caf;
    default: {
      const role: never = actor.role;
      throw new Error(`unknown role ${String(role)}`);
    }
  }
}

/** Child-level data (enrolments, attendance, ids of minors — domain.md §8): never for dashboards, which show aggregates only. */
export function canReadChildLevel(actor: Actor): boolean {
  return actor.role !== 'dashboard';
}
