import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import type { LocalDate } from '../shared/calendar-date.js';
import type { Cents } from '../shared/money.js';
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

/**
 * R-BUDGET-ENVELOPE: the credits the Caf has for Clas in this school year ("dans la limite des
 * fonds disponibles", 004). occurredAt = when the amount was voted or notified.
 */
export interface BudgetEnvelopeSetData extends CampaignRef {
  amount: Cents;
  setOn: LocalDate;
}

/** R-BUDGET-ENVELOPE: the envelope changed (a supplementary allocation, a cut), with the reason; both figures are kept. */
export interface BudgetEnvelopeAmendedData extends CampaignRef {
  previousAmount: Cents;
  amount: Cents;
  /** amount − previousAmount: how the command gave it (a new amount or a delta) does not matter once recorded. */
  delta: number;
  reason: string;
  amendedOn: LocalDate;
}

/** 2: the parameters carry the bilan due dates (R-BILAN-DUE); v1 is upcast with none. */
export type CampaignOpened = DomainEvent<'CampaignOpened', CampaignOpenedData, 2>;
export type CampaignParametersAmended = DomainEvent<'CampaignParametersAmended', CampaignParametersAmendedData>;
export type BudgetEnvelopeSet = DomainEvent<'BudgetEnvelopeSet', BudgetEnvelopeSetData>;
export type BudgetEnvelopeAmended = DomainEvent<'BudgetEnvelopeAmended', BudgetEnvelopeAmendedData>;

export type CampaignEvent = CampaignOpened | CampaignParametersAmended | BudgetEnvelopeSet | BudgetEnvelopeAmended;
