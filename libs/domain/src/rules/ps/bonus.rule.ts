import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import type { Cents } from '../../shared/money.js';
import type { Explanation } from '../../shared/recorded-event.js';
import type { BonusEnfantsCriterion, BonusParentsCriterion } from '../../events/vocabulary.js';
import { BONUS_ENFANTS_CRITERIA, BONUS_PARENTS_CRITERIA } from '../../events/vocabulary.js';
import type { Sourced } from '../facts/sourced.js';
import { eventIdsOf } from '../facts/sourced.js';

export type BonusKind = 'enfants' | 'parents';

export interface BonusLine {
  kind: BonusKind;
  /** Collectifs the bonus is paid on. */
  collectifs: number;
  perCollectif: Cents;
  amount: Cents;
  explanation: Explanation;
}

/** R-PS-BONUS: a fixed amount per collectif, on the collectifs it is paid on. */
export function bonusLine(
  kind: BonusKind,
  collectifs: number,
  params: Pick<CampaignParameters, 'bonusEnfants' | 'bonusParents'>,
  sourceEventIds: string[] = [],
  note?: string,
): BonusLine {
  if (!Number.isSafeInteger(collectifs) || collectifs < 0)
    throw new RangeError(`bonus collectifs must be a non-negative integer, got ${collectifs}`);
  const perCollectif = kind === 'enfants' ? params.bonusEnfants : params.bonusParents;
  const amount = perCollectif * collectifs;
  return {
    kind,
    collectifs,
    perCollectif,
    amount,
    explanation: { ruleId: 'R-PS-BONUS', inputs: { kind, collectifs, perCollectif }, sourceEventIds, output: { amount }, note },
  };
}

/**
 * A bonus request as facts (000, 002, 004). Criteria use the catalogue's codes:
 * enfants — a "fil rouge" over the year AND one of educational_equipment, paid_external_speakers,
 * outings_cultural_sport_projects; parents — a parent-support project over the year AND one of
 * specific_parent_actions, paid_external_speakers, targeted_public.
 */
export type BonusRequestFacts =
  | { kind: 'enfants'; structuredProjectOverYear: Sourced<boolean>; criteria: Sourced<readonly BonusEnfantsCriterion[]> }
  | { kind: 'parents'; parentSupportProjectOverYear: Sourced<boolean>; criteria: Sourced<readonly BonusParentsCriterion[]> };

export interface BonusRequestCheck {
  kind: BonusKind;
  meetsCriteria: boolean;
  criteriaMet: string[];
  reasons: string[];
  explanation: Explanation;
}

/**
 * R-PS-BONUS: does a request go "beyond the base"? The Caf still decides whether to grant it;
 * this says whether the departmental notes' criteria are met.
 */
export function checkBonusRequest(request: BonusRequestFacts): BonusRequestCheck {
  const [mandatory, mandatoryLabel, known] =
    request.kind === 'enfants'
      ? ([
          request.structuredProjectOverYear,
          'a structured socio-educational project over the year (fil rouge)',
          BONUS_ENFANTS_CRITERIA,
        ] as const)
      : ([request.parentSupportProjectOverYear, 'a specific parent-support project over the year', BONUS_PARENTS_CRITERIA] as const);
  const criteriaMet = [...new Set<string>(request.criteria.value)].filter((c) => (known as readonly string[]).includes(c));
  const reasons: string[] = [];
  if (!mandatory.value) reasons.push(`missing the mandatory ${mandatoryLabel}`);
  if (criteriaMet.length === 0) reasons.push(`none of the criteria: ${known.join(', ')}`);
  const meetsCriteria = reasons.length === 0;
  return {
    kind: request.kind,
    meetsCriteria,
    criteriaMet,
    reasons,
    explanation: {
      ruleId: 'R-PS-BONUS',
      inputs: { kind: request.kind, mandatory: mandatory.value, criteria: request.criteria.value },
      sourceEventIds: eventIdsOf(mandatory, request.criteria),
      output: { meetsCriteria, criteriaMet },
    },
  };
}
