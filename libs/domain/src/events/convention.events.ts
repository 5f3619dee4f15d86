import type { LocalDate } from '../shared/calendar-date.js';
import type { SchoolYear } from '../shared/school-year.js';
import type { DomainEvent } from './domain-event.js';
import type { OperatorKind } from './vocabulary.js';

/** Stream `convention-<conventionId>`: a multi-year Cof (convention d'objectifs et de financement). */
export interface ConventionRef {
  conventionId: string;
  operatorId: string;
  cafCode: string;
}

/** The school years a convention covers: `startSchoolYear` and the `years - 1` following. */
export interface ConventionPeriod {
  startSchoolYear: SchoolYear;
  years: number;
  /** First and last day covered (1 September of the first year, 31 August after the last). */
  from: LocalDate;
  to: LocalDate;
}

/** R-CONV-3: what may only change through a validated amendment. */
export interface ConventionTerms {
  startDate: LocalDate;
  collectifs: number;
  children: number;
  weeks: number;
}

export interface ConventionRequestedData extends ConventionRef {
  projectIds: string[];
  period: ConventionPeriod;
  terms: ConventionTerms;
  /** Facts the R-CONV-1 / R-CONV-SUPPORT checks used, kept for the auditor. */
  operatorKind: OperatorKind;
  priorApprovedSchoolYears: number;
  requestedOn: LocalDate;
}

export interface ConventionSignedData extends ConventionRef {
  period: ConventionPeriod;
  terms: ConventionTerms;
  signedOn: LocalDate;
}

export interface ConventionRefusedData extends ConventionRef {
  reason: string;
  ruleId: string | null;
  refusedOn: LocalDate;
}

/** R-CONV-3 (004): the number of collectifs for each year is notified by the Caf. */
export interface YearlyCollectifsNotifiedData extends ConventionRef {
  schoolYear: SchoolYear;
  collectifs: number;
  collectifIds: string[];
  /** R-CONV-2: for a year after the first, the previous year's bilan had been received. */
  previousBilanReceived: boolean | null;
  notifiedOn: LocalDate;
}

export type ConventionTermsChanges = Partial<ConventionTerms>;

export interface ConventionAmendmentRequestedData extends ConventionRef {
  amendmentId: string;
  changes: ConventionTermsChanges;
  reason: string;
  requestedOn: LocalDate;
}

export interface ConventionAmendmentValidatedData extends ConventionRef {
  amendmentId: string;
  changes: ConventionTermsChanges;
  /** Terms after the amendment, in full. */
  terms: ConventionTerms;
  validatedOn: LocalDate;
}

export interface ConventionAmendmentRefusedData extends ConventionRef {
  amendmentId: string;
  reason: string;
  refusedOn: LocalDate;
}

export interface ConventionTerminatedData extends ConventionRef {
  reason: string;
  terminatedOn: LocalDate;
}

export type ConventionRequested = DomainEvent<'ConventionRequested', ConventionRequestedData>;
export type ConventionSigned = DomainEvent<'ConventionSigned', ConventionSignedData>;
export type ConventionRefused = DomainEvent<'ConventionRefused', ConventionRefusedData>;
export type YearlyCollectifsNotified = DomainEvent<'YearlyCollectifsNotified', YearlyCollectifsNotifiedData>;
export type ConventionAmendmentRequested = DomainEvent<'ConventionAmendmentRequested', ConventionAmendmentRequestedData>;
export type ConventionAmendmentValidated = DomainEvent<'ConventionAmendmentValidated', ConventionAmendmentValidatedData>;
export type ConventionAmendmentRefused = DomainEvent<'ConventionAmendmentRefused', ConventionAmendmentRefusedData>;
export type ConventionTerminated = DomainEvent<'ConventionTerminated', ConventionTerminatedData>;

export type ConventionEvent =
  | ConventionRequested
  | ConventionSigned
  | ConventionRefused
  | YearlyCollectifsNotified
  | ConventionAmendmentRequested
  | ConventionAmendmentValidated
  | ConventionAmendmentRefused
  | ConventionTerminated;
