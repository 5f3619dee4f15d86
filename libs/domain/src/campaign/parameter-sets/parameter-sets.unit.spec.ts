import { describe, expect, it } from '@jest/globals';
import { localDate } from '../../shared/calendar-date.js';
import { applyRateHalfUp, eurosToCents } from '../../shared/money.js';
import { schoolYear } from '../../shared/school-year.js';
import { validate } from '../../schema/validate.js';
import { campaignParametersSchema } from '../campaign.schemas.js';
import { AUDE_2026_2027 } from './aude-2026-2027.parameters.js';
import { nationalDefaults } from './cnaf-national-defaults.parameters.js';
import { LANDES_2025_2026 } from './landes-2025-2026.parameters.js';
import { LOIRET_2019 } from './loiret-2019.parameters.js';
import { mayenne2023To2024 } from './mayenne-2023-2024.parameters.js';
import { findParameterSet, PARAMETER_SET_LIST, PARAMETER_SETS } from './parameter-set-registry.js';

const maxPs = (p: { priceCapPerCollectif: number; psRate: { num: number; den: number } }) =>
  applyRateHalfUp(p.priceCapPerCollectif, p.psRate);

/** Every leaf path a set must cite (nested blocks are cited per field). */
const CITED_PATHS = [
  'deadlines.newApplication',
  'deadlines.renewal',
  'priceCapPerCollectif',
  'psRate',
  'bonusEnfants',
  'bonusParents',
  'maxCafShare',
  'rhythm.normal',
  'rhythm.rural',
  'rhythm.minWeeks',
  'groupSize.min',
  'groupSize.max',
  'groupSize.ruralMin',
  'groupSize.disabilityMin',
  'staff.perCollectif',
  'staff.ruralSmallGroup',
  'coordinatorMinLevel',
  'options.noSport',
  'options.trainingRequiredForNewStaff',
  'options.renewalNeedsPriorBilan',
  'options.symbolicFamilyFeeCeiling',
  'conventions.maxYears',
  'conventions.centreSocialMaxYears',
  'conventions.minPriorApprovedYears',
  'recommendedPeriod',
];

