import type { ClasEvent, Decider, Rejection, StreamKind } from '@clas/domain';
import type { Scope } from '../authorization.js';
import type { ClasCommand } from '../clas-command.js';
import type { FactReader } from './fact-reader.js';

/** A fact the command needs is missing: the aggregate named (HTTP 404), or a business refusal (422). */
export type ContextFailure = { kind: 'not_found'; what: string; id: string } | { kind: 'rejected'; rejection: Rejection };

export type ContextResult<X> = { ok: true; context: X } | { ok: false; failure: ContextFailure };

export const provided = <X>(context: X): ContextResult<X> => ({ ok: true, context });
export const missing = (what: string, id: string): ContextResult<never> => ({ ok: false, failure: { kind: 'not_found', what, id } });

/** The aggregate a creating command is opened within (its operator, its project) and that aggregate's owner; null when it does not exist. */
export interface ResolvedOwner {
  what: string;
  id: string;
  owner: Scope | null;
}

/**
 * What the bus needs to know of one aggregate besides its decider: who owns an instance (for
 * authorization and metadata.caf), which commands may start its stream, and the facts from
 * other streams its decider needs (the context provider).
 */
export interface AggregateBinding<C extends ClasCommand, E extends ClasEvent, S, X> {
  kind: StreamKind;
  decider: Decider<C, E, S, X>;
  /** Commands that may be decided on an empty stream; any other command there is `not_found` (to a caller whose scope covers it). */
  creates: ReadonlySet<string>;
  /** Owner of an existing instance; null while the stream is empty. */
  ownerOf(state: S): Scope | null;
  /**
   * On an empty stream, the owner the command claims from its own data or stream id, without
   * reading anything: checked against the actor first (issue 11 §4). A non-creating command on a
   * stream whose id does not say its owner claims UNKNOWN_OWNER; null = the command claims
   * nothing but the aggregate it is opened within (a collectif: its project, see resolveOwner).
   * Malformed ids are an R-INPUT rejection, as in routing.
   */
  claimedOwner(command: C, streamId: string): Scope | null | Rejection;
  /**
   * A creating command's owner as the log knows it, read after the claim passed: a project's or
   * convention's operator with the Caf it is registered with, a collectif's project. Absent
   * when the command names no other aggregate: the claim is the owner (a campaign, an
   * operator's registration).
   */
  resolveOwner?(command: C, claimed: Scope | null, facts: FactReader): Promise<ResolvedOwner>;
  context(command: C, state: S, facts: FactReader): Promise<ContextResult<X>>;
}
