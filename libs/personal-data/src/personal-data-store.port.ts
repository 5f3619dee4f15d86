/**
 * Names and contact details of children, parents and staff (domain.md §8), kept OUT of the
 * event log and referenced by the opaque person ids the events carry. Erasing a person
 * deletes this record only: the log, and so every figure, is untouched.
 */
export const PERSON_KINDS = ['child', 'parent', 'staff'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export interface PersonContact {
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface PersonRecord {
  personId: string;
  kind: PersonKind;
  firstName: string;
  lastName: string;
  contact: PersonContact;
  /** Scope of the record: the Caf, and the operator the person is with (null when entered by the Caf alone). */
  cafCode: string;
  operatorId: string | null;
  updatedAt: string;
}

export interface PersonalDataStore {
  /** Creates or replaces the record. */
  put(record: PersonRecord): Promise<void>;
  get(personId: string): Promise<PersonRecord | null>;
  /** Right to erasure: true when a record was deleted. */
  erase(personId: string): Promise<boolean>;
  close(): Promise<void>;
}
