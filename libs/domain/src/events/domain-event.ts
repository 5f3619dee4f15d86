import type { Instant } from '../shared/calendar-date.js';

/**
 * A domain event as a decider emits it and as `evolve` folds it: plain JSON, dispatched on
 * `type` (never on a class). It is a `PendingEvent` (shared/recorded-event.ts); a stored
 * `RecordedEvent` whose type has been checked with `isClasEvent` also fits it.
 * `occurredAt` is when it happened in the world (an ISO instant the command states).
 */
export interface DomainEvent<T extends string, D, V extends number = 1> {
  readonly type: T;
  readonly schemaVersion: V;
  readonly data: D;
  readonly occurredAt: Instant;
}
