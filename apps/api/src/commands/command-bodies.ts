import { COMMAND_SCHEMAS, type Infer, type Schema, s } from '@clas/domain';
import type { ClasCommandType } from '@clas/application';

/**
 * What each command route takes as `data`: the command's payload schema (COMMAND_SCHEMAS, its
 * one declaration) without the ids its path carries. A route whose ids are all in the path takes
 * an empty object. One entry per command type, or it does not compile.
 */
const C = COMMAND_SCHEMAS;
const project = ['projectId'] as const;
const collectif = ['collectifId'] as const;
const session = ['collectifId', 'sessionId'] as const;
const staff = ['collectifId', 'staffId'] as const;
const convention = ['conventionId'] as const;
const committee = ['cafCode', 'schoolYear'] as const;
const meeting = ['cafCode', 'schoolYear', 'meetingId'] as const;

/** `data` of a command whose fields all come from the path: `why` ends the message. */
const emptyBody = (why: string): Schema<Record<string, never>> =>
  s.scalar(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0,
    `must be an empty object (${why})`,
    { type: 'object', maxProperties: 0 },
  );

export const COMMAND_BODIES = {
  OpenCampaign: C.OpenCampaign,
  AmendCampaignParameters: s.omit(C.AmendCampaignParameters, ['cafCode', 'schoolYear']),
  SetBudgetEnvelope: s.omit(C.SetBudgetEnvelope, ['cafCode', 'schoolYear']),
  AmendBudgetEnvelope: s.omit(C.AmendBudgetEnvelope, ['cafCode', 'schoolYear']),

  RegisterOperator: C.RegisterOperator,
  AppointCoordinator: s.omit(C.AppointCoordinator, ['operatorId']),
  RecordOperatorDeclaration: s.omit(C.RecordOperatorDeclaration, ['operatorId']),

  DraftProject: C.DraftProject,
  FileApplication: s.omit(C.FileApplication, project),
  FileShortRenewal: s.omit(C.FileShortRenewal, project),
  DeclareNotReceivable: s.omit(C.DeclareNotReceivable, project),
  WithdrawApplication: s.omit(C.WithdrawApplication, project),
  OpenExamination: emptyBody('the project is named by the path'),
  RecordCommitteeDecision: s.omit(C.RecordCommitteeDecision, project),
  CorrectCommitteeDecision: s.omit(C.CorrectCommitteeDecision, project),
  RecordParentAction: s.omit(C.RecordParentAction, project),
  RecordSchoolConcertation: s.omit(C.RecordSchoolConcertation, project),
  RecordPartnerRelation: s.omit(C.RecordPartnerRelation, project),
  FileBilan: s.omit(C.FileBilan, project),
  ValidateBilan: s.omit(C.ValidateBilan, project),
  ReturnBilanForCorrection: s.omit(C.ReturnBilanForCorrection, project),
  PayAdvance: s.omit(C.PayAdvance, project),
  PayBalance: s.omit(C.PayBalance, project),
  RecordNotificationSent: s.omit(C.RecordNotificationSent, project),
  RecordAgreementSigned: s.omit(C.RecordAgreementSigned, project),
  IssueRecovery: s.omit(C.IssueRecovery, project),

  OpenCollectif: C.OpenCollectif,
  EnrolChild: s.omit(C.EnrolChild, collectif),
  RecordChildDeparture: s.omit(C.RecordChildDeparture, collectif),
  AssignStaff: s.omit(C.AssignStaff, collectif),
  RecordStaffTraining: s.omit(C.RecordStaffTraining, staff),
  UnassignStaff: s.omit(C.UnassignStaff, staff),
  RecordSession: s.omit(C.RecordSession, collectif),
  CancelSession: s.omit(C.CancelSession, session),
  CorrectSession: s.omit(C.CorrectSession, session),
  RecordAttendance: s.omit(C.RecordAttendance, session),
  CorrectAttendance: s.omit(C.CorrectAttendance, session),

  RequestConvention: C.RequestConvention,
  SignConvention: s.omit(C.SignConvention, convention),
  RefuseConvention: s.omit(C.RefuseConvention, convention),
  NotifyYearlyCollectifs: s.omit(C.NotifyYearlyCollectifs, convention),
  RequestConventionAmendment: s.omit(C.RequestConventionAmendment, convention),
  ValidateConventionAmendment: emptyBody('the ids are in the path'),
  RefuseConventionAmendment: s.omit(C.RefuseConventionAmendment, ['conventionId', 'amendmentId']),
  TerminateConvention: s.omit(C.TerminateConvention, convention),

  SetCommitteeOrientations: s.omit(C.SetCommitteeOrientations, committee),
  ScheduleCommitteeMeeting: s.omit(C.ScheduleCommitteeMeeting, committee),
  HoldCommitteeMeeting: s.omit(C.HoldCommitteeMeeting, meeting),
  RecordMeetingMinutes: s.omit(C.RecordMeetingMinutes, meeting),
  SubscribeWebhook: s.omit(C.SubscribeWebhook, ['cafCode']),
  UnsubscribeWebhook: emptyBody('the Caf and the subscription are named by the path'),
} satisfies { readonly [T in ClasCommandType]: Schema<object> };

export type CommandBody<T extends ClasCommandType> = Infer<(typeof COMMAND_BODIES)[T]>;

/** The OpenAPI component of a route's `data`. */
export const bodyComponentName = (command: ClasCommandType): string => `${command}DataDto`;
