import { commandRequest } from '../commands/command-request.js';

/** POST /campaigns → OpenCampaign. */
export class OpenCampaignRequestDto extends commandRequest('OpenCampaign') {}
/** POST /campaigns/:cafCode/:schoolYear/amendments → AmendCampaignParameters (the campaign is named by the path). */
export class AmendCampaignParametersRequestDto extends commandRequest('AmendCampaignParameters') {}
/** POST /campaigns/:cafCode/:schoolYear/envelope → SetBudgetEnvelope (R-BUDGET-ENVELOPE). */
export class SetBudgetEnvelopeRequestDto extends commandRequest('SetBudgetEnvelope') {}
/** POST /campaigns/:cafCode/:schoolYear/envelope/amendments → AmendBudgetEnvelope (a new amount or a delta, with a reason). */
export class AmendBudgetEnvelopeRequestDto extends commandRequest('AmendBudgetEnvelope') {}
