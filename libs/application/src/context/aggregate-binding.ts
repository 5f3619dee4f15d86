import type { ClasEvent, Decider, Rejection, StreamKind } from '@clas/domain';
import type { Scope } from '../authorization.js';
import type { ClasCommand } from '../clas-command.js';
import type { FactReader } from './fact-reader.js';

/** A fact the command needs is missing: the aggregate named (HTTP 404), or a business refusal (422). */
export type ContextFailure = { kind: 'not_found'; what: string; id: string } | { kind: 'rejected'; rejection: Rejection };

export type ContextResult<X> = { ok: true; context: X } | { ok: false; failure: ContextFailure };

export const provided = <X>(context: X): ContextResult<X> => ({ ok: true, context });
export const missing = (what: string, id: string): ContextResult<never> => ({ ok: false, failure: { kind: 'not_found', what, id } });

/**
 * What the bus needs to know of one aggregate besides its decider: who owns an instance (for
 * authorization and metadata.caf), which commands may start its stream, and the facts from
 * other streams its decider needs (the context provider).
 */
export interface AggregateBinding<C extends ClasCommand, E extends ClasEvent, S, X> {
  kind: StreamKind;
  decider: Decider<C, E, S, X>;
  /** Commands that may be decided on an empty stream; any other command there is `not_found`. */
  creates: ReadonlySet<string>;
  /** Owner of an existing instance; null while the stream is empty. */
  ownerOf(state: S): Scope | null;
  /** Owner of the instance a creating command would start, from the command (or the context it needed). */
  ownerOfNew(command: C, context: X): Scope;
  context(command: C, state: S, facts: FactReader): Promise<ContextResult<X>>;
}
