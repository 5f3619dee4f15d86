import type { LocalDate } from '../../shared/calendar-date.js';
import { localDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
import type { SchoolYear } from '../../shared/school-year.js';
import { firstYearOf } from '../../shared/school-year.js';
import { type CampaignParameters, NO_BILAN_DUE_DATES } from '../campaign-parameters.js';

const REF = '001 (Référentiel national de financement des Clas)';

/**
 * What a departmental set replaces. Nested objects are replaced whole, so a set states all of one
 * block. The price cap is required: no seed gives a national default, and a guessed cap would
 * silently produce a wrong PS.
 */
export type ParameterOverrides = Partial<Omit<CampaignParameters, 'cafCode' | 'schoolYear' | 'sources' | 'priceCapPerCollectif'>> & {
  priceCapPerCollectif: Cents;
};

/**
 * The national rules of seed 001. The referential sets no deadline, no price cap and no bonus:
 * deadlines are departmental, the cap is "transmis chaque année par la Cnaf" (002) and bonuses
 * are stated only by departmental notes. The cap therefore always comes from the overrides; when a
 * set leaves out the deadlines or bonuses, the defaults below apply and `sources` says the seed is silent.
 */
export function nationalDefaults(
  cafCode: string,
  year: SchoolYear,
  overrides: ParameterOverrides,
  overrideSources: Record<string, string> = {},
): CampaignParameters {
  const base: CampaignParameters = {
    cafCode,
    schoolYear: year,
    deadlines: defaultDeadlines(year),
    priceCapPerCollectif: overrides.priceCapPerCollectif,
    psRate: { num: 325, den: 1000 },
    bonusEnfants: 0,
    bonusParents: 0,
    maxCafShare: { num: 80, den: 100 },
    rhythm: {
      normal: { sessionsPerWeek: 2, minMinutesPerSession: 90 },
      rural: { sessionsPerWeek: 1, minMinutesPerSession: 120 },
      minWeeks: 27,
    },
    groupSize: { min: 8, max: 12, ruralMin: 5, disabilityMin: null },
    staff: { perCollectif: 2, ruralSmallGroup: 1 },
    coordinatorMinLevel: 2,
    options: { noSport: false, trainingRequiredForNewStaff: false, renewalNeedsPriorBilan: false, symbolicFamilyFeeCeiling: null },
    conventions: { maxYears: 4, centreSocialMaxYears: 5, minPriorApprovedYears: 2 },
    recommendedPeriod: { fromMonthDay: '11-01', toMonthDay: '06-15' },
    bilanDueDates: NO_BILAN_DUE_DATES,
    sources: {},
  };
  const sources: Record<string, string> = {
    'deadlines.newApplication': `aucune date dans ${REF} ni dans la note départementale — valeur système : veille de la rentrée (31 août), à fixer à l'ouverture de la campagne`,
    'deadlines.renewal': `aucune date dans ${REF} ni dans la note départementale — valeur système : veille de la rentrée (31 août)`,
    psRate: `${REF} — via 000/002/004 : « couvrir 32,5 % du prix de revient »`,
    bonusEnfants: `${REF} ne prévoit pas de bonus — 0 tant que la Caf n'en fixe pas`,
    bonusParents: `${REF} ne prévoit pas de bonus — 0 tant que la Caf n'en fixe pas`,
    maxCafShare: `${REF} — « ne peut excéder 80 % du coût total annuel de fonctionnement »`,
    'rhythm.normal': `${REF} — « deux séances hebdomadaires d'une heure 30 par séance »`,
    'rhythm.rural': `${REF} — « En milieu rural une séance hebdomadaire de 2 heures consécutives minimum peut être validée »`,
    'rhythm.minWeeks': `${REF} — « sur une période de 27 semaines de fonctionnement annuel »`,
    'groupSize.min': `${REF} — « collectif composé de 8 à 12 enfants maximum »`,
    'groupSize.max': `${REF} — « 8 à 12 enfants maximum »`,
    'groupSize.ruralMin': `${REF} — « En milieu rural […] un nombre minimum de 5 enfants »`,
    'groupSize.disabilityMin': `${REF} — pas d'exception handicap au niveau national`,
    'staff.perCollectif': `${REF} — « encadré et animé par 2 intervenants professionnels et/ou bénévoles »`,
    'staff.ruralSmallGroup': `${REF} — « En milieu rural : l'encadrement par un animateur pour chaque collectif inférieur à 8 enfants »`,
    coordinatorMinLevel: `${REF} — « niveau de formation équivalent à Bac +2 minimum »`,
    'options.noSport': `${REF} — activités « sportives » admises comme pédagogie du détour`,
    'options.trainingRequiredForNewStaff': `${REF} — formation « fortement conseillée », non obligatoire`,
    'options.renewalNeedsPriorBilan': `${REF} — pas de condition de bilan préalable à l'instruction`,
    'options.symbolicFamilyFeeCeiling': `${REF} — participation « symbolique », sans plafond chiffré`,
    'conventions.maxYears': `${REF} — « Cof établie pour une durée de 4 ans maximum »`,
    'conventions.centreSocialMaxYears': `${REF} — « adossé à la période d'agrément par la Caf (jusqu'à 5 ans) »`,
    'conventions.minPriorApprovedYears': `${REF} — « porteurs de projets soutenus par la Caf depuis au moins deux ans »`,
    recommendedPeriod: `${REF} — « après les vacances de la Toussaint de l'année N jusqu'au 15 juin de l'année N+1 » (début novembre, approché au 1er novembre)`,
    bilanDueDates: `${REF} ne fixe pas de date de remise des bilans — aucune échéance tant que la Caf n'en fixe pas`,
    ...overrideSources,
  };
  // An override explicitly set to undefined must not erase a default.
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...base, ...given, cafCode, schoolYear: year, sources };
}

/** The system's placeholder when no document gives a deadline: the day before the school year starts. */
export function defaultDeadlines(year: SchoolYear): { newApplication: LocalDate; renewal: LocalDate } {
  const eve = localDate(`${firstYearOf(year)}-08-31`);
  return { newApplication: eve, renewal: eve };
}
