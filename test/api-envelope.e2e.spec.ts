import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor } from '@clas/application';
import { PARAMETER_SETS, localDate, parisInstant } from '@clas/domain';
import { actors, content } from '@clas/application/testing';
import { FakeClock } from '@clas/event-store/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';

/**
 * R-BUDGET-ENVELOPE through HTTP: the Caf records its envelope, the committee's approval that
 * would exceed it is a 422 that writes nothing, the same approval with a reasoned override is
 * recorded, and GET /cafs/{caf}/envelopes/{schoolYear} answers at any at / knownAt.
 */
const paris = (date: string, time = '10:00') => parisInstant(localDate(date), time);
const ENVELOPE = '/campaigns/11/2026-2027/envelope';
const QUERY = '/cafs/11/envelopes/2026-2027';
const dashboard: Actor = { id: 'dash-11', role: 'dashboard', caf: '11', operatorId: null };

const opened: ApiHarness[] = [];
afterEach(async () => {
  for (const api of opened.splice(0)) await api.close();
});

async function season() {
  const clock = new FakeClock(paris('2026-03-01'));
  const api = await startApi({ clock });
  opened.push(api);
  const post = (path: string, actor: Actor, data: object = {}) =>
    request(api.http).post(path).set('Authorization', api.bearer(actor)).send({ commandId: randomUUID(), data });
  const get = (path: string, actor: Actor = actors.agent) => request(api.http).get(path).set('Authorization', api.bearer(actor));
  const on = (date: string, time = '10:00') => clock.set(paris(date, time));

  await post('/campaigns', actors.agent, { parameters: PARAMETER_SETS['11-2026-2027'] }).expect(201);
  for (const projectId of ['prj-1', 'prj-2']) {
    const operatorId = `op-${projectId}`;
    await post('/operators', actors.agent, { operatorId, cafCode: '11', name: `Association ${operatorId}`, kind: 'association' }).expect(
      201,
    );
    on('2026-06-20');
    await post(`/projects/${projectId}/application`, actors.agent, {
      operatorId,
      cafCode: '11',
      schoolYear: '2026-2027',
      applicationKind: 'new',
      content: content(),
    }).expect(201);
    on('2026-09-01');
    await post(`/projects/${projectId}/examination`, actors.agent).expect(201);
  }
  return { api, post, get, on };
}

/** 2 collectifs on 18 000 €, no bonus: 2 × 2 811,90 € = 5 623,80 € committed each. */
const approve = (projectId: string, envelopeOverride?: { reason: string }) => ({
  decisionId: `dec-${projectId}`,
  meetingId: 'cttee-2026-10-05',
  effectiveDate: '2026-10-05',
  decision: {
    outcome: 'approved',
    approvedCollectifs: 2,
    bonusesGranted: { enfants: null, parents: null },
    forecastOperatingCost: 1_800_000,
  },
  ...(envelopeOverride ? { envelopeOverride } : {}),
});

