import type { WebhookEvent, WebhookEventType } from '../events/webhook.events.js';
import { assertNever } from '../shared/result.js';

export interface WebhookSubscriptionState {
  url: string;
  eventTypes: WebhookEventType[];
  active: boolean;
}

/** The subscriptions of one Caf; an ended one is kept so that its id is never reused for another URL. */
export type WebhooksState =
  { status: 'none' } | { status: 'open'; cafCode: string; subscriptions: Readonly<Record<string, WebhookSubscriptionState>> };

export const initialWebhooksState = (): WebhooksState => ({ status: 'none' });

export function evolveWebhooks(state: WebhooksState, event: WebhookEvent): WebhooksState {
  switch (event.type) {
    case 'WebhookSubscribed': {
      const { cafCode, subscriptionId, url, eventTypes } = event.data;
      const subscriptions = state.status === 'open' ? state.subscriptions : {};
      return { status: 'open', cafCode, subscriptions: { ...subscriptions, [subscriptionId]: { url, eventTypes, active: true } } };
    }
    case 'WebhookUnsubscribed': {
      if (state.status !== 'open') return state;
      const current = state.subscriptions[event.data.subscriptionId];
      if (!current) return state;
      return { ...state, subscriptions: { ...state.subscriptions, [event.data.subscriptionId]: { ...current, active: false } } };
    }
    default:
      return assertNever(event, 'webhook event');
  }
}
