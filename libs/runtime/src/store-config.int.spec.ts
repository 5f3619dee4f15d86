import { describe, expect, it } from '@jest/globals';
import { evolveProject, initialProjectState, isClasEvent, projectStreamId } from '@clas/domain';
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
});
