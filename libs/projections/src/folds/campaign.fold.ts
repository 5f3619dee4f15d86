import type { CampaignEvent, CampaignParameters, CampaignParametersPatch, EnvelopeHistory, LocalDate, RecordedEvent } from '@clas/domain';
import { assertNever } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import { appended, asEventOf, typeSet, withId } from './fold-support.js';

/** Key of a campaign: one per Caf and school year. */
export const campaignKey = (cafCode: string, schoolYear: string): string => `${cafCode}:${schoolYear}`;

export interface CampaignAmendmentState {
  patch: CampaignParametersPatch;
  reason: string;
  amendedOn: LocalDate;
  eventId: string;
}

export interface CampaignFoldState {
  key: string;
  /** The effective parameters (opening set with the amendments applied in log order); null before CampaignOpened. */
  parameters: CampaignParameters | null;
  openedOn: LocalDate | null;
  openedEventId: string | null;
  /** R-PS-EXPLAIN: per top-level parameter field, the event that set its current value. */
  fieldSources: Record<string, string>;
  amendments: CampaignAmendmentState[];
  /** Every parameter event folded (opening then amendments): the PS explanations cite them. */
  eventIds: string[];
  /**
   * R-BUDGET-ENVELOPE: the envelope set and its amendments; null while none is recorded. Kept
   * apart from `eventIds`, which a PS explanation cites: the envelope sets no PS parameter.
   */
  envelope: EnvelopeHistory | null;
}

const EVENT_TYPES = [
  'CampaignOpened',
  'CampaignParametersAmended',
  'BudgetEnvelopeSet',
  'BudgetEnvelopeAmended',
] as const satisfies readonly CampaignEvent['type'][];
const TYPES = typeSet(EVENT_TYPES);

function evolveCampaign(state: CampaignFoldState, recorded: RecordedEvent): CampaignFoldState {
  const event = asEventOf<CampaignEvent>(recorded);
  switch (event.type) {
    case 'CampaignOpened': {
      const { parameters, openedOn } = event.data;
      const fieldSources: Record<string, string> = {};
      for (const field of Object.keys(parameters)) fieldSources[field] = event.eventId;
      return {
        ...state,
        parameters,
        openedOn,
        openedEventId: event.eventId,
        fieldSources,
        eventIds: withId(state.eventIds, event.eventId),
      };
    }
    case 'CampaignParametersAmended': {
      const { patch, reason, amendedOn } = event.data;
      // A patch replaces whole top-level fields (campaign.events.ts); an amendment before the opening is kept but cannot apply.
      const parameters = state.parameters ? ({ ...state.parameters, ...patch } as CampaignParameters) : null;
      const fieldSources = { ...state.fieldSources };
      for (const field of Object.keys(patch)) fieldSources[field] = event.eventId;
      return {
        ...state,
        parameters,
        fieldSources,
        amendments: appended(state.amendments, { patch, reason, amendedOn, eventId: event.eventId }),
        eventIds: withId(state.eventIds, event.eventId),
      };
    }
    case 'BudgetEnvelopeSet': {
      const { amount, setOn } = event.data;
      return { ...state, envelope: { set: { amount, setOn, eventId: event.eventId }, amendments: [] } };
    }
    case 'BudgetEnvelopeAmended': {
      // The decider refuses an amendment before the set; a log imported out of order keeps it out of the figures.
      if (state.envelope === null) return state;
      const { previousAmount, amount, delta, reason, amendedOn } = event.data;
      return {
        ...state,
        envelope: {
          ...state.envelope,
          amendments: [...state.envelope.amendments, { previousAmount, amount, delta, reason, amendedOn, eventId: event.eventId }],
        },
      };
    }
    default:
      return assertNever(event, 'campaign event');
  }
}

/** The campaign's parameters at a date, with the events that set them (R-PS-EXPLAIN). */
export const campaignFold: KeyedFold<CampaignFoldState> = {
  name: 'campaign',
  // 2: the envelope (R-BUDGET-ENVELOPE).
  version: 2,
  eventTypes: EVENT_TYPES,
  keysOf(event) {
    if (!TYPES.has(event.type)) return [];
    const data = event.data as { cafCode: string; schoolYear: string };
    return [campaignKey(data.cafCode, data.schoolYear)];
  },
  initial: (key) => ({
    key,
    parameters: null,
    openedOn: null,
    openedEventId: null,
    fieldSources: {},
    amendments: [],
    eventIds: [],
    envelope: null,
  }),
  evolve: evolveCampaign,
};
