import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy, type EventStore, type StoredEvent, type Subscription } from '@clas/event-store';
import type { JsonLogger } from '@clas/runtime';
import { toMessage } from './event-message.js';
import { DEFAULT_FORBIDDEN_FIELDS, PersonalDataError, forbiddenFieldsOf } from './personal-data-guard.js';
import type { Publisher } from './publisher.port.js';
import type { RelayCheckpointStore } from './relay-checkpoint.js';

export const DEFAULT_TOPIC = 'clas.events.v1';

export type RelayLogger = Pick<JsonLogger, 'event'>;

export interface EventRelayOptions {
  store: EventStore;
  publisher: Publisher;
  checkpoints: RelayCheckpointStore;
  /** Checkpoint key: two relays to two topics keep two positions (default "kafka-relay"). */
  name?: string;
  topic?: string;
  /** Events per broker round trip (default 500). */
  batchSize?: number;
  /** How long a partial batch waits for more events before it is sent (default 50 ms). */
  lingerMs?: number;
  forbiddenFields?: readonly string[];
  /** Retry schedule while the broker refuses or is away. */
  backoff?: BackoffPolicy;
  logger?: RelayLogger;
}

const TIMEOUT = Symbol('timeout');

/**
 * Copies the event log to a broker, at least once, in log order:
 * read from the checkpoint → send a batch → await the broker's ack → save the checkpoint at the
 * batch's last position. A crash between ack and save re-sends that batch on restart (at most
 * one batch, plus nothing else), so consumers deduplicate by the `eventId` header. A failed send
 * is retried with backoff, never skipped. An event carrying personal data stops the relay
 * before it (logged): nothing after it is published until the event or the guard is fixed.
 */
export class EventRelay {
  readonly name: string;
  readonly topic: string;
  private readonly batchSize: number;
  private readonly lingerMs: number;
  private readonly forbidden: readonly string[];
  private readonly backoff: BackoffPolicy;
  private subscription: Subscription | null = null;
  private stopping = false;
  private wakeRetry: (() => void) | null = null;
  /** Events acknowledged by the broker since start. */
  published = 0;

  constructor(private readonly options: EventRelayOptions) {
    this.name = options.name ?? 'kafka-relay';
    this.topic = options.topic ?? DEFAULT_TOPIC;
    this.batchSize = options.batchSize ?? 500;
    this.lingerMs = options.lingerMs ?? 50;
    this.forbidden = options.forbiddenFields ?? DEFAULT_FORBIDDEN_FIELDS;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  /** Runs until stop() (resolves) or a refused event (rejects with PersonalDataError). */
  async run(): Promise<void> {
    const after = await this.options.checkpoints.load(this.name);
    this.log('relay.started', { relay: this.name, topic: this.topic, after });
    if (this.stopping) return;
    const subscription = this.options.store.subscribe({ after, pageSize: this.batchSize });
    this.subscription = subscription;
    const iterator = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<StoredEvent>> | null = null;
    let batch: StoredEvent[] = [];
    try {
      while (!this.stopping) {
        pending ??= iterator.next();
        const next = batch.length === 0 ? await pending : await this.within(pending, this.lingerMs);
        if (next === TIMEOUT) {
          await this.flush(batch);
          batch = [];
          continue;
        }
        pending = null;
        if (next.done === true) break;
        const event = next.value;
        const fields = forbiddenFieldsOf(event, this.forbidden);
        if (fields.length > 0) {
          // Everything before it still goes out; the refused event and what follows do not.
          await this.flush(batch);
          const error = new PersonalDataError(event, fields);
          this.log(
            'relay.refused',
            {
              relay: this.name,
              eventId: event.eventId,
              type: event.type,
              streamId: event.streamId,
              globalPosition: event.globalPosition,
              fields,
            },
            'error',
          );
          throw error;
        }
        batch.push(event);
        if (batch.length >= this.batchSize) {
          await this.flush(batch);
          batch = [];
        }
      }
      await this.flush(batch);
    } finally {
      await subscription.close();
      this.log('relay.stopped', { relay: this.name, published: this.published });
    }
  }

  /** Stops reading; a batch in flight is finished if the broker answers, else re-sent next run. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeRetry?.();
    await this.subscription?.close();
  }

  private async flush(batch: readonly StoredEvent[]): Promise<void> {
    if (batch.length === 0) return;
    const messages = batch.map((event) => toMessage(event, this.topic));
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.publisher.publish(messages);
        break;
      } catch (error) {
        // Stopping with an unacknowledged batch: leave the checkpoint, the next run re-sends it.
        if (this.stopping) return;
        const delayMs = backoffDelay(attempt, this.backoff);
        this.log(
          'relay.publish_failed',
          { relay: this.name, attempt, delayMs, events: batch.length, error: (error as Error).message },
          'warn',
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delayMs);
          this.wakeRetry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeRetry = null;
      }
    }
    const position = batch[batch.length - 1]!.globalPosition;
    await this.options.checkpoints.save(this.name, position);
    this.published += batch.length;
    this.log('relay.published', { relay: this.name, events: batch.length, checkpoint: position }, 'debug');
  }

  private async within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMEOUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMEOUT), ms);
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private log(msg: string, fields: Record<string, unknown>, level: 'log' | 'warn' | 'error' | 'debug' = 'log'): void {
    this.options.logger?.event(msg, fields, level);
  }
}
