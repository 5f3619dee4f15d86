import { PERSON_CLAIM_EVENT_TYPES, type PersonIdKind, personClaimOf } from '@clas/domain';
import { type EventStore, LogFollower, type StoredEvent } from '@clas/event-store';

/** The operator (and so the Caf) a person id of the log belongs to. */
export interface PersonOwner {
  personId: string;
  kind: PersonIdKind;
  operatorId: string;
  cafCode: string;
}

/**
 * Which operator each person id of the log belongs to (issue 11 §4, R-SCOPE). The first event
 * that claims an id — an enrolment, a staff assignment, a coordinator's appointment: the
 * catalogue's `personClaim` entries — makes it its operator's for good: the bus refuses
 * another operator's later claim, so a second owner could only come from a log written
 * around the bus, and the first one still wins here.
 *
 * Kept in memory and caught up from the store before each answer (read-your-writes), like the
 * in-memory stream directory; owners are interned, so an id costs one map entry.
 */
export class PersonDirectory {
  private readonly follower: LogFollower;
  private readonly owners: Array<Omit<PersonOwner, 'personId'>> = [];
  private readonly ownerIndex = new Map<string, number>();
  private readonly persons = new Map<string, number>();

  constructor(store: EventStore, pageSize = 1000) {
    this.follower = new LogFollower(store, PERSON_CLAIM_EVENT_TYPES, (event) => this.add(event), pageSize);
  }

  /** The owner of a person id named by the log; null when no event claims it. */
  async ownerOf(personId: string): Promise<PersonOwner | null> {
    await this.catchUp();
    const index = this.persons.get(personId);
    return index === undefined ? null : { personId, ...this.owners[index]! };
  }

  catchUp(): Promise<void> {
    return this.follower.catchUp();
  }

  private add(event: StoredEvent): void {
    const claim = personClaimOf(event);
    if (claim === null || this.persons.has(claim.personId)) return;
    const { operatorId, cafCode } = event.data as { operatorId?: unknown; cafCode?: unknown };
    if (typeof operatorId !== 'string' || typeof cafCode !== 'string') return;
    const key = `${claim.kind}\u0000${cafCode}\u0000${operatorId}`;
    let index = this.ownerIndex.get(key);
    if (index === undefined) {
      index = this.owners.push({ kind: claim.kind, operatorId, cafCode }) - 1;
      this.ownerIndex.set(key, index);
    }
    this.persons.set(claim.personId, index);
  }
}
