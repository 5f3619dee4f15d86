import type { Scope } from '../authorization.js';

/** Whom a person id is reserved for: its operator in the log, or the scope of its personal-data record. */
export interface PersonClaim {
  cafCode: string;
  /** null: a record the Caf keeps alone (no operator yet). */
  operatorId: string | null;
}

/**
 * The personal-data store as the bus sees it (structurally: the API's PersonalDataStore fits).
 * A record written before any event names its id reserves the id for the record's scope, so a
 * later enrolment by another operator is refused instead of silently taking it over.
 */
export interface PersonRecordOwners {
  get(personId: string): Promise<PersonClaim | null>;
}

/** An aggregate of `owner` may name a person claimed for `claim`: same Caf, and the same operator unless the Caf alone holds the claim. */
export function claimFits(claim: PersonClaim, owner: Scope): boolean {
  return claim.cafCode === owner.cafCode && (claim.operatorId === null || claim.operatorId === owner.operatorId);
}
