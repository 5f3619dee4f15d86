import type { StoredEvent } from '@clas/event-store';

/**
 * The log carries opaque ids only, never personal data (names, contacts live in the operational
 * database, erasable). This guard is the second line: an event whose data has one of these
 * top-level fields is refused by the relay instead of being copied into Kafka, where it could
 * not be erased.
 */
export const DEFAULT_FORBIDDEN_FIELDS: readonly string[] = [
  'firstName',
  'lastName',
  'birthName',
  'fullName',
  'email',
  'phone',
  'mobile',
  'address',
  'birthDate',
  'nir',
];

export class PersonalDataError extends Error {
  constructor(
    readonly event: Pick<StoredEvent, 'eventId' | 'streamId' | 'type' | 'globalPosition'>,
    readonly fields: string[],
  ) {
    super(`event ${event.eventId} (${event.type}, ${event.streamId}) carries forbidden fields ${fields.join(', ')}: not published`);
    this.name = 'PersonalDataError';
  }
}

/** Top-level data fields of the event that are on the list (case-insensitive). */
export function forbiddenFieldsOf(event: StoredEvent, forbidden: readonly string[]): string[] {
  const data = event.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const wanted = new Set(forbidden.map((field) => field.toLowerCase()));
  return Object.keys(data).filter((key) => wanted.has(key.toLowerCase()));
}
