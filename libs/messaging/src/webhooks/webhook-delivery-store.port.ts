import type { ActiveSubscription } from './webhook-subscriptions.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event to one subscription, queued durably before the dispatcher's checkpoint passes the event. */
export interface NewDelivery {
  subscriptionId: string;
  cafCode: string;
  url: string;
  eventId: string;
  eventType: string;
  streamId: string;
  globalPosition: number;
  /** The exact JSON body POSTed at every attempt. */
  body: string;
}

export interface DeliveryAttempt {
  attempt: number;
  attemptedAt: string;
  /** HTTP status of the answer; null when there was none (refused connection, timeout, no secret). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery extends NewDelivery {
  deliveryId: number;
  status: DeliveryStatus;
  attempts: number;
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface DeliveryWithAttempts extends Delivery {
  attemptLog: DeliveryAttempt[];
}

/** What one scan of the log produced: written in ONE transaction with the checkpoint (at-least-once). */
export interface IngestBatch {
  deliveries: NewDelivery[];
  changes: Array<{ subscribed: ActiveSubscription } | { unsubscribed: string }>;
  checkpoint: number;
}

/** Held by the one dispatcher of a delivery database; released at stop (or by the OS when the process dies). */
export interface DispatcherLock {
  readonly resource: string;
  release(): Promise<void>;
}

/**
 * The delivery log (issue 13 §4): the dispatcher's checkpoint and its fold of the subscriptions,
 * the queued deliveries with every attempt, and the subscriptions' secrets, which never enter
 * the event log.
 */
export interface WebhookDeliveryStore {
  /** Where it is (logged at start, secrets of a URL never). */
  readonly description: string;
  checkpoint(): Promise<number>;
  activeSubscriptions(): Promise<ActiveSubscription[]>;
  /** Queues the deliveries (an event already queued for a subscription is not queued twice), applies the changes, moves the checkpoint. */
  ingest(batch: IngestBatch, now: string): Promise<void>;
  /** Pending deliveries whose next attempt is due, oldest first. */
  due(now: string, limit: number): Promise<Delivery[]>;
  /** Logs an attempt and the delivery's new state (`nextAttemptAt` null unless still pending). */
  recordAttempt(
    deliveryId: number,
    attempt: DeliveryAttempt,
    outcome: { status: DeliveryStatus; nextAttemptAt: string | null },
  ): Promise<void>;
  /** Stores a subscription's secret once; false when one is already stored (rotating = a new subscription). */
  storeSecret(subscriptionId: string, secret: string, now: string): Promise<boolean>;
  secretOf(subscriptionId: string): Promise<string | null>;
  /** Newest first, with their attempts. */
  deliveriesOf(subscriptionId: string, limit: number): Promise<DeliveryWithAttempts[]>;
  /** Null when another dispatcher holds the database. */
  tryLock(): Promise<DispatcherLock | null>;
  close(): Promise<void>;
}
