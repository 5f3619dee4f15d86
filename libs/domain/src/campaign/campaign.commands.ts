import type { Command } from '../commands/command.js';
import type { Infer } from '../schema/schema.js';
import type { amendBudgetEnvelopeData, amendCampaignParametersData, openCampaignData, setBudgetEnvelopeData } from './campaign.schemas.js';

/** A Caf opens its call for projects for a school year, with the full parameter set. */
export type OpenCampaign = Command<'OpenCampaign', Infer<typeof openCampaignData>>;

/** Replace some parameters (a corrected deadline, a new cap published by the CNAF…), with the reason. */
export type AmendCampaignParameters = Command<'AmendCampaignParameters', Infer<typeof amendCampaignParametersData>>;

/** R-BUDGET-ENVELOPE: the Caf records its Clas credits for the school year (once; then amend). */
export type SetBudgetEnvelope = Command<'SetBudgetEnvelope', Infer<typeof setBudgetEnvelopeData>>;
/** R-BUDGET-ENVELOPE: a new amount or a signed change, with the reason. */
export type AmendBudgetEnvelope = Command<'AmendBudgetEnvelope', Infer<typeof amendBudgetEnvelopeData>>;

export type CampaignCommand = OpenCampaign | AmendCampaignParameters | SetBudgetEnvelope | AmendBudgetEnvelope;
