import type { StoredEvent } from './envelope.js';
import { EventStoreError } from './errors.js';
import type { Upcaster } from './event-store.port.js';

/** Longer chains are a registration mistake (a loop), not a schema history. */
const MAX_CHAIN = 64;

/** Applies registered upcasters at read time; an empty registry costs one Map miss per event. */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      let versions = this.byType.get(upcaster.type);
      if (versions === undefined) this.byType.set(upcaster.type, (versions = new Map()));
      if (versions.has(upcaster.fromSchemaVersion)) {
        throw new EventStoreError('INVALID_EVENT', `two upcasters for ${upcaster.type} v${upcaster.fromSchemaVersion}`);
      }
      versions.set(upcaster.fromSchemaVersion, upcaster);
    }
  }

  get isEmpty(): boolean {
    return this.byType.size === 0;
  }

  apply(event: StoredEvent): StoredEvent {
    let current = event;
    for (let step = 0; step < MAX_CHAIN; step++) {
      const upcaster = this.byType.get(current.type)?.get(current.schemaVersion);
      if (upcaster === undefined) return current;
      const next = upcaster.upcast(current);
      if (next.type === current.type && next.schemaVersion === current.schemaVersion) {
        throw new EventStoreError('INVALID_EVENT', `upcaster for ${current.type} v${current.schemaVersion} did not change the version`);
      }
      current = next;
    }
    throw new EventStoreError('INVALID_EVENT', `upcaster chain for ${event.type} v${event.schemaVersion} does not end`);
  }

  /** In place: the array is fresh from the database and owned by the caller. */
  applyAll(events: StoredEvent[]): StoredEvent[] {
    if (this.byType.size === 0) return events;
    for (let i = 0; i < events.length; i++) events[i] = this.apply(events[i]!);
    return events;
  }
}
