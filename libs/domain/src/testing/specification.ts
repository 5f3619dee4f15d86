import { type Decider, foldEvents } from '../commands/command.js';
import type { Instant } from '../shared/calendar-date.js';
import type { Decision, Rejection } from '../shared/result.js';
import { assertPlainJson, canonical, fail } from './expectation.js';

/**
 * given(events) [/ receivedAt(instant)] / when(command, context) / then(events) | thenRejected(code, ruleId) for
 * deciders. Framework-free (libs/domain imports nothing outside itself): a failed expectation
 * throws an Error whose message shows both sides, which any test runner reports.
 */

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
