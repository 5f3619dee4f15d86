import { describe, expect, it } from '@jest/globals';
import {
  LANDES_2025_2026,
  NO_BILAN_DUE_DATES,
  campaignStreamId,
  evolveCampaign,
  evolveProject,
  initialCampaignState,
  initialProjectState,
  isClasEvent,
  projectStreamId,
  schoolYear,
} from '@clas/domain';
import { createEventStore } from '@clas/event-store';
import { loadConfig } from './config.js';
import { storeConfigOf } from './store-config.js';

describe('the store every app opens (storeConfigOf)', () => {
  it('R-COMMITTEE-MEETING: reads a decision recorded before meetings were (v1) as v2 with meetingId null, which the project fold takes', async () => {
    const store = await createEventStore(storeConfigOf(loadConfig({ CLAS_SQLITE_PATH: ':memory:' })));
    try {
      const ref = { projectId: 'prj-old', operatorId: 'op-1', cafCode: '40', schoolYear: '2024-2025' };
      const v1 = {
        ...ref,
        decisionId: 'dec-old',
        meetingDate: '2024-10-02',
        effectiveDate: '2024-10-02',
        decision: { outcome: 'refused', reasons: [{ code: 'LATE', ruleId: null, text: 'hors délai' }] },
      };
      await store.append(
        projectStreamId('prj-old'),
        [
          {
            eventId: '01a00000-0000-7000-8000-000000000001',
            type: 'CommitteeDecisionRecorded',
            schemaVersion: 1,
            data: v1,
            occurredAt: '2024-10-02T12:00:00.000Z',
            metadata: { actor: 'legacy', role: 'system' },
          },
        ],
        'any',
      );
      const [read] = await store.readStream(projectStreamId('prj-old'));
      expect(read).toMatchObject({ schemaVersion: 2, data: { ...v1, meetingId: null } });
      expect(isClasEvent(read!)).toBe(true);
      const state = evolveProject(initialProjectState(), read as never);
      expect(state.decision).toMatchObject({ decisionId: 'dec-old', terms: { outcome: 'refused' } });
    } finally {
      await store.close();
    }
  });

  it('R-BILAN-DUE: reads a campaign opened before bilan due dates existed (v1) as v2 with none, which the campaign fold takes', async () => {
    const store = await createEventStore(storeConfigOf(loadConfig({ CLAS_SQLITE_PATH: ':memory:' })));
    try {
      const { bilanDueDates: _none, ...v1Parameters } = LANDES_2025_2026;
      const v1 = { cafCode: '40', schoolYear: '2025-2026', parameters: v1Parameters, openedOn: '2025-03-15' };
      const streamId = campaignStreamId('40', schoolYear('2025-2026'));
      await store.append(
        streamId,
        [
          {
            eventId: '01a00000-0000-7000-8000-000000000002',
            type: 'CampaignOpened',
            schemaVersion: 1,
            data: v1,
            occurredAt: '2025-03-15T09:00:00.000Z',
            metadata: { actor: 'legacy', role: 'system' },
          },
        ],
        'any',
      );
      const [read] = await store.readStream(streamId);
      expect(read).toMatchObject({ schemaVersion: 2, data: { parameters: { bilanDueDates: NO_BILAN_DUE_DATES } } });
      expect(isClasEvent(read!)).toBe(true);
      const state = evolveCampaign(initialCampaignState(), read as never);
      expect(state.status === 'open' && state.parameters.bilanDueDates).toEqual({ qualitative: null, quantitative: null, financial: null });
    } finally {
      await store.close();
    }
  });
});
