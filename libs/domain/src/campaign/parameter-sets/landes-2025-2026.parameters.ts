import { localDate } from '../../shared/calendar-date.js';
import { eurosToCents } from '../../shared/money.js';
import { schoolYear } from '../../shared/school-year.js';
import type { CampaignParameters } from '../campaign-parameters.js';
import { nationalDefaults } from './cnaf-national-defaults.parameters.js';

const SEED = '000 (Caf des Landes, note de cadrage 2025-2026)';

/** Caf des Landes (40), campaign 2025-2026 (seed 000). Unstated fields are the national ones (001). */
export const LANDES_2025_2026: CampaignParameters = nationalDefaults(
  '40',
  schoolYear('2025-2026'),
  {
    // One date for every filing: the platform closes the call on that day.
    deadlines: { newApplication: localDate('2025-07-30'), renewal: localDate('2025-07-30') },
    priceCapPerCollectif: eurosToCents('8487'),
    bonusEnfants: eurosToCents('329'),
    bonusParents: eurosToCents('329'),
    rhythm: {
      normal: { sessionsPerWeek: 2, minMinutesPerSession: 60 },
      rural: { sessionsPerWeek: 1, minMinutesPerSession: 120 },
      minWeeks: 28,
    },
    // Landes: 4 years, "voire 5 ans alignée sur la durée de la CTG". The CTG case has no field
    // of its own in CampaignParameters, so the general maximum stays 4 (see `sources`).
    conventions: { maxYears: 4, centreSocialMaxYears: 5, minPriorApprovedYears: 2 },
    // R-BILAN-DUE: the qualitative part before the next renewal is examined (end of June), the
    // figures once the year is over, when ESPADA asks for them "courant septembre".
    bilanDueDates: { qualitative: localDate('2026-06-30'), quantitative: localDate('2026-09-30'), financial: localDate('2026-09-30') },
  },
  {
    'deadlines.newApplication': `${SEED} — « Le dépôt des projets pourra s'effectuer jusqu'au 30 juillet 2025 »`,
    'deadlines.renewal': `${SEED} — même date pour tous les dépôts : « jusqu'au 30 juillet 2025 »`,
    priceCapPerCollectif: `${SEED} — « prix plafond s'élevant à 8 487 € pour l'année 2025, soit un montant maximal de PS de 2 758,28 € »`,
    psRate: `${SEED} — « La Ps Clas permet de couvrir 32,5 % du prix de revient »`,
    bonusEnfants: `${SEED} — « 3.1 - Bonus enfants […] (329 € par collectif d'enfants) »`,
    bonusParents: `${SEED} — « 3.2 - Bonus parents […] (329 € par collectif d'enfants) »`,
    maxCafShare: `${SEED} — « 20% minimum de financements autres que Caf »`,
    'rhythm.normal': `${SEED} — « 2 séances hebdomadaires d'une heure minimum »`,
    'rhythm.rural': `${SEED} renvoie au référentiel (« voir référentiel exception en milieu rural ») — 001 : une séance de 2 heures`,
    'rhythm.minWeeks': `${SEED} — « sur une période de 28 semaines minimum sur l'année scolaire »`,
    'groupSize.min': `${SEED} — « un collectif composé de 8 (voir référentiel exception en milieu rural) à 12 enfants maximum »`,
    'groupSize.max': `${SEED} — « à 12 enfants maximum »`,
    'staff.perCollectif': `${SEED} — « 2 accompagnateurs pour un collectif (voir le référentiel, exception en milieu rural) »`,
    coordinatorMinLevel: `${SEED} — « niveau de formation équivalent bac+2 »`,
    'conventions.maxYears': `${SEED} — « convention établie pour une durée de 4 ans (voire 5 ans alignée sur la durée de la CTG) » ; le cas CTG (5 ans) n'a pas de champ`,
    'conventions.centreSocialMaxYears': `${SEED} — « centres sociaux : ce financement doit être adossé à la période d'agrément de la Caf » (001 : jusqu'à 5 ans)`,
    'conventions.minPriorApprovedYears': `${SEED} — « porteurs de projets soutenus par la Caf depuis au moins 2 ans »`,
    bilanDueDates:
      "004 (Caf de l'Aude) pour le bilan 2025-2026 : « réception du bilan qualitatif 2025-2026 » préalable à l'instruction du renouvellement (fin juin) ; « Le bilan 2025-2026 sera à saisir dans l'appliquatif ESPADA […] (courant septembre 2026) » — le 000 ne fixe pas de date, retenu : 30 juin et 30 septembre 2026",
  },
);
