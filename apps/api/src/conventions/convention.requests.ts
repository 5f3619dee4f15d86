import { commandRequest } from '../commands/command-request.js';

/** POST on the collection → RequestConvention. */
export class RequestConventionRequestDto extends commandRequest('RequestConvention') {}
/** POST …/:conventionId/signature → SignConvention. */
export class SignConventionRequestDto extends commandRequest('SignConvention', { optional: true }) {}
/** POST …/:conventionId/refusal → RefuseConvention. */
export class RefuseConventionRequestDto extends commandRequest('RefuseConvention') {}
/** POST …/:conventionId/yearly-notifications → NotifyYearlyCollectifs. */
export class NotifyYearlyCollectifsRequestDto extends commandRequest('NotifyYearlyCollectifs') {}
/** POST …/:conventionId/amendments → RequestConventionAmendment. */
export class RequestConventionAmendmentRequestDto extends commandRequest('RequestConventionAmendment') {}
/** POST …/:conventionId/amendments/:amendmentId/validation → ValidateConventionAmendment. */
export class ValidateConventionAmendmentRequestDto extends commandRequest('ValidateConventionAmendment', { optional: true }) {}
/** POST …/:conventionId/amendments/:amendmentId/refusal → RefuseConventionAmendment. */
export class RefuseConventionAmendmentRequestDto extends commandRequest('RefuseConventionAmendment') {}
/** POST …/:conventionId/termination → TerminateConvention. */
export class TerminateConventionRequestDto extends commandRequest('TerminateConvention') {}
