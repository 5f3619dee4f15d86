import type { EventStore } from '@clas/event-store';
import type { JsonLogger } from '@clas/runtime';
import type { Delivery, DispatcherLock, IngestBatch, NewDelivery, WebhookDeliveryStore } from './webhook-delivery-store.port.js';
import { DEFAULT_WEBHOOK_RETRY, type WebhookRetryPolicy, checkRetryPolicy, retryDelayMs } from './webhook-retry.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './webhook-signature.js';
import { SubscriptionSet, WEBHOOK_LOG_TYPES, webhookBody } from './webhook-subscriptions.js';

export type WebhookLogger = Pick<JsonLogger, 'event'>;

export interface WebhookDispatcherOptions {
  store: Pick<EventStore, 'readAllPage'>;
  deliveries: WebhookDeliveryStore;
  retry?: WebhookRetryPolicy;
  /** Pause between scans when there was nothing to do (ms, default 1000). */
  pollMs?: number;
  /** Events read per page of the log (default 500). */
  pageSize?: number;
  /** Deliveries attempted per round, and at most this many requests at once (default 8). */
  concurrency?: number;
  /** A receiver that has not answered by then has failed this attempt (ms, default 10 000). */
  requestTimeoutMs?: number;
  /** The clock of next attempts and of the log (default the system's). */
  now?: () => Date;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
  logger?: WebhookLogger;
}

export interface DispatchRound {
  /** Deliveries queued by this round's scan of the log. */
  queued: number;
  /** Attempts made, and how many of them were answered 2xx. */
  attempted: number;
  delivered: number;
}

/**
 * Tells other systems of the Caf's decisions and payments (issue 13 §4), at least once:
 * 1. scan the log from the checkpoint (subscription facts and deliverable types only), fold the
 *    subscriptions in log order, match each decision or payment to those of its Caf, and queue
 *    the deliveries in the delivery log — in the SAME transaction that moves the checkpoint, so an
 *    event is never passed over without its deliveries being queued;
 * 2. POST the due deliveries, signed; a 2xx is delivered, anything else (another status, a
 *    redirect, no answer, no secret) an attempt logged and retried with backoff until the policy
 *    gives up (`failed`). A crash between a 2xx and its record re-sends that delivery once:
 *    receivers de-duplicate on X-Clas-Event-Id.
 * Only the holder of the delivery database's lock dispatches; another API process stands by.
 */
export class WebhookDispatcher {
  private readonly retry: WebhookRetryPolicy;
  private readonly pollMs: number;
  private readonly pageSize: number;
  private readonly concurrency: number;
  private readonly requestTimeoutMs: number;
  private readonly now: () => Date;
  private readonly random: () => number;
  private subscriptions: SubscriptionSet | null = null;
  private checkpoint = 0;
  private lock: DispatcherLock | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private standbyLogged = false;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.retry = options.retry ?? DEFAULT_WEBHOOK_RETRY;
    checkRetryPolicy(this.retry);
    this.pollMs = options.pollMs ?? 1_000;
    this.pageSize = options.pageSize ?? 500;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  /** Runs until stop(): takes the lock (or waits for it), then scans and delivers every pollMs. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Waits for the round in progress, then releases the lock: nothing is cut in the middle of a write. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
    await this.lock?.release();
    this.lock = null;
    this.subscriptions = null;
  }

  /** Whether this process dispatches (holds the delivery database's lock). */
  get active(): boolean {
    return this.lock !== null;
  }

  /** One round: takes the lock if free, scans the log, attempts what is due. Null when another dispatcher holds the lock. */
  async runOnce(): Promise<DispatchRound | null> {
    if (!(await this.acquire())) return null;
    const queued = await this.ingest();
    const { attempted, delivered } = await this.deliverDue();
    return { queued, attempted, delivered };
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        const round = await this.runOnce();
        busy = round !== null && (round.queued > 0 || round.attempted >= this.concurrency);
      } catch (error) {
        this.options.logger?.event('webhook dispatch failed', { error: (error as Error).message }, 'error');
      }
      if (!busy && !this.stopping) await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async acquire(): Promise<boolean> {
    if (this.lock) return true;
    const lock = await this.options.deliveries.tryLock();
    if (lock === null) {
      if (!this.standbyLogged)
        this.options.logger?.event('webhook dispatcher standing by', { reason: 'another process dispatches this delivery database' });
      this.standbyLogged = true;
      return false;
    }
    this.lock = lock;
    // The state is read under the lock: another dispatcher may have moved it before we took over.
    this.checkpoint = await this.options.deliveries.checkpoint();
    this.subscriptions = new SubscriptionSet(await this.options.deliveries.activeSubscriptions());
    this.options.logger?.event('webhook dispatcher active', {
      deliveries: this.options.deliveries.description,
      lock: lock.resource,
      checkpoint: this.checkpoint,
      subscriptions: this.subscriptions.size,
    });
    return true;
  }

