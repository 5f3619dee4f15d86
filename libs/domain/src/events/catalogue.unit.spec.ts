import { describe, it, expect } from '@jest/globals';
import type { RecordedEvent } from '../shared/recorded-event.js';
import { type SchoolYear, schoolYear } from '../shared/school-year.js';
import {
  CLAS_EVENT_CATALOGUE,
  CLAS_EVENT_TYPES,
  type ClasEventType,
  isClasEvent,
  isClasEventType,
  makeEvent,
  streamIdOf,
} from './catalogue.js';
import { campaignStreamId, committeeStreamId, parseStreamId } from './stream-ids.js';
import { CLAS_UPCASTERS } from './upcasters.js';

describe('event catalogue', () => {
  it('lists every event type once, each with a stream kind and schema version 1 but the decision (2: its meeting) and the opening (2: bilan due dates)', () => {
    expect(new Set(CLAS_EVENT_TYPES).size).toBe(CLAS_EVENT_TYPES.length);
    expect(CLAS_EVENT_TYPES.length).toBe(50);
    const byStream = CLAS_EVENT_TYPES.reduce<Record<string, number>>(
      (acc, t) => ({ ...acc, [CLAS_EVENT_CATALOGUE[t].stream]: (acc[CLAS_EVENT_CATALOGUE[t].stream] ?? 0) + 1 }),
      {},
    );
    expect(byStream).toEqual({ campaign: 4, operator: 3, project: 18, collectif: 11, convention: 8, committee: 4, webhooks: 2 });
    expect(CLAS_EVENT_TYPES.filter((t) => CLAS_EVENT_CATALOGUE[t].schemaVersion !== 1)).toEqual([
      'CampaignOpened',
      'CommitteeDecisionRecorded',
    ]);
    expect(CLAS_EVENT_CATALOGUE.CampaignOpened.schemaVersion).toBe(2);
    expect(CLAS_EVENT_CATALOGUE.CommitteeDecisionRecorded.schemaVersion).toBe(2);
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

  it('R-COMMITTEE-MEETING: a decision recorded before meetings existed (v1) is upcast to v2 with meetingId null, its data kept', () => {
    const v1 = {
      type: 'CommitteeDecisionRecorded',
      schemaVersion: 1,
      data: { projectId: 'prj-1', decisionId: 'dec-1', meetingDate: '2025-10-01', effectiveDate: '2025-10-01' },
      occurredAt: '2025-10-01T12:00:00.000Z',
    };
    const [upcaster] = CLAS_UPCASTERS.filter((u) => u.type === 'CommitteeDecisionRecorded' && u.fromSchemaVersion === 1);
    const upcast = upcaster!.upcast(v1);
    expect(upcast).toEqual({ ...v1, schemaVersion: 2, data: { ...v1.data, meetingId: null } });
    expect(isClasEvent(upcast)).toBe(true);
    expect(isClasEvent(v1)).toBe(false);
    expect(CLAS_UPCASTERS.every((u) => u.fromSchemaVersion < CLAS_EVENT_CATALOGUE[u.type as ClasEventType].schemaVersion)).toBe(true);
  });

  it('R-BILAN-DUE: a campaign opened before bilan due dates existed (v1) is upcast to v2 with no due date for any part', () => {
    const v1 = {
      type: 'CampaignOpened',
      schemaVersion: 1,
      data: {
        cafCode: '40',
        schoolYear: '2024-2025',
        parameters: { cafCode: '40', schoolYear: '2024-2025', minWeeks: 27 },
        openedOn: '2024-03-15',
      },
      occurredAt: '2024-03-15T09:00:00.000Z',
    };
    const [upcaster] = CLAS_UPCASTERS.filter((u) => u.type === 'CampaignOpened' && u.fromSchemaVersion === 1);
    const upcast = upcaster!.upcast(v1);
    expect(upcast).toEqual({
      ...v1,
      schemaVersion: 2,
      data: {
        ...v1.data,
        parameters: { ...v1.data.parameters, bilanDueDates: { qualitative: null, quantitative: null, financial: null } },
      },
    });
    expect(isClasEvent(upcast)).toBe(true);
    expect(isClasEvent(v1)).toBe(false);
  });

  it('parses committee streams like campaign streams', () => {
    expect(parseStreamId(committeeStreamId('11', '2026-2027' as SchoolYear))).toEqual({
      kind: 'committee',
      cafCode: '11',
      schoolYear: '2026-2027',
    });
  });
});
