import { WEBHOOK_EVENT_TYPES, type WebhookSubscribedData, type WebhookUnsubscribedData } from '@clas/domain';
import type { StoredEvent } from '@clas/event-store';

/** A subscription as the dispatcher knows it: folded from the log, in log order. */
export interface ActiveSubscription {
  subscriptionId: string;
  cafCode: string;
  url: string;
  eventTypes: readonly string[];
}

/** The event types the dispatcher reads: the subscriptions' own facts, then what they may subscribe to. */
export const WEBHOOK_LOG_TYPES: readonly string[] = Object.freeze(['WebhookSubscribed', 'WebhookUnsubscribed', ...WEBHOOK_EVENT_TYPES]);

const DELIVERABLE = new Set<string>(WEBHOOK_EVENT_TYPES);

/** The Caf an event belongs to: the bus stamps metadata.caf; every decision and payment also names it in its data. */
export function cafOf(event: StoredEvent): string | null {
  if (typeof event.metadata.caf === 'string') return event.metadata.caf;
  const data = event.data as { cafCode?: unknown } | null;
  return data !== null && typeof data === 'object' && typeof data.cafCode === 'string' ? data.cafCode : null;
}

/**
 * The active subscriptions at a position of the log. Folded in the same order as the events it
 * is matched against, so an event goes to the subscriptions recorded before it — not to one
 * made later (it did not ask for the past), nor to one ended before it.
 */
export class SubscriptionSet {
  private readonly byId = new Map<string, ActiveSubscription>();

  constructor(initial: readonly ActiveSubscription[] = []) {
    for (const s of initial) this.byId.set(s.subscriptionId, s);
  }

  /** Applies a subscription fact; returns the change to persist beside the checkpoint, or null for any other event. */
  apply(event: StoredEvent): { subscribed: ActiveSubscription } | { unsubscribed: string } | null {
    if (event.type === 'WebhookSubscribed') {
      const d = event.data as WebhookSubscribedData;
      const subscribed = { subscriptionId: d.subscriptionId, cafCode: d.cafCode, url: d.url, eventTypes: [...d.eventTypes] };
      this.byId.set(d.subscriptionId, subscribed);
      return { subscribed };
    }
    if (event.type === 'WebhookUnsubscribed') {
      const d = event.data as WebhookUnsubscribedData;
      this.byId.delete(d.subscriptionId);
      return { unsubscribed: d.subscriptionId };
    }
    return null;
  }

  /** The subscriptions an event is delivered to: of its Caf, for its type; none for any type outside the closed list. */
  match(event: StoredEvent): ActiveSubscription[] {
    if (!DELIVERABLE.has(event.type)) return [];
    const caf = cafOf(event);
    if (caf === null) return [];
    return [...this.byId.values()].filter((s) => s.cafCode === caf && s.eventTypes.includes(event.type));
  }

  get size(): number {
    return this.byId.size;
  }
}

/** The body POSTed: the envelope's public part, without metadata (actor ids and command fingerprints stay inside). */
export function webhookBody(event: StoredEvent): string {
  return JSON.stringify({
    eventId: event.eventId,
    type: event.type,
    streamId: event.streamId,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    data: event.data,
  });
}
