import type { LocalDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
import { schoolYear } from '../../shared/school-year.js';
import type { CampaignParameters } from '../campaign-parameters.js';
import { nationalDefaults } from './cnaf-national-defaults.parameters.js';

const SEED = '002 (Caf de la Mayenne, note de cadrage MAJ juillet 2023)';

/**
 * The figures seed 002 does not state: the cap is "transmis chaque année par la Cnaf", the bonus
 * amounts and the filing deadline are not given. They are supplied when the campaign is opened,
 * each with its own source.
 */
export interface MayenneYearlyFigures {
  deadlines: { newApplication: LocalDate; renewal: LocalDate };
  priceCapPerCollectif: Cents;
  bonusEnfants: Cents;
  bonusParents: Cents;
  /** Field path → where the figure comes from (Cnaf circular, committee minutes…). */
  sources: Record<'deadlines.newApplication' | 'deadlines.renewal' | 'priceCapPerCollectif' | 'bonusEnfants' | 'bonusParents', string>;
}

/**
 * Caf de la Mayenne (53), campaign 2023-2024 (seed 002). Its rules are the national ones; it is a
 * function because the money figures are not in the seed and must never be guessed.
 */
export function mayenne2023To2024(figures: MayenneYearlyFigures): CampaignParameters {
  return nationalDefaults(
    '53',
    schoolYear('2023-2024'),
    {
      deadlines: figures.deadlines,
      priceCapPerCollectif: figures.priceCapPerCollectif,
      bonusEnfants: figures.bonusEnfants,
      bonusParents: figures.bonusParents,
    },
    {
      psRate: `${SEED} — « Prise en compte de 32,5 % des dépenses de fonctionnement […] dans la limite d'un prix plafond transmis chaque année par la Cnaf »`,
      'groupSize.min': `${SEED} — « actions conduites auprès d'un groupe de huit à douze enfants »`,
      'groupSize.max': `${SEED} — « un groupe de huit à douze enfants »`,
      'rhythm.normal': `${SEED} renvoie au « référentiel national Clas diffusé […] en avril 2019 » — 001 : deux séances de 1 h 30`,
      ...figures.sources,
    },
  );
}
