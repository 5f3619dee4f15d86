import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import { makeEvent } from '../events/catalogue.js';
import type { OperatorEvent } from '../events/operator.events.js';
import { type Instant, type LocalDate, localDate, parisInstant } from '../shared/calendar-date.js';
import { type SchoolYear, schoolYear } from '../shared/school-year.js';

/**
 * Shared test data for the decider specs. Figures follow domain.md and seed 004 (Aude
 * 2026-2027: new applications "avant le 6 août 2026" → last receivable day 2026-08-05;
 * renewal letters "avant le 29 juin 2026" → 2026-06-28). Only test code imports this.
 */
export const CAF = '11';
export const YEAR: SchoolYear = schoolYear('2026-2027');
export const PREVIOUS_YEAR: SchoolYear = schoolYear('2025-2026');

export const d = (value: string): LocalDate => localDate(value);

/** The instant of a Paris wall-clock time: `paris('2026-08-05', '23:30')` → 2026-08-05T21:30:00.000Z. */
export const paris = (date: string, time = '10:00'): Instant => parisInstant(localDate(date), time);

export function audeCampaign(overrides: Partial<CampaignParameters> = {}): CampaignParameters {
  return {
    cafCode: CAF,
    schoolYear: YEAR,
    deadlines: { newApplication: d('2026-08-05'), renewal: d('2026-06-28') },
    priceCapPerCollectif: 865200,
    psRate: { num: 325, den: 1000 },
    bonusEnfants: 33500,
    bonusParents: 33500,
    maxCafShare: { num: 80, den: 100 },
    rhythm: { normal: { sessionsPerWeek: 2, minMinutesPerSession: 90 }, rural: { sessionsPerWeek: 1, minMinutesPerSession: 120 }, minWeeks: 27 },
    groupSize: { min: 8, max: 12, ruralMin: 5, disabilityMin: 5 },
    staff: { perCollectif: 2, ruralSmallGroup: 1 },
    coordinatorMinLevel: 2,
    options: { noSport: true, trainingRequiredForNewStaff: true, renewalNeedsPriorBilan: true, symbolicFamilyFeeCeiling: null },
    conventions: { maxYears: 4, centreSocialMaxYears: 5, minPriorApprovedYears: 2 },
    recommendedPeriod: { fromMonthDay: '11-02', toMonthDay: '06-15' },
    sources: { 'deadlines.newApplication': '004 § calendrier' },
    ...overrides,
  };
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
    { operatorId: 'op-1', cafCode: CAF, name: 'Association Lire Ensemble', kind: 'association', cafApproval: null, registeredOn: d('2026-03-02') },
    paris('2026-03-02'),
  );
