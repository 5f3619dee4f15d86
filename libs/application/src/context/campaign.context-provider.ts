import { type CampaignCommand, type CampaignEvent, type CampaignState, campaignDecider } from '@clas/domain';
import { type AggregateBinding, provided } from './aggregate-binding.js';

/** `campaign-<caf>-<year>`: the campaign decider needs no other stream. */
export const campaignBinding: AggregateBinding<CampaignCommand, CampaignEvent, CampaignState, undefined> = {
  kind: 'campaign',
  decider: campaignDecider,
  creates: new Set(['OpenCampaign']),
  ownerOf: (state) => (state.status === 'open' ? { cafCode: state.cafCode, operatorId: null } : null),
  // The Caf is in the stream id (routing checked it): an agent of that Caf learns that its campaign is not open (404), another gets 403.
  claimedOwner: (command) => ({
    cafCode: command.type === 'OpenCampaign' ? (command.data.parameters?.cafCode ?? null) : command.data.cafCode,
    operatorId: null,
  }),
  context: async () => provided(undefined),
};