describe('budget envelope (R-BUDGET-ENVELOPE)', () => {
  it('R-BUDGET-ENVELOPE: a negative envelope is a 400 naming the field; only an agent of that Caf records it', async () => {
    const s = await season();
    const head = await s.api.store.headPosition();
    const negative = await s.post(ENVELOPE, actors.agent, { amount: -1 }).expect(400);
    expect(negative.body.errors).toEqual([{ field: 'data.amount', message: 'must be an integer ≥ 0 (cents)' }]);
    await s.post(ENVELOPE, actors.committee, { amount: 1_000_000 }).expect(403);
    // A Caf agent of another Caf (Landes) records nothing on the Aude campaign.
    await s.post(ENVELOPE, actors.agentElsewhere, { amount: 1_000_000 }).expect(403);
    expect(await s.api.store.headPosition()).toBe(head);
    const noEnvelope = await s.get(QUERY).expect(200);
    expect(noEnvelope.body).toMatchObject({ checked: false, envelope: null, remaining: null });
  });

  it('R-BUDGET-ENVELOPE: an approval beyond the envelope is a 422 that writes nothing; with an override it is recorded and answered at any date', async () => {
    const s = await season();
    s.on('2026-09-15');
    await s.post(ENVELOPE, actors.agent, { amount: 1_000_000 }).expect(201);
    s.on('2026-10-05', '15:00');
    await s
      .post('/committees/11/2026-2027/meetings/cttee-2026-10-05/held', actors.committee, {
        date: '2026-10-05',
        members: [{ institution: 'caf' }, { institution: 'dsden' }],
        agenda: ['prj-1', 'prj-2'],
      })
      .expect(201);
    await s.post('/projects/prj-1/decision', actors.committee, approve('prj-1')).expect(201);

    const head = await s.api.store.headPosition();
    const over = await s.post('/projects/prj-2/decision', actors.committee, approve('prj-2')).expect(422);
    expect(over.body).toMatchObject({
      code: 'BUDGET_ENVELOPE_EXCEEDED',
      ruleId: 'R-BUDGET-ENVELOPE',
      details: { envelope: 1_000_000, committed: 562_380, thisDecision: 562_380, excess: 124_760 },
    });
    expect(await s.api.store.headPosition()).toBe(head);

    const reason = 'Quartier prioritaire sans autre Clas ; dotation complémentaire demandée';
    await s.post('/projects/prj-2/decision', actors.committee, approve('prj-2', { reason })).expect(201);
    const history = await s.get('/projects/prj-2/history', actors.auditor).expect(200);
    const recorded = (history.body.events as Array<{ type: string; data: Record<string, unknown> }>).find(
      (e) => e.type === 'CommitteeDecisionRecorded',
    );
    expect(recorded?.data.envelopeOverride).toEqual({
      reason,
      envelope: 1_000_000,
      committed: 562_380,
      thisDecision: 562_380,
      excess: 124_760,
    });

    s.on('2026-12-01');
    await s
      .post(`${ENVELOPE}/amendments`, actors.agent, { change: { kind: 'delta', delta: 200_000 }, reason: 'dotation complémentaire' })
      .expect(201);
    s.on('2026-12-02');

    const now = await s.get(QUERY, dashboard).expect(200);
    expect(now.body).toMatchObject({ checked: true, envelope: 1_200_000, committed: 1_124_760, consumed: 0, remaining: 75_240 });
    expect(now.body.overrides).toEqual([expect.objectContaining({ projectId: 'prj-2', reason, excess: 124_760 })]);
    expect(now.body.summary).toContain('reste disponible 752,40\u00a0€');
    const before = await s.get(`${QUERY}?knownAt=${encodeURIComponent(paris('2026-11-30'))}`, actors.auditor).expect(200);
    expect(before.body).toMatchObject({ envelope: 1_000_000, remaining: -124_760 });
    expect(before.body.summary).toContain('dépassement 1\u202f247,60\u00a0€');

    await s.get(QUERY, actors.operator).expect(403);

    // The departmental bilan carries the same figures, and its CSV lists them (the envelope on the total line only).
    const bilan = await s.get('/cafs/11/bilans/2026-2027', dashboard).expect(200);
    expect(bilan.body.envelope).toEqual({ envelope: 1_200_000, committed: 1_124_760, remaining: 75_240 });
    expect(bilan.body.bilan.totals.committed).toBe(1_124_760);
    const csv = await s.get('/cafs/11/bilans/2026-2027?format=csv', dashboard).expect(200);
    const [, header, total, commune] = csv.text
      .replace('\uFEFF', '')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(header!.slice(-3)).toEqual(['engagé €', 'enveloppe €', 'reste sur enveloppe €']);
    expect(total!.slice(-3)).toEqual(['11247,60', '12000,00', '752,40']);
    expect(commune!.slice(-3)).toEqual(['11247,60', '', '']);
  });
});
