import type { LocalDate } from '../shared/calendar-date.js';
import type { DomainEvent } from './domain-event.js';
import type { DeclarationKind, OperatorKind } from './vocabulary.js';

/** Stream `operator-<operatorId>`. An operator is an organisation: its name is not personal data. */
export interface OperatorRef {
  operatorId: string;
  cafCode: string;
}

/** R-CONV-1: a centre social's approval by its Caf (agrément), which bounds its conventions. */
export interface ApprovalPeriod {
  from: LocalDate;
  to: LocalDate;
}

export interface OperatorRegisteredData extends OperatorRef {
  name: string;
  kind: OperatorKind;
  /** Only for kind `centre_social`; null otherwise. */
  cafApproval: ApprovalPeriod | null;
  registeredOn: LocalDate;
}

/** R-ELIG-COORD: the coordinator is an opaque person id with the two facts the rule needs. */
export interface CoordinatorAppointedData extends OperatorRef {
  personId: string;
  /** Years of study after the baccalauréat (Bac+2 → 2). */
  qualificationLevel: number;
  /** Experience in animation or education. */
  hasRelevantExperience: boolean;
  appointedOn: LocalDate;
}

/** R-ELIG-OPERATOR: insurance certificate, laïcité charter signed; dated, maybe expiring. */
export interface OperatorDeclarationRecordedData extends OperatorRef {
  declaration: DeclarationKind;
  /** The date on the document (signature or certificate date). */
  documentDate: LocalDate;
  /** Last day the document is valid, inclusive; null when it does not expire. */
  expiresOn: LocalDate | null;
  /** Policy number, reference of the signed charter… (not personal data). */
  reference: string | null;
}

export type OperatorRegistered = DomainEvent<'OperatorRegistered', OperatorRegisteredData>;
export type CoordinatorAppointed = DomainEvent<'CoordinatorAppointed', CoordinatorAppointedData>;
export type OperatorDeclarationRecorded = DomainEvent<'OperatorDeclarationRecorded', OperatorDeclarationRecordedData>;

export type OperatorEvent = OperatorRegistered | CoordinatorAppointed | OperatorDeclarationRecorded;