describe('campaign parameter sets from the seeds (R-PS-CAP)', () => {
  it('R-PS-CAP Landes 2025-2026: cap 8 487 €, max PS 2 758,28 €, bonuses 329 € (seed 000)', () => {
    expect(LANDES_2025_2026.priceCapPerCollectif).toBe(eurosToCents('8487'));
    expect(maxPs(LANDES_2025_2026)).toBe(eurosToCents('2758,28'));
    expect(LANDES_2025_2026.bonusEnfants).toBe(32_900);
    expect(LANDES_2025_2026.bonusParents).toBe(32_900);
  });

  it('R-PS-CAP Aude 2026-2027: cap 8 652 €, max PS 2 811,90 €, bonuses 335 € (seed 004)', () => {
    expect(AUDE_2026_2027.priceCapPerCollectif).toBe(eurosToCents('8652'));
    expect(maxPs(AUDE_2026_2027)).toBe(eurosToCents('2811,90'));
    expect(AUDE_2026_2027.bonusEnfants).toBe(33_500);
    expect(AUDE_2026_2027.bonusParents).toBe(33_500);
  });

  it('R-PS-CAP Loiret 2019: max PS 2 563 € from a cap derived to the cent (seed 003)', () => {
    expect(maxPs(LOIRET_2019)).toBe(eurosToCents('2563'));
    expect(LOIRET_2019.priceCapPerCollectif).toBe(eurosToCents('7886,15'));
    expect(LOIRET_2019.schoolYear).toBe('2019-2020');
    expect(LOIRET_2019.sources.priceCapPerCollectif).toMatch(/plafonnée à 2 563 € en 2019/);
    expect(LOIRET_2019.sources.bonusEnfants).toMatch(/aucun bonus/);
  });

  it('R-PS-RATE: every set uses exactly 32.5 % and max PS = round_half_up(cap × rate)', () => {
    for (const set of PARAMETER_SET_LIST) {
      expect(set.psRate.num / set.psRate.den).toBe(0.325);
      expect(maxPs(set)).toBe(Number((BigInt(set.priceCapPerCollectif) * 325n * 2n + 1000n) / 2000n));
    }
  });

  it('R-ELIG-RHYTHM Landes 2025-2026: 2 sessions of at least 1 h over at least 28 weeks; rural 1 × 2 h', () => {
    expect(LANDES_2025_2026.rhythm).toEqual({
      normal: { sessionsPerWeek: 2, minMinutesPerSession: 60 },
      rural: { sessionsPerWeek: 1, minMinutesPerSession: 120 },
      minWeeks: 28,
    });
  });

  it('R-LIFE-1 deadlines: Landes 2025-07-30; Aude "avant le 6 août" / "avant le 29 juin" → last days 08-05 and 06-28', () => {
    expect(LANDES_2025_2026.deadlines).toEqual({ newApplication: '2025-07-30', renewal: '2025-07-30' });
    expect(AUDE_2026_2027.deadlines).toEqual({ newApplication: '2026-08-05', renewal: '2026-06-28' });
  });

  it('Aude 2026-2027 options: no sport, mandatory "fondamentaux", renewal needs the prior bilan, disability min 5 (seed 004)', () => {
    expect(AUDE_2026_2027.options).toEqual({
      noSport: true,
      trainingRequiredForNewStaff: true,
      renewalNeedsPriorBilan: true,
      symbolicFamilyFeeCeiling: null,
    });
    expect(AUDE_2026_2027.groupSize).toEqual({ min: 8, max: 12, ruralMin: 5, disabilityMin: 5 });
    expect(AUDE_2026_2027.conventions.maxYears).toBe(4);
  });

  it('national defaults (seed 001): 2 × 90 min over 27 weeks, 8–12 (rural 5), 2 staff, Bac+2, 80 %, Cof 4 years', () => {
    const set = nationalDefaults('53', schoolYear('2024-2025'), { priceCapPerCollectif: 800_000 });
    expect(set.rhythm).toEqual({
      normal: { sessionsPerWeek: 2, minMinutesPerSession: 90 },
      rural: { sessionsPerWeek: 1, minMinutesPerSession: 120 },
      minWeeks: 27,
    });
    expect(set.groupSize).toEqual({ min: 8, max: 12, ruralMin: 5, disabilityMin: null });
    expect(set.staff).toEqual({ perCollectif: 2, ruralSmallGroup: 1 });
    expect(set.coordinatorMinLevel).toBe(2);
    expect(set.maxCafShare).toEqual({ num: 80, den: 100 });
    expect(set.conventions).toEqual({ maxYears: 4, centreSocialMaxYears: 5, minPriorApprovedYears: 2 });
    expect(set.recommendedPeriod).toEqual({ fromMonthDay: '11-01', toMonthDay: '06-15' });
    expect(set.deadlines).toEqual({ newApplication: '2024-08-31', renewal: '2024-08-31' });
  });

  it('Mayenne 2023-2024 (seed 002) takes the figures the seed does not state, with their sources', () => {
    const set = mayenne2023To2024({
      deadlines: { newApplication: localDate('2023-06-30'), renewal: localDate('2023-06-30') },
      priceCapPerCollectif: 800_000,
      bonusEnfants: 30_000,
      bonusParents: 30_000,
      sources: {
        'deadlines.newApplication': 'test',
        'deadlines.renewal': 'test',
        priceCapPerCollectif: 'test',
        bonusEnfants: 'test',
        bonusParents: 'test',
      },
    });
    expect(set.cafCode).toBe('53');
    expect(set.schoolYear).toBe('2023-2024');
    expect(set.sources.priceCapPerCollectif).toBe('test');
    expect(set.sources.psRate).toMatch(/^002/);
  });

  it('the registry is keyed "<caf>-<schoolYear>" and finds each set', () => {
    expect(Object.keys(PARAMETER_SETS).sort()).toEqual(['11-2026-2027', '40-2025-2026', '45-2019-2020']);
    expect(findParameterSet('11', schoolYear('2026-2027'))).toBe(AUDE_2026_2027);
    expect(findParameterSet('11', schoolYear('2027-2028'))).toBeNull();
  });

  it('every set cites a source for every field and passes the campaign parameter validation', () => {
    for (const set of PARAMETER_SET_LIST) {
      for (const path of CITED_PATHS) expect([set.cafCode, path, typeof set.sources[path]]).toEqual([set.cafCode, path, 'string']);
      expect([set.cafCode, validate(campaignParametersSchema, set)]).toEqual([set.cafCode, null]);
    }
  });
});
