import type { ClasEvent, Rejection } from '@clas/domain';
import { type Scope, UNKNOWN_OWNER, authorizeScope } from '../authorization.js';
import type { ClasCommand } from '../clas-command.js';
import type { Actor, CommandOutcome } from '../command-bus.port.js';
import type { AggregateBinding } from '../context/aggregate-binding.js';
import type { FactReader } from '../context/fact-reader.js';

const rejected = (rejection: Rejection): CommandOutcome => ({ ok: false, kind: 'rejected', rejection });

/** One wording whether the aggregate belongs to another or does not exist at all: the refusal names the actor's scope only (issue 11 §4). */
export const outOfScope = (what: string, id: string, reason: string): CommandOutcome => ({
  ok: false,
  kind: 'forbidden',
  reason: `${what} ${id} is not within the actor's scope: ${reason}`,
});

const isRejection = (value: object): value is Rejection => 'ruleId' in value;

/**
 * The owner of the aggregate an empty stream would hold, checked in this order: the owner the
 * command claims (no read) → is the stream one the command may open (else not_found, told
 * only to a caller whose scope covers the claim) → the owner as the log knows it (the
 * operator's registration, the collectif's project: a missing one is a 403 to every scoped
 * caller, as for another's, and a 404 to `system` only) → the claimed Caf is that owner's.
 */
export async function ownerOfNew<C extends ClasCommand, E extends ClasEvent, S, X>(
  binding: AggregateBinding<C, E, S, X>,
  command: C,
  streamId: string,
  actor: Actor,
  facts: FactReader,
): Promise<{ owner: Scope } | { outcome: CommandOutcome }> {
  const id = streamId.slice(binding.kind.length + 1);
  const claimed = binding.claimedOwner(command, streamId);
  if (claimed !== null && isRejection(claimed)) return { outcome: rejected(claimed) };
  if (claimed !== null) {
    const scope = authorizeScope(actor, claimed);
    if (!scope.ok) return { outcome: outOfScope(binding.kind, id, scope.reason) };
  }
  if (!binding.creates.has(command.type)) return { outcome: { ok: false, kind: 'not_found', what: binding.kind, id } };
  if (!binding.resolveOwner) {
    if (claimed === null) throw new Error(`${binding.kind}: ${command.type} claims no owner and resolves none`);
    return { owner: claimed };
  }
  const resolved = await binding.resolveOwner(command, claimed, facts);
  if (resolved.owner === null) {
    const everywhere = authorizeScope(actor, UNKNOWN_OWNER);
    return {
      outcome: everywhere.ok
        ? { ok: false, kind: 'not_found', what: resolved.what, id: resolved.id }
        : outOfScope(resolved.what, resolved.id, everywhere.reason),
    };
  }
  const scope = authorizeScope(actor, resolved.owner);
  if (!scope.ok) return { outcome: outOfScope(resolved.what, resolved.id, scope.reason) };
  if (claimed !== null && claimed.cafCode !== resolved.owner.cafCode) {
    return {
      outcome: rejected({
        code: 'OPERATOR_OF_ANOTHER_CAF',
        ruleId: 'R-SCOPE',
        message: `cafCode: operator ${resolved.owner.operatorId} is registered with Caf ${resolved.owner.cafCode}, not ${claimed.cafCode}`,
        details: {
          field: 'cafCode',
          operatorId: resolved.owner.operatorId,
          cafCode: claimed.cafCode,
          registeredCafCode: resolved.owner.cafCode,
        },
      }),
    };
  }
  return { owner: resolved.owner };
}
