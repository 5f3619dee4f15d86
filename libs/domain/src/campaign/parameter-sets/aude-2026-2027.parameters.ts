import { localDate } from '../../shared/calendar-date.js';
import { eurosToCents } from '../../shared/money.js';
import { schoolYear } from '../../shared/school-year.js';
import type { CampaignParameters } from '../campaign-parameters.js';
import { nationalDefaults } from './cnaf-national-defaults.parameters.js';

const SEED = "004 (Caf de l'Aude, note de cadrage 2026-2027)";

/** Caf de l'Aude (11), campaign 2026-2027 (seed 004). Unstated fields are the national ones (001). */
export const AUDE_2026_2027: CampaignParameters = nationalDefaults(
  '11',
  schoolYear('2026-2027'),
  {
    // "avant le 6 août 2026" / "avant le 29 juin 2026": the field holds the LAST receivable day
    // (R-LIFE-DATES, inclusive), so the day before each stated date.
    deadlines: { newApplication: localDate('2026-08-05'), renewal: localDate('2026-06-28') },
    priceCapPerCollectif: eurosToCents('8652'),
    bonusEnfants: eurosToCents('335'),
    bonusParents: eurosToCents('335'),
    groupSize: { min: 8, max: 12, ruralMin: 5, disabilityMin: 5 },
    options: { noSport: true, trainingRequiredForNewStaff: true, renewalNeedsPriorBilan: true, symbolicFamilyFeeCeiling: null },
    conventions: { maxYears: 4, centreSocialMaxYears: 5, minPriorApprovedYears: 2 },
    // R-BILAN-DUE: the qualitative part by the last renewal day of the next campaign (it conditions
    // the renewal's examination), the figures in ESPADA in September, as 004 sets them for 2025-2026.
    bilanDueDates: { qualitative: localDate('2027-06-28'), quantitative: localDate('2027-09-30'), financial: localDate('2027-09-30') },
  },
  {
    'deadlines.newApplication': `${SEED} — « Les demandes de financement devront être envoyées […] avant le 6 août 2026 » : dernier jour recevable le 5 août`,
    'deadlines.renewal': `${SEED} — « Les demandes de prolongation devront être envoyées […] avant le 29 juin 2026 » : dernier jour recevable le 28 juin`,
    priceCapPerCollectif: `${SEED} — « dans la limite d'un prix plafond de 8 652 € par an, soit une valeur maximale de la Ps de 2 811,90 € »`,
    psRate: `${SEED} — « Prise en compte de 32,5 % des dépenses de fonctionnement »`,
    bonusEnfants: `${SEED} — « Bonus "enfants" […] (335 € par collectif d'enfants) »`,
    bonusParents: `${SEED} — « Bonus "parents" […] (335 € par collectif d'enfants) »`,
    maxCafShare: `${SEED} — « ne peut excéder 80 % du coût total annuel de fonctionnement »`,
    'rhythm.normal': `${SEED} — « deux séances hebdomadaires, d'une heure trente par séance »`,
    'rhythm.rural': `${SEED} — « une séance hebdomadaire de 2 heures consécutives peut être validée »`,
    'rhythm.minWeeks': `${SEED} — « sur une période de 27 semaines minimum de fonctionnement annuel »`,
    'groupSize.min': `${SEED} — « Un groupe constitué de 8 à 12 enfants maximum »`,
    'groupSize.max': `${SEED} — « 8 à 12 enfants maximum »`,
    'groupSize.ruralMin': `${SEED} — « En milieu rural […] un nombre minimum de 5 enfants par collectif est accepté »`,
    'groupSize.disabilityMin': `${SEED} — « Il en est de même pour un collectif d'enfants qui accueille un enfant en situation de handicap nécessitant une attention renforcée »`,
    'staff.perCollectif': `${SEED} — « encadré et animé par 2 intervenants professionnels et/ou bénévoles »`,
    'staff.ruralSmallGroup': `${SEED} — « En milieu rural, l'encadrement par un animateur pour un collectif inférieur à 8 enfants est accepté »`,
    'options.noSport': `${SEED} — « en dehors de toute activité physique ou sportive »`,
    'options.trainingRequiredForNewStaff': `${SEED} — « la formation sur les fondamentaux s'impose à tous les nouveaux accompagnateurs Clas »`,
    'options.renewalNeedsPriorBilan': `${SEED} — « ne pourra être instruite que sous condition préalable de réception du bilan qualitatif 2025-2026 »`,
    'options.symbolicFamilyFeeCeiling': `${SEED} — « nature symbolique de la participation financière », sans plafond chiffré`,
    'conventions.maxYears': `${SEED} — « Le conventionnement du projet sera adapté à la temporalité du projet (maximum 4 ans) »`,
    bilanDueDates: `${SEED} — pour l'année précédente : « réception du bilan qualitatif 2025-2026 » préalable à l'instruction du renouvellement (avant le 29 juin) et bilan « à saisir dans l'appliquatif ESPADA […] (courant septembre 2026) » ; reporté d'un an : 28 juin et 30 septembre 2027`,
  },
);
