import { type Decider, decideOnReception } from '../commands/command.js';
import { checkCommandEnvelope, invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { WebhookEvent } from '../events/webhook.events.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, assertNever } from '../shared/result.js';
import type { SubscribeWebhook, UnsubscribeWebhook, WebhookCommand } from './webhook.commands.js';
import type { WebhooksState } from './webhook.state.js';
import { initialWebhooksState, evolveWebhooks } from './webhook.state.js';

function subscribe(command: SubscribeWebhook, state: WebhooksState): Decision<WebhookEvent> {
  const d = command.data;
  // An id names one URL for good: the delivery log and the secret are keyed by it (rotating = a new id).
  if (state.status === 'open' && state.subscriptions[d.subscriptionId])
    return rejectWith(invalid('subscriptionId', 'is already used by a subscription of this Caf', { subscriptionId: d.subscriptionId }));
  return accept(
    makeEvent(
      'WebhookSubscribed',
      {
        cafCode: d.cafCode,
        subscriptionId: d.subscriptionId,
        url: d.url,
        eventTypes: d.eventTypes,
        subscribedOn: parisDateOf(command.occurredAt),
      },
      command.occurredAt,
    ),
  );
}

function unsubscribe(command: UnsubscribeWebhook, state: WebhooksState): Decision<WebhookEvent> {
  const d = command.data;
  const current = state.status === 'open' ? state.subscriptions[d.subscriptionId] : undefined;
  if (!current || !current.active)
    return rejectWith(invalid('subscriptionId', 'names no active subscription of this Caf', { subscriptionId: d.subscriptionId }));
  return accept(
    makeEvent(
      'WebhookUnsubscribed',
      { cafCode: d.cafCode, subscriptionId: d.subscriptionId, unsubscribedOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

export function decideWebhooks(command: WebhookCommand, state: WebhooksState): Decision<WebhookEvent> {
  const problem = checkCommandEnvelope(command);
  if (problem) return rejectWith(problem);
  switch (command.type) {
    case 'SubscribeWebhook':
      return subscribe(command, state);
    case 'UnsubscribeWebhook':
      return unsubscribe(command, state);
    default:
      return assertNever(command, 'webhook command');
  }
}

/** Stream `webhooks-<caf>`. Needs no facts from other streams. */
export const webhooksDecider: Decider<WebhookCommand, WebhookEvent, WebhooksState, undefined> = {
  initialState: initialWebhooksState,
  evolve: evolveWebhooks,
  decide: (command, state, _context, receivedAt) => decideOnReception(command.type, receivedAt, () => decideWebhooks(command, state)),
};
