import { type WebhookCommand, type WebhookEvent, type WebhooksState, webhooksDecider } from '@clas/domain';
import { type AggregateBinding, provided } from './aggregate-binding.js';

/** `webhooks-<caf>`: the webhook decider needs no other stream. */
export const webhooksBinding: AggregateBinding<WebhookCommand, WebhookEvent, WebhooksState, undefined> = {
  kind: 'webhooks',
  decider: webhooksDecider,
  creates: new Set(['SubscribeWebhook']),
  ownerOf: (state) => (state.status === 'open' ? { cafCode: state.cafCode, operatorId: null } : null),
  // The Caf is in the stream id (routing checked it): its agents only, like a campaign.
  claimedOwner: (command) => ({ cafCode: command.data.cafCode, operatorId: null }),
  context: async () => provided(undefined),
};
