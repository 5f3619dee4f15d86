import type { PersonKind, PersonRecord } from './personal-data-store.port.js';

/** A row of the persons table, as both adapters (SQLite `persons`, PostgreSQL `clas_persons`) lay it out. */
export interface PersonRow {
  person_id: string;
  kind: PersonKind;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  caf_code: string;
  operator_id: string | null;
  updated_at: string;
}

export const personOfRow = (r: PersonRow): PersonRecord => ({
  personId: r.person_id,
  kind: r.kind,
  firstName: r.first_name,
  lastName: r.last_name,
  contact: { email: r.email, phone: r.phone, address: r.address },
  cafCode: r.caf_code,
  operatorId: r.operator_id,
  updatedAt: r.updated_at,
});
