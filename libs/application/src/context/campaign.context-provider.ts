import { type CampaignCommand, type CampaignEvent, type CampaignState, campaignDecider } from '@clas/domain';
import { type AggregateBinding, provided } from './aggregate-binding.js';

/** `campaign-<caf>-<year>`: the campaign decider needs no other stream. */
export const campaignBinding: AggregateBinding<CampaignCommand, CampaignEvent, CampaignState, undefined> = {
  kind: 'campaign',
  decider: campaignDecider,
  creates: new Set(['OpenCampaign']),
  ownerOf: (state) => (state.status === 'open' ? { cafCode: state.cafCode, operatorId: null } : null),
  ownerOfNew: (command) => ({
    cafCode: command.type === 'OpenCampaign' ? (command.data.parameters?.cafCode ?? null) : command.data.cafCode,
    operatorId: null,
  }),
  context: async () => provided(undefined),
};
