import { type Decider, decideOnReception } from '../commands/command.js';
import { checkCommandEnvelope, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { CampaignEvent } from '../events/campaign.events.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, assertNever, reject } from '../shared/result.js';
import type { AmendCampaignParameters, CampaignCommand, OpenCampaign } from './campaign.commands.js';
import { type CampaignState, evolveCampaign, initialCampaignState } from './campaign.state.js';

function openCampaign(command: OpenCampaign, state: CampaignState): Decision<CampaignEvent> {
  // The parameters' shape and bounds are the schema's (campaign.schemas.ts, checked by the command bus).
  const { parameters } = command.data;
  if (state.status !== 'not_opened') {
    return reject(
      'CAMPAIGN_ALREADY_OPEN',
      'R-LIFE',
      `the campaign ${parameters.cafCode} ${parameters.schoolYear} is already open; amend its parameters instead`,
      {
        cafCode: parameters.cafCode,
        schoolYear: parameters.schoolYear,
      },
    );
  }
  return accept(
    makeEvent(
      'CampaignOpened',
      { cafCode: parameters.cafCode, schoolYear: parameters.schoolYear, parameters, openedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

function amendParameters(command: AmendCampaignParameters, state: CampaignState): Decision<CampaignEvent> {
  const d = command.data;
  if (state.status !== 'open') {
    return reject('CAMPAIGN_NOT_OPEN', 'R-LIFE', `no campaign ${d.cafCode} ${d.schoolYear} to amend`, {
      cafCode: d.cafCode,
      schoolYear: d.schoolYear,
    });
  }
  if (state.cafCode !== d.cafCode || state.schoolYear !== d.schoolYear) {
    return reject('WRONG_CAMPAIGN', 'R-INPUT', 'the command names another campaign than this stream', {
      field: 'cafCode',
      expected: `${state.cafCode} ${state.schoolYear}`,
    });
  }
  return accept(
    makeEvent(
      'CampaignParametersAmended',
      { cafCode: d.cafCode, schoolYear: d.schoolYear, patch: d.patch, reason: d.reason, amendedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

export function decideCampaign(command: CampaignCommand, state: CampaignState): Decision<CampaignEvent> {
  const problem = checkCommandEnvelope(command);
  if (problem) return rejectWith(problem);
  switch (command.type) {
    case 'OpenCampaign':
      return openCampaign(command, state);
    case 'AmendCampaignParameters':
      return amendParameters(command, state);
    default:
      return assertNever(command, 'campaign command');
  }
}

/** Stream `campaign-<caf>-<schoolYear>`. Needs no facts from other streams. */
export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState, undefined> = {
  initialState: initialCampaignState,
  evolve: evolveCampaign,
  decide: (command, state, _context, receivedAt) => decideOnReception(command.type, receivedAt, () => decideCampaign(command, state)),
};
