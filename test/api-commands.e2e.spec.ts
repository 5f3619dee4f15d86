import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actors, audeParameters } from '@clas/application/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';

/** Issue 6 through the real ClasCommandBus and a real SQLite store: the campaign and operator controllers. */
const uuid = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('command endpoints over the real bus (issue 6)', () => {
  let api: ApiHarness;
  const as = (actor: (typeof actors)[keyof typeof actors]) => ({ Authorization: api.bearer(actor) });

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('POST /campaigns opens the campaign: 201, then the same commandId is a 200 duplicate that appends nothing', async () => {
    const body = { commandId: uuid(1), occurredAt: '2026-04-01T08:00:00Z', data: { parameters: audeParameters() } };
    const first = await request(api.http)
      .post('/campaigns')
      .set(as(actors.agent))
      .set('x-correlation-id', 'open-aude')
      .send(body)
      .expect(201);
    expect(first.body).toMatchObject({ streamId: 'campaign-11-2026-2027', streamVersion: 0, duplicate: false });
    expect(first.body.eventIds).toHaveLength(1);
    const head = await api.store.headPosition();

    const retry = await request(api.http).post('/campaigns').set(as(actors.agent)).send(body).expect(200);
    expect(retry.body).toEqual({ ...first.body, duplicate: true });
    expect(await api.store.headPosition()).toBe(head);

    // Every appended event records who acted, with which role, for which Caf and request.
    const [event] = await api.store.readStream('campaign-11-2026-2027');
    expect(event.metadata).toMatchObject({
      actor: 'agent-11',
      role: 'caf_agent',
      caf: '11',
      correlationId: 'open-aude',
      commandId: uuid(1),
    });
    expect(event.occurredAt).toBe('2026-04-01T08:00:00.000Z');
  });

  it('amendments: a stale If-Match is a 409 with the current version; the current one is accepted', async () => {
    const amend = (n: number, bonus: number) => ({ commandId: uuid(n), data: { patch: { bonusEnfants: bonus }, reason: 'barème CNAF' } });
    await request(api.http)
      .post('/campaigns/11/2026-2027/amendments')
      .set(as(actors.agent))
      .set('If-Match', '0')
      .send(amend(2, 34_000))
      .expect(201);
    const stale = await request(api.http)
      .post('/campaigns/11/2026-2027/amendments')
      .set(as(actors.agent))
      .set('If-Match', '0')
      .send(amend(3, 35_000))
      .expect(409);
    expect(stale.body).toMatchObject({
      statusCode: 409,
      code: 'CONCURRENCY_CONFLICT',
      streamId: 'campaign-11-2026-2027',
      expectedVersion: 0,
      currentVersion: 1,
    });
    const fresh = await request(api.http)
      .post('/campaigns/11/2026-2027/amendments')
      .set(as(actors.agent))
      .send({ ...amend(4, 35_000), expectedVersion: 1 })
      .expect(201);
    expect(fresh.body.streamVersion).toBe(2);
  });

  it("the domain's own input check comes back as a 400 naming the field (an empty patch)", async () => {
    const res = await request(api.http)
      .post('/campaigns/11/2026-2027/amendments')
      .set(as(actors.agent))
      .send({ commandId: uuid(5), data: { patch: {}, reason: 'nothing' } })
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'the request is invalid',
      errors: [{ field: 'data.patch', message: 'must change at least one parameter' }],
    });
  });

  it('an amendment of a campaign never opened → 404', async () => {
    const res = await request(api.http)
      .post('/campaigns/40/2026-2027/amendments')
      .set(as(actors.agentElsewhere))
      .send({ commandId: uuid(6), data: { patch: { bonusEnfants: 1 }, reason: 'r' } })
      .expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', what: 'campaign' });
  });

  it('operators: register, appoint the coordinator, record a declaration; a second registration is a 422 with the rule', async () => {
    const register = (n: number, operatorId: string) => ({
      commandId: uuid(n),
      occurredAt: '2026-04-15T08:00:00Z',
      data: { operatorId, cafCode: '11', name: `Association ${operatorId}`, kind: 'association' },
    });
    await request(api.http).post('/operators').set(as(actors.agent)).send(register(10, 'op-1')).expect(201);
    await request(api.http).post('/operators').set(as(actors.agent)).send(register(11, 'op-2')).expect(201);
    const again = await request(api.http).post('/operators').set(as(actors.agent)).send(register(12, 'op-1')).expect(422);
    expect(again.body).toMatchObject({
      statusCode: 422,
      code: 'OPERATOR_ALREADY_REGISTERED',
      ruleId: 'R-LIFE',
      details: { operatorId: 'op-1' },
    });

    const coordinator = await request(api.http)
      .post('/operators/op-1/coordinator')
      .set(as(actors.operator))
      .send({ commandId: uuid(13), data: { personId: 'staff-coord-1', qualificationLevel: 2, hasRelevantExperience: true } })
      .expect(201);
    expect(coordinator.body.streamId).toBe('operator-op-1');
    await request(api.http)
      .post('/operators/op-1/declarations')
      .set(as(actors.operator))
      .send({
        commandId: uuid(14),
        occurredAt: '2026-05-20T08:00:00Z',
        data: { declaration: 'insurance', documentDate: '2026-05-20', expiresOn: '2027-05-19', reference: 'MAIF-1' },
      })
      .expect(201);
    const events = await api.store.readStream('operator-op-1');
    expect(events.map((e) => [e.type, e.metadata.role])).toEqual([
      ['OperatorRegistered', 'caf_agent'],
      ['CoordinatorAppointed', 'operator'],
      ['OperatorDeclarationRecorded', 'operator'],
    ]);
  });

  it("an operator's token on another operator's resources → 403, nothing appended", async () => {
    const head = await api.store.headPosition();
    const res = await request(api.http)
      .post('/operators/op-2/declarations')
      .set(as(actors.operator))
      .send({ commandId: uuid(20), data: { declaration: 'laicite_charter', documentDate: '2026-05-20' } })
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('a centre social without its Caf approval: the domain refuses the field (400 naming data.cafApproval)', async () => {
    const res = await request(api.http)
      .post('/operators')
      .set(as(actors.agent))
      .send({ commandId: uuid(21), data: { operatorId: 'op-cs', cafCode: '11', name: 'Centre social', kind: 'centre_social' } })
      .expect(400);
    expect(res.body.errors).toEqual([{ field: 'data.cafApproval', message: 'a centre social needs its Caf approval period (R-CONV-1)' }]);
  });

  it('a coordinator of an operator never registered → 404 to that operator itself, 403 to an agent (who cannot tell it from another Caf’s, issue 11 §4)', async () => {
    const appoint = (n: number) => ({ commandId: uuid(n), data: { personId: 'p-1', qualificationLevel: 3, hasRelevantExperience: false } });
    const ghost = { id: 'user-op-ghost', role: 'operator', caf: null, operatorId: 'op-ghost' } as const;
    const res = await request(api.http).post('/operators/op-ghost/coordinator').set(as(ghost)).send(appoint(22)).expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', what: 'operator', id: 'op-ghost' });
    const agent = await request(api.http).post('/operators/op-ghost/coordinator').set(as(actors.agent)).send(appoint(23)).expect(403);
    expect(agent.body.code).toBe('FORBIDDEN');
  });
});
