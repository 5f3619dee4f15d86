import type { StoredEvent } from '@clas/event-store';
import type { OutboundMessage } from './publisher.port.js';

/**
 * An event as a Kafka record: keyed by streamId (one stream → one partition → its order kept),
 * the value is the envelope exactly as stored (opaque ids only), the headers let consumers route
 * and deduplicate (by eventId) without parsing the value.
 */
export function toMessage(event: StoredEvent, topic: string): OutboundMessage {
  const headers: Record<string, string> = {
    type: event.type,
    schemaVersion: String(event.schemaVersion),
    eventId: event.eventId,
    globalPosition: String(event.globalPosition),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
  };
  if (typeof event.metadata.caf === 'string') headers.caf = event.metadata.caf;
  return { topic, key: event.streamId, value: JSON.stringify(event), headers };
}
