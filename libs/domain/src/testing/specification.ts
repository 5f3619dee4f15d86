import { type Decider, foldEvents } from '../commands/command.js';
import type { Instant } from '../shared/calendar-date.js';
import type { Decision, Rejection } from '../shared/result.js';

/**
 * given(events) [/ receivedAt(instant)] / when(command, context) / then(events) | thenRejected(code, ruleId) for
 * deciders. Framework-free (libs/domain imports nothing outside itself): a failed expectation
 * throws an Error whose message shows both sides, which any test runner reports.
 */

/** JSON with object keys sorted, so equality ignores key order but nothing else. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function fail(message: string, expected: unknown, actual: unknown): never {
  throw new Error(`${message}\n  expected: ${canonical(expected)}\n  actual:   ${canonical(actual)}`);
}

/** Events are stored as JSON: an event that does not survive a JSON round trip unchanged is a bug. */
function assertPlainJson(events: readonly unknown[]): void {
  for (const event of events) {
    const roundTrip: unknown = JSON.parse(JSON.stringify(event));
    if (canonical(roundTrip) !== canonical(event) || hasUndefined(event)) fail('event is not plain JSON (undefined, Date or class instance inside)', roundTrip, event);
  }
}

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (value && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) return true;
    return Object.values(value).some(hasUndefined);
  }
  return false;
}

export interface Outcome<E> {
  readonly decision: Decision<E>;
  /** The command is accepted and produces exactly these events (deep equality, key order ignored). */
  then(expected: readonly E[]): void;
  /** The command is accepted; returns its events for finer assertions. */
  thenAccepted(): E[];
  /** The command is rejected with this code and rule id; returns the rejection for finer assertions. */
  thenRejected(code: string, ruleId: string): Rejection;
}

export interface Given<C, E, S, X> {
  readonly state: S;
  /** The instant the Caf receives the command (the store's clock in production); default: the command's occurredAt. */
  receivedAt(instant: Instant): Given<C, E, S, X>;
  when(command: C, ...context: undefined extends X ? [X?] : [X]): Outcome<E>;
}

export function specification<C extends { occurredAt: Instant }, E, S, X>(decider: Decider<C, E, S, X>) {
  function given(state: S, receivedAt: Instant | null): Given<C, E, S, X> {
    return {
      state,
      receivedAt: (instant) => given(state, instant),
      when(command: C, ...context: undefined extends X ? [X?] : [X]): Outcome<E> {
        return outcomeOf(decider.decide(command, state, context[0] as X, receivedAt ?? command.occurredAt));
      },
    };
  }
  return {
    given(events: readonly E[] = []): Given<C, E, S, X> {
      return given(foldEvents(decider, events), null);
    },
  };
}

function outcomeOf<E>(decision: Decision<E>): Outcome<E> {
  const accepted = (): E[] => {
    if (!decision.ok) fail('expected the command to be accepted, it was rejected', 'accepted', decision.rejection);
    assertPlainJson(decision.events);
    return decision.events;
  };
  return {
    decision,
    then(expected) {
      const events = accepted();
      if (canonical(events) !== canonical(expected)) fail('unexpected events', expected, events);
    },
    thenAccepted: accepted,
    thenRejected(code, ruleId) {
      if (decision.ok) fail('expected a rejection, the command was accepted', { code, ruleId }, decision.events);
      const { rejection } = decision;
      if (rejection.code !== code || rejection.ruleId !== ruleId) fail('unexpected rejection', { code, ruleId }, rejection);
      return rejection;
    },
  };
}
