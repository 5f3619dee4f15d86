import { commandRequest } from '../commands/command-request.js';

/** POST /campaigns → OpenCampaign. */
export class OpenCampaignRequestDto extends commandRequest('OpenCampaign') {}
/** POST /campaigns/:cafCode/:schoolYear/amendments → AmendCampaignParameters (the campaign is named by the path). */
export class AmendCampaignParametersRequestDto extends commandRequest('AmendCampaignParameters') {}
