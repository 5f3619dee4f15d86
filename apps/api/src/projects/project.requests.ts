import { commandRequest } from '../commands/command-request.js';

/** POST on the collection → DraftProject. */
export class DraftProjectRequestDto extends commandRequest('DraftProject') {}
/** POST …/:projectId/application → FileApplication. */
export class FileApplicationRequestDto extends commandRequest('FileApplication') {}
/** POST …/:projectId/short-renewal → FileShortRenewal. */
export class FileShortRenewalRequestDto extends commandRequest('FileShortRenewal') {}
/** POST …/:projectId/not-receivable → DeclareNotReceivable. */
export class DeclareNotReceivableRequestDto extends commandRequest('DeclareNotReceivable') {}
/** POST …/:projectId/withdrawal → WithdrawApplication. */
export class WithdrawApplicationRequestDto extends commandRequest('WithdrawApplication') {}
/** POST …/:projectId/examination → OpenExamination. */
export class OpenExaminationRequestDto extends commandRequest('OpenExamination', { optional: true }) {}
/** POST …/:projectId/decision → RecordCommitteeDecision. */
export class RecordCommitteeDecisionRequestDto extends commandRequest('RecordCommitteeDecision') {}
/** POST …/:projectId/decision/corrections → CorrectCommitteeDecision. */
export class CorrectCommitteeDecisionRequestDto extends commandRequest('CorrectCommitteeDecision') {}
/** POST …/:projectId/parent-actions → RecordParentAction. */
export class RecordParentActionRequestDto extends commandRequest('RecordParentAction') {}
/** POST …/:projectId/school-concertations → RecordSchoolConcertation. */
export class RecordSchoolConcertationRequestDto extends commandRequest('RecordSchoolConcertation') {}
/** POST …/:projectId/partner-relations → RecordPartnerRelation. */
export class RecordPartnerRelationRequestDto extends commandRequest('RecordPartnerRelation') {}
/** POST …/:projectId/bilans → FileBilan. */
export class FileBilanRequestDto extends commandRequest('FileBilan') {}
/** POST …/:projectId/bilans/validation → ValidateBilan. */
export class ValidateBilanRequestDto extends commandRequest('ValidateBilan') {}
/** POST …/:projectId/bilans/return → ReturnBilanForCorrection. */
export class ReturnBilanForCorrectionRequestDto extends commandRequest('ReturnBilanForCorrection') {}
/** POST …/:projectId/payments/advance → PayAdvance. */
export class PayAdvanceRequestDto extends commandRequest('PayAdvance') {}
/** POST …/:projectId/payments/balance → PayBalance. */
export class PayBalanceRequestDto extends commandRequest('PayBalance') {}
/** POST …/:projectId/payments/recovery → IssueRecovery. */
export class IssueRecoveryRequestDto extends commandRequest('IssueRecovery') {}
/** POST …/:projectId/notifications → RecordNotificationSent (R-NOTIFY). */
export class RecordNotificationSentRequestDto extends commandRequest('RecordNotificationSent') {}
/** POST …/:projectId/agreement/signature → RecordAgreementSigned (R-AGREEMENT-ANNUAL). */
export class RecordAgreementSignedRequestDto extends commandRequest('RecordAgreementSigned') {}
