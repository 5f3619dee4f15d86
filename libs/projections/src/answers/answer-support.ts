import type { LocalDate } from '@clas/domain';
import { parisDateOf } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';

/** The business day a question is about: `at` in Europe/Paris (R-LIFE-DATES). */
export const dayOf = (asOf: AsOf): LocalDate => parisDateOf(asOf.at);

/** The campaign event ids behind its parameters (R-PS-EXPLAIN): the opening and every amendment applied. */
export const campaignEventIds = (campaign: CampaignFoldState): string[] => [...campaign.eventIds];

/** What every answer carries about the question itself. */
export interface AnswerContext {
  asOf: AsOf;
  /** `at` as a Paris calendar day: the date rules compare LocalDates with. */
  day: LocalDate;
}

export const contextOf = (asOf: AsOf): AnswerContext => ({ asOf, day: dayOf(asOf) });
