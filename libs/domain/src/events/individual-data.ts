import { CLAS_EVENT_CATALOGUE, CLAS_EVENT_TYPES, type ClasEventType, type PersonIdKind, isClasEventType } from './catalogue.js';

/** Any event-shaped value: a domain event, a stored envelope. */
interface EventLike {
  type: string;
  data: unknown;
}

/** Removes one path (`a.b`, `a[].b`) from a JSON value already copied by the caller. */
function removePath(value: unknown, steps: readonly string[]): void {
  if (steps.length === 0 || value === null || typeof value !== 'object') return;
  const [step, ...rest] = steps as [string, ...string[]];
  const record = value as Record<string, unknown>;
  if (step.endsWith('[]')) {
    const items = record[step.slice(0, -2)];
    if (Array.isArray(items)) for (const item of items) removePath(item, rest);
    return;
  }
  if (rest.length === 0) delete record[step];
  else removePath(record[step], rest);
}

/**
 * The event as a reader of aggregates only may see it (the dashboard role, issue 11 §4): null
 * when the whole event is individual-level — or outside the catalogue, so an unknown type fails
 * closed —, else a copy without the individual-level fields the catalogue lists.
 */
export function withoutIndividualData<E extends EventLike>(event: E): E | null {
  if (!isClasEventType(event.type)) return null;
  const individual = CLAS_EVENT_CATALOGUE[event.type].individual;
  if (individual === undefined) return event;
  if (individual === 'event') return null;
  // Event data is plain JSON (the store refuses anything else): a JSON round trip is a deep copy.
  const data: unknown = JSON.parse(JSON.stringify(event.data));
  for (const path of individual) removePath(data, path.split('.'));
  return { ...event, data };
}

/** The event types that claim a person id for an operator (catalogue `personClaim`), for a store filter. */
export const PERSON_CLAIM_EVENT_TYPES: readonly ClasEventType[] = Object.freeze(
  CLAS_EVENT_TYPES.filter((type) => CLAS_EVENT_CATALOGUE[type].personClaim !== undefined),
);

/** The person id an event claims for its operator, and its kind; null for any other event. */
export function personClaimOf(event: EventLike): { personId: string; kind: PersonIdKind } | null {
  if (!isClasEventType(event.type)) return null;
  const claim = CLAS_EVENT_CATALOGUE[event.type].personClaim;
  if (claim === undefined) return null;
  const personId = (event.data as Record<string, unknown> | null)?.[claim.field];
  return typeof personId === 'string' ? { personId, kind: claim.kind } : null;
}
