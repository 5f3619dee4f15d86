import type { Command } from '../commands/command.js';
import type { ConventionTerms, ConventionTermsChanges } from '../events/convention.events.js';
import type { SchoolYear } from '../shared/school-year.js';

type OnConvention<D = object> = { conventionId: string } & D;

/** A multi-year Cof for `years` school years from `startSchoolYear` (R-CONV-1). */
export type RequestConvention = Command<
  'RequestConvention',
  OnConvention<{ operatorId: string; cafCode: string; projectIds: string[]; startSchoolYear: SchoolYear; years: number; terms: ConventionTerms }>
>;

/** The Caf signs, possibly for a different period or terms than requested (checked again against R-CONV-1). */
export type SignConvention = Command<'SignConvention', OnConvention<{ startSchoolYear?: SchoolYear; years?: number; terms?: ConventionTerms }>>;
export type RefuseConvention = Command<'RefuseConvention', OnConvention<{ reason: string; ruleId?: string | null }>>;

/** R-CONV-3 (004): the yearly notification of the number of collectifs. */
export type NotifyYearlyCollectifs = Command<'NotifyYearlyCollectifs', OnConvention<{ schoolYear: SchoolYear; collectifs: number; collectifIds?: string[] }>>;

/** R-CONV-3: start date, collectifs, children or weeks change only through a validated amendment. */
export type RequestConventionAmendment = Command<'RequestConventionAmendment', OnConvention<{ amendmentId: string; changes: ConventionTermsChanges; reason: string }>>;
export type ValidateConventionAmendment = Command<'ValidateConventionAmendment', OnConvention<{ amendmentId: string }>>;
export type RefuseConventionAmendment = Command<'RefuseConventionAmendment', OnConvention<{ amendmentId: string; reason: string }>>;
export type TerminateConvention = Command<'TerminateConvention', OnConvention<{ reason: string }>>;

export type ConventionCommand =
  | RequestConvention
  | SignConvention
  | RefuseConvention
  | NotifyYearlyCollectifs
  | RequestConventionAmendment
  | ValidateConventionAmendment
  | RefuseConventionAmendment
  | TerminateConvention;
