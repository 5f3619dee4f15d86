import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@clas/event-store';

/** Bench shape: `streams` streams, each written by one append of `eventsPerStream` events. */
export interface Workload {
  streams: number;
  eventsPerStream: number;
  /** Stream indexes read one by one (same list for every store). */
  sampleStreams: number[];
}

export function streamId(index: number): string {
  return `project-${String(index).padStart(7, '0')}`;
}

/** A realistic small domain event (~300 bytes of JSON with its metadata). */
export function streamEvents(stream: number, count: number): NewEvent[] {
  const events: NewEvent[] = new Array(count);
  const commandId = `cmd-${stream}`;
  for (let i = 0; i < count; i++) {
    events[i] = {
      type: i === 0 ? 'ProjectSubmitted' : i % 3 === 0 ? 'SessionHeld' : 'ChildEnrolled',
      data: { projectId: stream, seq: i, childId: `child-${stream}-${i}`, amountCents: 1250 * (i + 1), label: 'Atelier lecture – été' },
      occurredAt: '2026-10-05T08:00:00.000Z',
      metadata: { actor: 'agent-42', role: 'caf_agent', caf: '11', correlationId: commandId, commandId },
    };
  }
  return events;
}

/** What the bare baselines store: the same envelope fields, serialised the same way. */
export interface BareRow {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  occurredAt: string;
  /** Set by the append, inside its transaction (the store's clock instant). */
  recordedAt: string;
}

export function bareRows(events: NewEvent[]): BareRow[] {
  return events.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    occurredAt: event.occurredAt,
    schemaVersion: event.schemaVersion ?? 1,
    recordedAt: '',
  }));
}

/** Deterministic sample so every store reads the same streams. */
export function sampleStreams(streams: number, count: number, seed = 42): number[] {
  let state = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < Math.min(count, streams); i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out.push(state % streams);
  }
  return out;
}
