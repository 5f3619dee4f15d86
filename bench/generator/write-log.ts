import type { Clock, EventStore } from '@clas/event-store';
import { estimateEvents, nationalLog, type NationalLogOptions } from './national-log.js';

/** The store's clock during generation: each append is recorded at its generated recordedAt. */
export class SettableClock implements Clock {
  private current = new Date(0);
  now(): Date {
    return this.current;
  }
  set(instant: string): void {
    this.current = new Date(instant);
  }
}

export interface WriteProgress {
  events: number;
  appends: number;
  estimatedEvents: number;
  elapsedMs: number;
}

export interface WriteResult {
  events: number;
  appends: number;
  elapsedMs: number;
  /** Last recordedAt written: "now" of the generated world. */
  lastRecordedAt: string;
}

/**
 * Writes a generated log through the event store port, one append per generated append
 * (a collectif's week, a project's decision…), with the store's clock set to its recordedAt.
 * The store must have been created with `clock` (SqliteEventStore / PostgresEventStore accept one).
 */
export async function writeNationalLog(
  store: EventStore,
  clock: SettableClock,
  options: NationalLogOptions = {},
  onProgress: (progress: WriteProgress) => void = () => undefined,
): Promise<WriteResult> {
  const started = performance.now();
  const estimatedEvents = estimateEvents(options);
  let events = 0;
  let appends = 0;
  let lastRecordedAt = '';
  let lastReport = 0;
  for (const append of nationalLog(options)) {
    clock.set(append.recordedAt);
    await store.append(append.streamId, append.events, 'any');
    events += append.events.length;
    appends++;
    lastRecordedAt = append.recordedAt;
    const now = performance.now();
    if (now - lastReport > 500) {
      lastReport = now;
      onProgress({ events, appends, estimatedEvents, elapsedMs: now - started });
    }
  }
  const elapsedMs = performance.now() - started;
  onProgress({ events, appends, estimatedEvents, elapsedMs });
  return { events, appends, elapsedMs, lastRecordedAt };
}
