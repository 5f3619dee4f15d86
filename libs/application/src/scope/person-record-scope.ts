import { isAggregateId, operatorDecider, operatorStreamId } from '@clas/domain';
import type { EventStore } from '@clas/event-store';
import { type Scope, authorizeScope } from '../authorization.js';
import type { Actor } from '../command-bus.port.js';
import { loadAggregate } from '../stream-fold.js';
import { type PersonClaim, claimFits } from './person-claims.js';
import type { PersonDirectory } from './person-directory.js';

/** The scope and kind a personal-data record gives a person id. */
export interface PersonRecordClaim extends PersonClaim {
  kind: 'child' | 'parent' | 'staff';
}

export type PersonRecordDecision =
  { ok: true } | { ok: false; status: 403; reason: string } | { ok: false; status: 400; field: string; message: string };

const ALLOWED: PersonRecordDecision = { ok: true };
const refuse = (reason: string): PersonRecordDecision => ({ ok: false, status: 403, reason });

/**
 * Who may write the personal-data record of a person id (issue 11 §4): records are tied to
 * the ids the log uses and to their owner's scope.
 * - the record's scope is the actor's: a Caf agent writes in its Caf, an operator for itself;
 * - the operator it names is registered with the record's Caf (an agent cannot name another
 *   Caf's operator; an unknown operator gets the same refusal);
 * - an existing record stays with its scope (another's cannot be overwritten);
 * - an id the log already names belongs to the operator whose event first named it: the
 *   record must be in that operator's scope (its Caf; that operator, or the Caf alone) and
 *   say the same kind of person;
 * - an id the log does not name yet is reserved by the record for its scope: the bus then
 *   refuses another operator's enrolment or assignment of it (R-SCOPE) rather than letting it
 *   take the record over.
 */
export class PersonRecordScope {
  constructor(
    private readonly store: EventStore,
    private readonly persons: PersonDirectory,
  ) {}

  async check(actor: Actor, personId: string, record: PersonRecordClaim, existing: PersonClaim | null): Promise<PersonRecordDecision> {
    const own = authorizeScope(actor, record);
    if (!own.ok) return refuse(own.reason);
    if (existing !== null) {
      const kept = authorizeScope(actor, existing);
      if (!kept.ok) return refuse(`the record of ${personId} is not within the actor's scope: ${kept.reason}`);
    }
    if (record.operatorId !== null && !(await this.registeredWith(record.operatorId, record.cafCode))) {
      return refuse(`operator ${record.operatorId} is not an operator of Caf ${record.cafCode}`);
    }
    const owner = await this.persons.ownerOf(personId);
    if (owner === null) return ALLOWED;
    const ownerScope: Scope = { cafCode: owner.cafCode, operatorId: owner.operatorId };
    if (!claimFits(record, ownerScope)) return refuse(`${personId} is the id of a person of another operator or Caf`);
    if (owner.kind !== record.kind)
      return { ok: false, status: 400, field: 'kind', message: `${personId} is a ${owner.kind} in the event log` };
    return ALLOWED;
  }

  private async registeredWith(operatorId: string, cafCode: string): Promise<boolean> {
    if (!isAggregateId(operatorId)) return false;
    const { state } = await loadAggregate(this.store, operatorDecider, operatorStreamId(operatorId));
    return state.status === 'registered' && state.cafCode === cafCode;
  }
}
