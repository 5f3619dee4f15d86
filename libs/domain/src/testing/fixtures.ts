import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import { AUDE_2026_2027 } from '../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { makeEvent } from '../events/catalogue.js';
import type { OperatorEvent } from '../events/operator.events.js';
import { type Instant, type LocalDate, localDate, parisInstant } from '../shared/calendar-date.js';
import { type SchoolYear, schoolYear } from '../shared/school-year.js';

/**
 * The test season, declared once for every lib (@clas/domain/testing; application and projections
 * derive their fixtures from it): Aude 2026-2027, whose figures are the production seed 004 itself
 * (new applications "avant le 6 août 2026" → last receivable day 2026-08-05; renewal letters
 * "avant le 29 juin 2026" → 2026-06-28), so a spec and the API judge on the same parameters.
 * Only test code imports this.
 */
export const CAF = AUDE_2026_2027.cafCode;
export const YEAR: SchoolYear = AUDE_2026_2027.schoolYear;
export const PREVIOUS_YEAR: SchoolYear = schoolYear('2025-2026');

export const d = (value: string): LocalDate => localDate(value);

/** The instant of a Paris wall-clock time: `paris('2026-08-05', '23:30')` → 2026-08-05T21:30:00.000Z. */
export const paris = (date: string, time = '10:00'): Instant => parisInstant(localDate(date), time);

/** The Aude 2026-2027 campaign (seed 004), with a spec's own changes. */
export function audeCampaign(overrides: Partial<CampaignParameters> = {}): CampaignParameters {
  return { ...AUDE_2026_2027, ...overrides };
}

/** A campaign without Aude's options (no sport exclusion, no training, no prior-bilan condition). */
export function plainCampaign(overrides: Partial<CampaignParameters> = {}): CampaignParameters {
  return audeCampaign({
    options: { noSport: false, trainingRequiredForNewStaff: false, renewalNeedsPriorBilan: false, symbolicFamilyFeeCeiling: null },
    ...overrides,
  });
}

/** Operator op-1 of Caf 11, registered on 2026-03-02. */
export const operatorRegistered = (): OperatorEvent =>
  makeEvent(
    'OperatorRegistered',
    {
      operatorId: 'op-1',
      cafCode: CAF,
      name: 'Association Lire Ensemble',
      kind: 'association',
      cafApproval: null,
      registeredOn: d('2026-03-02'),
    },
    paris('2026-03-02'),
  );
