import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import type { LocalDate } from '../shared/calendar-date.js';
import type { SchoolYear } from '../shared/school-year.js';
import type { DomainEvent } from './domain-event.js';

/** Stream `campaign-<caf>-<schoolYear>`: the call for projects of one Caf for one school year. */
export interface CampaignRef {
  cafCode: string;
  schoolYear: SchoolYear;
}

/** The fields an amendment may replace: everything but the campaign's identity. */
export type CampaignParametersPatch = Partial<Omit<CampaignParameters, 'cafCode' | 'schoolYear'>>;

export interface CampaignOpenedData extends CampaignRef {
  /** The full parameter set: every figure a rule uses for this campaign (R-PS-EXPLAIN cites this event). */
  parameters: CampaignParameters;
  /** Paris date of the opening (the call for projects is published). */
  openedOn: LocalDate;
}

export interface CampaignParametersAmendedData extends CampaignRef {
  /** Top-level fields replaced as a whole (a nested object is given in full, never merged). */
  patch: CampaignParametersPatch;
  reason: string;
  amendedOn: LocalDate;
}

export type CampaignOpened = DomainEvent<'CampaignOpened', CampaignOpenedData>;
export type CampaignParametersAmended = DomainEvent<'CampaignParametersAmended', CampaignParametersAmendedData>;

export type CampaignEvent = CampaignOpened | CampaignParametersAmended;
