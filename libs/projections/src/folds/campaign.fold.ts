import type { CampaignEvent, CampaignParameters, CampaignParametersPatch, LocalDate, RecordedEvent } from '@clas/domain';
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
  /** Every event folded (opening then amendments). */
  eventIds: string[];
}

const EVENT_TYPES = ['CampaignOpened', 'CampaignParametersAmended'] as const satisfies readonly CampaignEvent['type'][];
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
    default:
      return assertNever(event, 'campaign event');
  }
}

/** The campaign's parameters at a date, with the events that set them (R-PS-EXPLAIN). */
export const campaignFold: KeyedFold<CampaignFoldState> = {
  name: 'campaign',
  version: 1,
  eventTypes: EVENT_TYPES,
  keysOf(event) {
    if (!TYPES.has(event.type)) return [];
    const data = event.data as { cafCode: string; schoolYear: string };
    return [campaignKey(data.cafCode, data.schoolYear)];
  },
  initial: (key) => ({ key, parameters: null, openedOn: null, openedEventId: null, fieldSources: {}, amendments: [], eventIds: [] }),
  evolve: evolveCampaign,
};
