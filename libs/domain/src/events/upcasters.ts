/** A stored event as an upcaster sees it: the envelope's type, version and opaque data. */
interface StoredShape {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/**
 * One step of an event's schema history, applied by the event store at read time (stored events
 * are never rewritten). Structurally the store's `Upcaster`: the domain imports nothing.
 */
export interface ClasUpcaster {
  type: string;
  fromSchemaVersion: number;
  upcast<E extends StoredShape>(event: E): E;
}

/**
 * Every schema change of the catalogue, oldest first. CommitteeDecisionRecorded v1 → v2: decisions
 * recorded before committee meetings existed were taken in no known meeting (meetingId null);
 * their meetingDate stays as recorded. CampaignOpened v1 → v2: a campaign opened before bilan due
 * dates existed set none (R-BILAN-DUE: no due date, never late); an amendment's patch may always
 * leave them out, so CampaignParametersAmended needs no step.
 */
export const CLAS_UPCASTERS: readonly ClasUpcaster[] = Object.freeze([
  {
    type: 'CommitteeDecisionRecorded',
    fromSchemaVersion: 1,
    upcast: <E extends StoredShape>(event: E): E => ({ ...event, schemaVersion: 2, data: { meetingId: null, ...(event.data as object) } }),
  },
  {
    type: 'CampaignOpened',
    fromSchemaVersion: 1,
    upcast: <E extends StoredShape>(event: E): E => {
      const data = event.data as { parameters: object };
      return {
        ...event,
        schemaVersion: 2,
        data: { ...data, parameters: { bilanDueDates: { qualitative: null, quantitative: null, financial: null }, ...data.parameters } },
      };
    },
  },
]);
