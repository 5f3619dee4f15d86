import type { Command } from '../commands/command.js';
import type { Infer } from '../schema/schema.js';
import type { amendCampaignParametersData, openCampaignData } from './campaign.schemas.js';

/** A Caf opens its call for projects for a school year, with the full parameter set. */
export type OpenCampaign = Command<'OpenCampaign', Infer<typeof openCampaignData>>;

/** Replace some parameters (a corrected deadline, a new cap published by the CNAF…), with the reason. */
export type AmendCampaignParameters = Command<'AmendCampaignParameters', Infer<typeof amendCampaignParametersData>>;

export type CampaignCommand = OpenCampaign | AmendCampaignParameters;
