import type { CampaignCommand } from './campaign/campaign.commands.js';
import * as campaign from './campaign/campaign.schemas.js';
import type { CollectifCommand } from './collectif/collectif.commands.js';
import * as collectif from './collectif/collectif.schemas.js';
import type { CommitteeCommand } from './committee/committee.commands.js';
import * as committee from './committee/committee.schemas.js';
import type { ConventionCommand } from './convention/convention.commands.js';
import * as convention from './convention/convention.schemas.js';
import type { OperatorCommand } from './operator/operator.commands.js';
import * as operator from './operator/operator.schemas.js';
import type { ProjectCommand } from './project/project.commands.js';
import * as project from './project/project.schemas.js';
import type { Schema } from './schema/schema.js';
import type { WebhookCommand } from './webhook/webhook.commands.js';
import * as webhook from './webhook/webhook.schemas.js';

type DomainCommand =
  CampaignCommand | OperatorCommand | ProjectCommand | CollectifCommand | ConventionCommand | CommitteeCommand | WebhookCommand;
export type DomainCommandType = DomainCommand['type'];
export type CommandData<T extends DomainCommandType> = Extract<DomainCommand, { type: T }>['data'];

/**
 * The one declaration of every command payload: type → schema. Its type forces one entry per
 * command type, of that command's own payload type (a missing or mistyped entry does not
 * compile), like the event catalogue. The command bus checks `data` against it before any
 * decider runs (HTTP, NDJSON import and CLI alike); the API serves each as its request schema.
 */
export const COMMAND_SCHEMAS: { readonly [T in DomainCommandType]: Schema<CommandData<T>> } = {
  OpenCampaign: campaign.openCampaignData,
  AmendCampaignParameters: campaign.amendCampaignParametersData,
  SetBudgetEnvelope: campaign.setBudgetEnvelopeData,
  AmendBudgetEnvelope: campaign.amendBudgetEnvelopeData,

  RegisterOperator: operator.registerOperatorData,
  AppointCoordinator: operator.appointCoordinatorData,
  RecordOperatorDeclaration: operator.recordOperatorDeclarationData,

  DraftProject: project.draftProjectData,
  FileApplication: project.fileApplicationData,
  FileShortRenewal: project.fileShortRenewalData,
  DeclareNotReceivable: project.declareNotReceivableData,
  WithdrawApplication: project.withdrawApplicationData,
  OpenExamination: project.openExaminationData,
  RecordCommitteeDecision: project.recordCommitteeDecisionData,
  CorrectCommitteeDecision: project.correctCommitteeDecisionData,
  RecordParentAction: project.recordParentActionData,
  RecordSchoolConcertation: project.recordSchoolConcertationData,
  RecordPartnerRelation: project.recordPartnerRelationData,
  FileBilan: project.fileBilanData,
  ValidateBilan: project.validateBilanData,
  ReturnBilanForCorrection: project.returnBilanForCorrectionData,
  PayAdvance: project.payAdvanceData,
  PayBalance: project.payBalanceData,
  IssueRecovery: project.issueRecoveryData,
  RecordNotificationSent: project.recordNotificationSentData,
  RecordAgreementSigned: project.recordAgreementSignedData,

  OpenCollectif: collectif.openCollectifData,
  EnrolChild: collectif.enrolChildData,
  RecordChildDeparture: collectif.recordChildDepartureData,
  AssignStaff: collectif.assignStaffData,
  RecordStaffTraining: collectif.recordStaffTrainingData,
  UnassignStaff: collectif.unassignStaffData,
  RecordSession: collectif.recordSessionData,
  CancelSession: collectif.cancelSessionData,
  CorrectSession: collectif.correctSessionData,
  RecordAttendance: collectif.recordAttendanceData,
  CorrectAttendance: collectif.correctAttendanceData,

  RequestConvention: convention.requestConventionData,
  SignConvention: convention.signConventionData,
  RefuseConvention: convention.refuseConventionData,
  NotifyYearlyCollectifs: convention.notifyYearlyCollectifsData,
  RequestConventionAmendment: convention.requestConventionAmendmentData,
  ValidateConventionAmendment: convention.validateConventionAmendmentData,
  RefuseConventionAmendment: convention.refuseConventionAmendmentData,
  TerminateConvention: convention.terminateConventionData,

  SetCommitteeOrientations: committee.setCommitteeOrientationsData,
  ScheduleCommitteeMeeting: committee.scheduleCommitteeMeetingData,
  HoldCommitteeMeeting: committee.holdCommitteeMeetingData,
  RecordMeetingMinutes: committee.recordMeetingMinutesData,
  SubscribeWebhook: webhook.subscribeWebhookData,
  UnsubscribeWebhook: webhook.unsubscribeWebhookData,
};
