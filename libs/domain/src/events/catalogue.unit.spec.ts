import { describe, it, expect } from '@jest/globals';
import type { RecordedEvent } from '../shared/recorded-event.js';
import { schoolYear } from '../shared/school-year.js';
import { CLAS_EVENT_CATALOGUE, CLAS_EVENT_TYPES, isClasEvent, isClasEventType, makeEvent, streamIdOf } from './catalogue.js';
import { campaignStreamId, parseStreamId } from './stream-ids.js';

describe('event catalogue', () => {
  it('lists every event type once, each with a stream kind and schema version 1', () => {
    expect(new Set(CLAS_EVENT_TYPES).size).toBe(CLAS_EVENT_TYPES.length);
    expect(CLAS_EVENT_TYPES.length).toBe(42);
    const byStream = CLAS_EVENT_TYPES.reduce<Record<string, number>>(
      (acc, t) => ({ ...acc, [CLAS_EVENT_CATALOGUE[t].stream]: (acc[CLAS_EVENT_CATALOGUE[t].stream] ?? 0) + 1 }),
      {},
    );
    expect(byStream).toEqual({ campaign: 2, operator: 3, project: 16, collectif: 11, convention: 8, webhooks: 2 });
    expect(CLAS_EVENT_TYPES.every((t) => CLAS_EVENT_CATALOGUE[t].schemaVersion === 1)).toBe(true);
    expect(CLAS_EVENT_TYPES.every((t) => /^[A-Z][A-Za-z]+$/.test(t))).toBe(true);
  });

  it('routes an event to its stream from its own data', () => {
    const event = makeEvent(
      'ChildLeft',
      {
        collectifId: 'col-1',
        projectId: 'prj-1',
        operatorId: 'op-1',
        cafCode: '11',
        schoolYear: schoolYear('2026-2027'),
        childId: 'ch-1',
        reason: 'moved',
        leftOn: '2026-12-01' as never,
      },
      '2026-12-01T10:00:00Z',
    );
    expect(event.schemaVersion).toBe(1);
    expect(streamIdOf(event)).toBe('collectif-col-1');
  });

  it('stream ids round-trip, including the campaign’s Caf and school year', () => {
    const id = campaignStreamId('2A', schoolYear('2026-2027'));
    expect(id).toBe('campaign-2A-2026-2027');
    expect(parseStreamId(id)).toEqual({ kind: 'campaign', cafCode: '2A', schoolYear: '2026-2027' });
    expect(parseStreamId('project-prj-1')).toEqual({ kind: 'project', id: 'prj-1' });
    expect(parseStreamId('webhooks-2A')).toEqual({ kind: 'webhooks', cafCode: '2A' });
    expect(parseStreamId('webhooks-x1')).toBeNull();
    expect(parseStreamId('shopping_cart-1')).toBeNull();
    expect(() => campaignStreamId('999x', schoolYear('2026-2027'))).toThrow(RangeError);
  });

  it('narrows a stored event only when its type and schema version are the catalogue’s', () => {
    const stored: RecordedEvent = {
      eventId: 'e1',
      streamId: 'operator-op-1',
      streamVersion: 0,
      globalPosition: 1,
      type: 'OperatorRegistered',
      schemaVersion: 1,
      data: {},
      occurredAt: '2026-03-02T09:00:00Z',
      recordedAt: '2026-03-02T09:00:01Z',
      metadata: { actor: 'agent-1', role: 'caf_agent' },
    };
    expect(isClasEvent(stored)).toBe(true);
    expect(isClasEvent({ ...stored, schemaVersion: 2 })).toBe(false);
    expect(isClasEventType('ShoppingCartOpened')).toBe(false);
  });
});
