import type { Command } from '../commands/command.js';
import type { Infer } from '../schema/schema.js';
import type * as schemas from './project.schemas.js';

export type DraftProject = Command<'DraftProject', Infer<typeof schemas.draftProjectData>>;
/** A full application, new or renewal (a renewal with more changes than R-LIFE-4 allows is a full file). */
export type FileApplication = Command<'FileApplication', Infer<typeof schemas.fileApplicationData>>;
/** R-LIFE-4: the reduced content of a renewal "à l'identique"; the rest is carried over from the previous project. */
export type FileShortRenewal = Command<'FileShortRenewal', Infer<typeof schemas.fileShortRenewalData>>;
/** R-LIFE-1: a Caf agent records that a file is not receivable (the full ref: the stream may be empty). */
export type DeclareNotReceivable = Command<'DeclareNotReceivable', Infer<typeof schemas.declareNotReceivableData>>;
export type WithdrawApplication = Command<'WithdrawApplication', Infer<typeof schemas.withdrawApplicationData>>;
export type OpenExamination = Command<'OpenExamination', Infer<typeof schemas.openExaminationData>>;

export type DecisionTermsInput = Infer<typeof schemas.decisionTermsSchema>;
export type RecordCommitteeDecision = Command<'RecordCommitteeDecision', Infer<typeof schemas.recordCommitteeDecisionData>>;
/** Worked example 3: corrected fields of an approval, effective from the original decision date. */
export type CorrectCommitteeDecision = Command<'CorrectCommitteeDecision', Infer<typeof schemas.correctCommitteeDecisionData>>;

export type RecordParentAction = Command<'RecordParentAction', Infer<typeof schemas.recordParentActionData>>;
export type RecordSchoolConcertation = Command<'RecordSchoolConcertation', Infer<typeof schemas.recordSchoolConcertationData>>;
export type RecordPartnerRelation = Command<'RecordPartnerRelation', Infer<typeof schemas.recordPartnerRelationData>>;

export type FileBilan = Command<'FileBilan', Infer<typeof schemas.fileBilanData>>;
export type ValidateBilan = Command<'ValidateBilan', Infer<typeof schemas.validateBilanData>>;
export type ReturnBilanForCorrection = Command<'ReturnBilanForCorrection', Infer<typeof schemas.returnBilanForCorrectionData>>;

/** R-PS-PAYMENTS: amounts come from the PS rules; the decider only checks order and ledger sense. */
export type PayAdvance = Command<'PayAdvance', Infer<typeof schemas.payAdvanceData>>;
export type PayBalance = Command<'PayBalance', Infer<typeof schemas.payBalanceData>>;
export type IssueRecovery = Command<'IssueRecovery', Infer<typeof schemas.issueRecoveryData>>;

/** R-NOTIFY: the letter of a decision or correction was sent. */
export type RecordNotificationSent = Command<'RecordNotificationSent', Infer<typeof schemas.recordNotificationSentData>>;
/** R-AGREEMENT-ANNUAL: the annual Clas agreement was signed. */
export type RecordAgreementSigned = Command<'RecordAgreementSigned', Infer<typeof schemas.recordAgreementSignedData>>;

export type ProjectCommand =
  | DraftProject
  | FileApplication
  | FileShortRenewal
  | DeclareNotReceivable
  | WithdrawApplication
  | OpenExamination
  | RecordCommitteeDecision
  | CorrectCommitteeDecision
  | RecordParentAction
  | RecordSchoolConcertation
  | RecordPartnerRelation
  | FileBilan
  | ValidateBilan
  | ReturnBilanForCorrection
  | PayAdvance
  | PayBalance
  | IssueRecovery
  | RecordNotificationSent
  | RecordAgreementSigned;