  private async ingest(): Promise<number> {
    const subscriptions = this.subscriptions!;
    let queued = 0;
    for (;;) {
      const page = await this.options.store.readAllPage({
        after: this.checkpoint,
        types: WEBHOOK_LOG_TYPES,
        limit: this.pageSize,
        pageSize: this.pageSize,
      });
      if (page.nextAfter <= this.checkpoint) return queued;
      const batch: IngestBatch = { deliveries: [], changes: [], checkpoint: page.nextAfter };
      for (const event of page.events) {
        const change = subscriptions.apply(event);
        if (change) {
          batch.changes.push(change);
          continue;
        }
        for (const s of subscriptions.match(event)) {
          const delivery: NewDelivery = {
            subscriptionId: s.subscriptionId,
            cafCode: s.cafCode,
            url: s.url,
            eventId: event.eventId,
            eventType: event.type,
            streamId: event.streamId,
            globalPosition: event.globalPosition,
            body: webhookBody(event),
          };
          batch.deliveries.push(delivery);
        }
      }
      await this.options.deliveries.ingest(batch, this.now().toISOString());
      this.checkpoint = batch.checkpoint;
      queued += batch.deliveries.length;
      if (page.isEnd) return queued;
    }
  }

  private async deliverDue(): Promise<{ attempted: number; delivered: number }> {
    const due = await this.options.deliveries.due(this.now().toISOString(), this.concurrency);
    const results = await Promise.all(due.map((d) => this.attempt(d)));
    return { attempted: due.length, delivered: results.filter(Boolean).length };
  }

  /** One attempt, logged whatever happens; true when delivered. */
  private async attempt(delivery: Delivery): Promise<boolean> {
    const attempt = delivery.attempts + 1;
    const started = this.now();
    const startedMs = performance.now();
    const secret = await this.options.deliveries.secretOf(delivery.subscriptionId);
    let statusCode: number | null = null;
    let error: string | null = null;
    if (secret === null) {
      // The API stores the secret right after the subscription is recorded; a delivery database
      // replaced or restored without its secrets cannot sign, and an unsigned delivery would be
      // worthless to the receiver: the subscription must be replaced (a new id gets a new secret).
      error = `no secret is stored for subscription ${delivery.subscriptionId} in this delivery database: deliveries cannot be signed (subscribe again to get a new secret)`;
    } else {
      const timestamp = String(Math.floor(started.getTime() / 1000));
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          body: delivery.body,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'clas-webhooks/1',
            [EVENT_ID_HEADER]: delivery.eventId,
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, delivery.body),
          },
          // A redirect is not an acknowledgement, and following it would send the signed body elsewhere.
          redirect: 'manual',
          signal: AbortSignal.timeout(this.requestTimeoutMs),
        });
        statusCode = response.status;
        // The answer's body is not read into the log (it is the receiver's, of any size); drained to free the socket.
        await response.body?.cancel().catch(() => undefined);
        if (statusCode < 200 || statusCode > 299) error = `answered HTTP ${statusCode}`;
      } catch (failure) {
        const cause = (failure as { cause?: { code?: string; message?: string } }).cause;
        error =
          (failure as Error).name === 'TimeoutError'
            ? `no answer within ${this.requestTimeoutMs} ms`
            : (cause?.code ?? cause?.message ?? (failure as Error).message);
      }
    }
    const delivered = error === null;
    const delay = delivered ? null : retryDelayMs(this.retry, attempt, this.random());
    const status = delivered ? 'delivered' : delay === null ? 'failed' : 'pending';
    await this.options.deliveries.recordAttempt(
      delivery.deliveryId,
      { attempt, attemptedAt: started.toISOString(), statusCode, error, durationMs: Math.round(performance.now() - startedMs) },
      { status, nextAttemptAt: delay === null ? null : new Date(this.now().getTime() + delay).toISOString() },
    );
    if (status === 'failed')
      this.options.logger?.event(
        'webhook delivery failed',
        { deliveryId: delivery.deliveryId, subscriptionId: delivery.subscriptionId, eventId: delivery.eventId, attempts: attempt, error },
        'warn',
      );
    return delivered;
  }
}
