import type { Command } from '../commands/command.js';
import type { CampaignParametersPatch } from '../events/campaign.events.js';
import type { SchoolYear } from '../shared/school-year.js';
import type { CampaignParameters } from './campaign-parameters.js';

/** A Caf opens its call for projects for a school year, with the full parameter set. */
export type OpenCampaign = Command<'OpenCampaign', { parameters: CampaignParameters }>;

/** Replace some parameters (a corrected deadline, a new cap published by the CNAF…), with the reason. */
export type AmendCampaignParameters = Command<
  'AmendCampaignParameters',
  { cafCode: string; schoolYear: SchoolYear; patch: CampaignParametersPatch; reason: string }
>;

export type CampaignCommand = OpenCampaign | AmendCampaignParameters;
