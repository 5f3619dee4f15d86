import type { ClasEvent } from '../events/catalogue.js';
import { factNotYetHappened } from '../events/facts-known-after.js';
import { type Instant, isInstant } from '../shared/calendar-date.js';
import type { Decision } from '../shared/result.js';

/**
 * A command: what someone asks the domain to record. `occurredAt` is the business time the
 * command states (the filing instant, the session's time, the committee meeting…); it becomes
 * the event's occurredAt. It is the caller's word: no deadline is judged on it (R-LIFE-RECEIPT),
 * and for a fact known only after it happens it may not lie after the reception (R-FACT-PAST).
 * The actor is not the domain's concern (it goes into metadata).
 */
export interface Command<T extends string, D> {
  readonly type: T;
  /** Idempotency key: a retried command is a no-op at the store. */
  readonly commandId: string;
  readonly occurredAt: Instant;
  readonly data: D;
}

/**
 * A decider (decide/evolve over plain discriminated unions). `decide` is pure: everything it
 * knows of other streams comes in `context`, filled by the application layer, and the time it
 * judges on is `receivedAt`, the instant the Caf received the command (the store's clock, given
 * by the command bus; never a date the caller declares: R-LIFE-RECEIPT, R-FACT-PAST).
 */
export interface Decider<C, E, S, X> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, context: X, receivedAt: Instant): Decision<E>;
}

/**
 * Every aggregate decides through this: the reception instant is checked (a missing one is a
 * wiring bug, so it throws), then R-FACT-PAST refuses a decision that would record a fact
 * stated after that instant (FACTS_KNOWN_AFTER_THEY_HAPPEN), so nothing of it is appended.
 */
export function decideOnReception<E extends ClasEvent>(
  commandType: string,
  receivedAt: Instant,
  decide: (receivedAt: Instant) => Decision<E>,
): Decision<E> {
  if (!isInstant(receivedAt))
    throw new Error(`${commandType}: the reception instant must be given by the caller (got ${String(receivedAt)})`);
  const decision = decide(receivedAt);
  if (!decision.ok) return decision;
  const notYet = factNotYetHappened(decision.events, receivedAt);
  return notYet ? { ok: false, rejection: notYet } : decision;
}

/** Tells a decision (usually a rejection) from the value a guard returns when all is well. */
export function isDecision<E>(value: object): value is Decision<E> {
  return 'ok' in value;
}

/** Folds a stream's past events into the decider's state. */
export function foldEvents<C, E, S, X>(decider: Decider<C, E, S, X>, events: readonly E[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

/**
 * A fact the caller had to provide was missing: a wiring bug of the application layer, not a
 * business outcome, so it throws (expected failures are Rejections; unexpected ones throw).
 */
export function requireContext<T>(value: T | undefined, name: string, command: string): T {
  if (value === undefined) throw new Error(`${command}: context.${name} must be provided by the caller`);
  return value;
}
