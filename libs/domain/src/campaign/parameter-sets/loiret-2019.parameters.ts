import { divideHalfUp, eurosToCents } from '../../shared/money.js';
import { schoolYear } from '../../shared/school-year.js';
import type { CampaignParameters } from '../campaign-parameters.js';
import { nationalDefaults } from './cnaf-national-defaults.parameters.js';

const SEED = '003 (Caf du Loiret, dépliant « 11 étapes »)';

/** Seed 003 gives the maximum PS (2 563 €), not the price cap. */
export const LOIRET_2019_MAX_PS = eurosToCents('2563');

/**
 * The cap is derived so that round_half_up(cap × 32.5 %) is exactly the stated maximum:
 * cap = round_half_up(2 563 € ÷ 0.325) = 7 886,15 € (7 886,15 × 0.325 = 2 562,99875 → 2 563,00).
 */
const DERIVED_CAP = Number(divideHalfUp(BigInt(LOIRET_2019_MAX_PS) * 1000n, 325n));

/**
 * Caf du Loiret (45), 2019 (seed 003). The leaflet's "2019" figure is modelled as school year
 * 2019-2020 (school-year.ts). Everything the leaflet does not state is the national default (001).
 */
export const LOIRET_2019: CampaignParameters = nationalDefaults(
  '45',
  schoolYear('2019-2020'),
  { priceCapPerCollectif: DERIVED_CAP },
  {
    priceCapPerCollectif: `${SEED} — « Elle est plafonnée à 2 563 € en 2019 » : plafond non indiqué, déduit = 2 563 € ÷ 32,5 % arrondi au centime (7 886,15 €)`,
    psRate: `${SEED} — « La prestation de service Clas de la Caf couvre 32,5% du budget »`,
    'groupSize.max': `${SEED} — « un groupe de 8 à 12 enfants et/ou jeunes maximum »`,
    'groupSize.min': `${SEED} — « un groupe de 8 à 12 enfants »`,
    coordinatorMinLevel: `${SEED} — « coordonnateur (Bac + 2) »`,
    'options.symbolicFamilyFeeCeiling': `${SEED} — « la gratuité ou une participation financière symbolique », sans plafond chiffré`,
    bonusEnfants: `${SEED} ne mentionne aucun bonus — défaut national (001 : aucun bonus) : 0`,
    bonusParents: `${SEED} ne mentionne aucun bonus — défaut national (001 : aucun bonus) : 0`,
    'deadlines.newApplication': `${SEED} ne donne pas de date (étape 4 « Réponse à l'appel à projet » sans date) — valeur système : 31 août`,
    'deadlines.renewal': `${SEED} ne donne pas de date — valeur système : 31 août`,
  },
);
