import { describe, expect, it } from '@jest/globals';
import { EventStoreError } from './errors.js';
import type { PreparedEvent } from './event-preparation.js';
import {
  backoffDelay,
  commandEventId,
  fromCurrentRevision,
  positionToGlobal,
  startPositionFor,
  toChainRecord,
  toEventData,
  toExpectedRevision,
  toServerFilter,
  toStoredEvent,
} from './eventstoredb-mapping.js';

describe('EventStoreDB mapping', () => {
  it('maps our 0-based versions onto revisions and back', () => {
    expect(toExpectedRevision(-1)).toBe('no_stream');
    expect(toExpectedRevision('any')).toBe('any');
    expect(toExpectedRevision(0)).toBe(0n);
    expect(toExpectedRevision(41)).toBe(41n);
    expect(fromCurrentRevision('no_stream')).toBe(-1);
    expect(fromCurrentRevision(7n)).toBe(7);
  });

  it('uses the prepare position as globalPosition, exact below 2^53 and refused above', () => {
    expect(positionToGlobal({ commit: 1234n, prepare: 1234n })).toBe(1234);
    expect(positionToGlobal({ commit: 9_007_199_254_740_991n, prepare: 9_007_199_254_740_991n })).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => positionToGlobal({ commit: 2n ** 53n, prepare: 2n ** 53n })).toThrow(EventStoreError);
    // Servers before 22.6 send "no position" (ulong max) on stream reads.
    expect(() => positionToGlobal({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toThrow(/22\.6/);
    expect(() => positionToGlobal(undefined)).toThrow(EventStoreError);
  });

  it('resumes from the commit of the event at or before a checkpoint', () => {
    expect(startPositionFor({ commit: 500n, prepare: 640n })).toEqual({ commit: 500n, prepare: 500n });
  });

  it('round-trips the envelope and its chain hash through ESDB data and metadata, stored JSON text byte for byte', () => {
    const prepared: PreparedEvent = {
      eventId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      type: 'ProjectSubmitted',
      schemaVersion: 2,
      data: JSON.stringify({ projectId: 'p-1', amountCents: 120000 }),
      metadata: JSON.stringify({ actor: 'u-1', role: 'operator', caf: '11', commandId: 'cmd-1' }),
      occurredAt: '2026-09-01T07:00:00.000Z',
      recordedAt: '2026-09-02T08:00:00.000Z',
    };
    const hash = Buffer.alloc(32, 7);
    const wire = toEventData(prepared, hash);
    const recorded = {
      streamId: 'project-1',
      id: wire.id,
      revision: 3n,
      type: wire.type,
      created: new Date('2026-09-02T08:00:00.123Z'),
      isJson: true,
      data: JSON.parse(JSON.stringify(wire.data)),
      metadata: JSON.parse(JSON.stringify(wire.metadata)),
      position: { commit: 88_000n, prepare: 88_000n },
    };
    const stored = toStoredEvent(recorded);
    // What the chain hashed: the prepared JSON text, given back by re-serialising what the server holds.
    expect(toChainRecord(recorded, 'project-1')).toMatchObject({
      data: prepared.data,
      metadata: prepared.metadata,
      hash: hash.toString('hex'),
      schemaVersion: 2,
      recordedAt: prepared.recordedAt,
    });
    expect(stored).toEqual({
      eventId: prepared.eventId,
      streamId: 'project-1',
      streamVersion: 3,
      globalPosition: 88_000,
      type: 'ProjectSubmitted',
      schemaVersion: 2,
      data: { projectId: 'p-1', amountCents: 120000 },
      occurredAt: '2026-09-01T07:00:00.000Z',
      recordedAt: '2026-09-02T08:00:00.000Z',
      metadata: { actor: 'u-1', role: 'operator', caf: '11', commandId: 'cmd-1' },
    });
  });

  it('sends a stream prefix to the server, else the exact types as an anchored regex', () => {
    expect(toServerFilter({ streamPrefix: 'project-', types: ['A'] })).toEqual({ on: 'streamName', prefixes: ['project-'] });
    const filter = toServerFilter({ types: ['A.b', 'C'] });
    expect(filter).toEqual({ on: 'eventType', regex: '^(?:A\\.b|C)$' });
    const regex = new RegExp((filter as { regex: string }).regex);
    expect(['A.b', 'C', 'AxB', 'CC', '$metadata'].map((t) => regex.test(t))).toEqual([true, true, false, false, false]);
    expect(toServerFilter({})).toBeUndefined();
  });

  it('derives stable, distinct UUIDv5 event ids from a command id and index', () => {
    const a = commandEventId('cmd-1', 0);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(commandEventId('cmd-1', 0)).toBe(a);
    expect(new Set([a, commandEventId('cmd-1', 1), commandEventId('cmd-2', 0), commandEventId('cmd-10', 0)]).size).toBe(4);
  });

  it('backs off exponentially with equal jitter, capped', () => {
    const policy = { initialMs: 100, maxMs: 1_000, factor: 2 };
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});
