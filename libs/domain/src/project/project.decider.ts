import { type Decider, decideOnReception } from '../commands/command.js';
import { checkCommandEnvelope, rejectWith } from '../commands/input-validation.js';
import type { ProjectEvent } from '../events/project.events.js';
import type { Instant } from '../shared/calendar-date.js';
import { type Decision, assertNever } from '../shared/result.js';
import { fileBilan, issueRecovery, payAdvance, payBalance, returnBilanForCorrection, validateBilan } from './bilan-payments.decider.js';
import { correctCommitteeDecision, recordCommitteeDecision } from './committee-decision.decider.js';
import {
  declareNotReceivable,
  draftProject,
  fileApplication,
  fileShortRenewal,
  openExamination,
  withdrawApplication,
} from './file-application.decider.js';
import { recordAgreementSigned, recordNotificationSent } from './letters.decider.js';
import { recordParentAction, recordPartnerRelation, recordSchoolConcertation } from './project-actions.decider.js';
import type { ProjectCommand } from './project.commands.js';
import type { ProjectContext } from './project.context.js';
import { type ProjectState, evolveProject, initialProjectState } from './project.state.js';

/** `receivedAt`: the instant the Caf received the command (R-LIFE-RECEIPT: filing deadlines are judged on it). */
export function decideProject(
  command: ProjectCommand,
  state: ProjectState,
  context: ProjectContext = {},
  receivedAt: Instant,
): Decision<ProjectEvent> {
  const problem = checkCommandEnvelope(command);
  if (problem) return rejectWith(problem);
  switch (command.type) {
    case 'DraftProject':
      return draftProject(command, state);
    case 'FileApplication':
      return fileApplication(command, state, context, receivedAt);
    case 'FileShortRenewal':
      return fileShortRenewal(command, state, context, receivedAt);
    case 'DeclareNotReceivable':
      return declareNotReceivable(command, state);
    case 'WithdrawApplication':
      return withdrawApplication(command, state);
    case 'OpenExamination':
      return openExamination(command, state, context);
    case 'RecordCommitteeDecision':
      return recordCommitteeDecision(command, state, context);
    case 'CorrectCommitteeDecision':
      return correctCommitteeDecision(command, state, context);
    case 'RecordParentAction':
      return recordParentAction(command, state);
    case 'RecordSchoolConcertation':
      return recordSchoolConcertation(command, state);
    case 'RecordPartnerRelation':
      return recordPartnerRelation(command, state);
    case 'FileBilan':
      return fileBilan(command, state);
    case 'ValidateBilan':
      return validateBilan(command, state);
    case 'ReturnBilanForCorrection':
      return returnBilanForCorrection(command, state);
    case 'PayAdvance':
      return payAdvance(command, state);
    case 'PayBalance':
      return payBalance(command, state, context);
    case 'IssueRecovery':
      return issueRecovery(command, state);
    case 'RecordNotificationSent':
      return recordNotificationSent(command, state, context);
    case 'RecordAgreementSigned':
      return recordAgreementSigned(command, state, context);
    default:
      return assertNever(command, 'project command');
  }
}

/** Stream `project-<projectId>`: application → examination → decision → bilan → payments. */
export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState, ProjectContext | undefined> = {
  initialState: initialProjectState,
  evolve: evolveProject,
  decide: (command, state, context, receivedAt) =>
    decideOnReception(command.type, receivedAt, (at) => decideProject(command, state, context, at)),
};
