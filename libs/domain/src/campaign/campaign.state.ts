import type { CampaignEvent } from '../events/campaign.events.js';
import { assertNever } from '../shared/result.js';
import type { Cents } from '../shared/money.js';
import type { SchoolYear } from '../shared/school-year.js';
import type { CampaignParameters } from './campaign-parameters.js';

export type CampaignState =
  | { status: 'not_opened' }
  | {
      status: 'open';
      cafCode: string;
      schoolYear: SchoolYear;
      parameters: CampaignParameters;
      amendments: number;
      /** R-BUDGET-ENVELOPE: the Clas credits in force, in cents; null while none is recorded (decisions are then not checked). */
      envelope: Cents | null;
    };

export const initialCampaignState = (): CampaignState => ({ status: 'not_opened' });

/** The parameters in force are the opening set with each amendment's fields replaced, in order. */
export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  switch (event.type) {
    case 'CampaignOpened':
      return {
        status: 'open',
        cafCode: event.data.cafCode,
        schoolYear: event.data.schoolYear,
        parameters: event.data.parameters,
        amendments: 0,
        envelope: null,
      };
    case 'CampaignParametersAmended':
      if (state.status !== 'open') return state;
      return { ...state, parameters: { ...state.parameters, ...event.data.patch }, amendments: state.amendments + 1 };
    case 'BudgetEnvelopeSet':
    case 'BudgetEnvelopeAmended':
      return state.status === 'open' ? { ...state, envelope: event.data.amount } : state;
    default:
      return assertNever(event, 'campaign event');
  }
}
