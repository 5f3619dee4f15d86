import type { WebhookEventType, WebhookSubscribedData, WebhookUnsubscribedData } from '@clas/domain';
import type { DeliveryStatus, DeliveryWithAttempts } from '@clas/messaging';
import type { StoredEvent } from '@clas/event-store';
import type { CommandAccepted } from '../commands/command-accepted.js';

/**
 * The answer to a new subscription: the command's, with the secret its deliveries are signed
 * with. Sent once, in the 201 only: a retry of the same command (200) does not repeat it, and
 * the secret is in no event, so a lost secret means a new subscription (rotation).
 */
export type WebhookSubscriptionAccepted = CommandAccepted & {
  /** HMAC-SHA256 key of X-Clas-Signature (64 hex digits); only in the 201. */
  secret?: string;
};

export interface WebhookSubscriptionView {
  subscriptionId: string;
  url: string;
  eventTypes: WebhookEventType[];
  active: boolean;
  /** When the subscription was recorded (recordedAt) and by whom (the actor id of the log). */
  subscribedAt: string;
  subscribedBy: string;
  unsubscribedAt: string | null;
  unsubscribedBy: string | null;
  /** False when the delivery database holds no secret for it: its deliveries fail (README "Webhooks"). */
  secretStored: boolean;
}

/** GET /cafs/:cafCode/webhooks: the Caf's subscriptions as the log records them, oldest first. */
export interface WebhookSubscriptionsAnswer {
  cafCode: string;
  subscriptions: WebhookSubscriptionView[];
}

export interface WebhookAttemptView {
  attempt: number;
  attemptedAt: string;
  /** Null when there was no HTTP answer (refused, timed out, no secret to sign with). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDeliveryView {
  deliveryId: number;
  eventId: string;
  eventType: string;
  streamId: string;
  globalPosition: number;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  /** Null once delivered or failed. */
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  attemptLog: WebhookAttemptView[];
}

/** GET /cafs/:cafCode/webhooks/:subscriptionId/deliveries: the delivery log, newest first. */
export interface WebhookDeliveriesAnswer {
  cafCode: string;
  subscriptionId: string;
  deliveries: WebhookDeliveryView[];
}

/** The subscriptions of the stream `webhooks-<caf>`, with who and when from the envelope. */
export function subscriptionViews(events: readonly StoredEvent[]): Omit<WebhookSubscriptionView, 'secretStored'>[] {
  const views = new Map<string, Omit<WebhookSubscriptionView, 'secretStored'>>();
  for (const event of events) {
    if (event.type === 'WebhookSubscribed') {
      const d = event.data as WebhookSubscribedData;
      views.set(d.subscriptionId, {
        subscriptionId: d.subscriptionId,
        url: d.url,
        eventTypes: d.eventTypes,
        active: true,
        subscribedAt: event.recordedAt,
        subscribedBy: event.metadata.actor,
        unsubscribedAt: null,
        unsubscribedBy: null,
      });
    } else if (event.type === 'WebhookUnsubscribed') {
      const view = views.get((event.data as WebhookUnsubscribedData).subscriptionId);
      if (view) Object.assign(view, { active: false, unsubscribedAt: event.recordedAt, unsubscribedBy: event.metadata.actor });
    }
  }
  return [...views.values()];
}

/** The stored delivery without its body (the event's data, which GET /feed already serves to whom may read it). */
export function deliveryView(d: DeliveryWithAttempts): WebhookDeliveryView {
  return {
    deliveryId: d.deliveryId,
    eventId: d.eventId,
    eventType: d.eventType,
    streamId: d.streamId,
    globalPosition: d.globalPosition,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt,
    deliveredAt: d.deliveredAt,
    attemptLog: d.attemptLog,
  };
}
