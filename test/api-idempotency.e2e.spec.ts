import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actors, approvedInMeeting, commands, paris, STORY_START } from '@clas/application/testing';
import { FakeClock } from '@clas/event-store/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { type SeedStep, seedSeason } from './support/season.seed.js';

/**
 * Issue 11 §1, R-IDEMPOTENCY over HTTP: a commandId names one command. Reused for another one
 * (another collectif, another operator, another body) it is a 422 naming what differs — never a
 * 200 "duplicate" carrying the other command's ids while the new write is silently dropped.
 */
const uuid = (n: number) => `11000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
type Actor = (typeof actors)[keyof typeof actors];

describe('R-IDEMPOTENCY over HTTP: a reused commandId is refused, never silently dropped', () => {
  let api: ApiHarness;
  // A clock the test moves, so "later" is really later for a body sent without occurredAt.
  // It starts before the season, which seedSeason then receives as it happened (R-LIFE-RECEIPT).
  const clock = new FakeClock(STORY_START);
  const post = (path: string, actor: Actor) => request(api.http).post(path).set('Authorization', api.bearer(actor));
  const session = (commandId: string, sessionId: string, extra: Record<string, unknown> = {}) => ({
    commandId,
    occurredAt: '2026-11-03T18:00:00Z',
    data: { sessionId, date: '2026-11-03', start: '16:45', minutes: 90, kind: 'children', activityTypes: ['methodology'] },
    ...extra,
  });
  const feedOf = async (): Promise<Array<{ streamId: string; metadata: { commandId?: string } }>> =>
    (await request(api.http).get('/feed?limit=1000').set('Authorization', api.bearer(actors.auditor)).expect(200)).body.events;

  beforeAll(async () => {
    api = await startApi({ clock });
    // Operator op-2 gets its own approved project and collectif col-2.
    await seedSeason(api, [
      [commands.fileApplication('prj-2', paris('2026-06-20'), { operatorId: 'op-2' }), actors.otherOperator],
      [commands.openExamination('prj-2'), actors.agent],
      ...approvedInMeeting('prj-2').map((step): SeedStep => [step, actors.committee]),
      [commands.openCollectif('col-2', 'prj-2'), actors.otherOperator],
    ]);
  });
  afterAll(() => api.close());

  it('operator B reusing operator A’s commandId on its own collectif → 422 COMMAND_ID_REUSED naming stream and actor; B’s session is not in the log; A’s retry is still a 200 duplicate', async () => {
    const K = uuid(1);
    const first = await post('/collectifs/col-1/sessions', actors.operator).send(session(K, 'ses-a')).expect(201);
    expect(first.body).toMatchObject({ streamId: 'collectif-col-1', duplicate: false });
    const head = await api.store.headPosition();

    const reused = await post('/collectifs/col-2/sessions', actors.otherOperator).send(session(K, 'ses-b')).expect(422);
    expect(reused.body).toEqual({
      statusCode: 422,
      code: 'COMMAND_ID_REUSED',
      ruleId: 'R-IDEMPOTENCY',
      message: expect.stringContaining(`commandId ${K} was already used for another command`),
      details: { commandId: K, differs: ['stream', 'actor', 'payload'] },
    });
    // Nothing of A's command leaks to B: neither its stream nor its event ids.
    expect(JSON.stringify(reused.body)).not.toContain('col-1');
    for (const id of first.body.eventIds as string[]) expect(JSON.stringify(reused.body)).not.toContain(id);

    expect(await api.store.headPosition()).toBe(head);
    const col2 = await api.store.readStream('collectif-col-2');
    expect(col2.filter((e) => (e.data as { sessionId?: string }).sessionId === 'ses-b')).toEqual([]);
    expect((await feedOf()).filter((e) => e.metadata.commandId === K).map((e) => e.streamId)).toEqual(['collectif-col-1']);

    const retry = await post('/collectifs/col-1/sessions', actors.operator).send(session(K, 'ses-a')).expect(200);
    expect(retry.body).toEqual({ ...first.body, duplicate: true });
    // B, told what happened, sends its session under a key of its own: recorded.
    await post('/collectifs/col-2/sessions', actors.otherOperator)
      .send(session(uuid(2), 'ses-b'))
      .expect(201);
  });

  it('the same caller on the same collectif: another body or another command under the same key → 422 naming what differs; nothing appended', async () => {
    const K = uuid(3);
    await post('/collectifs/col-1/sessions', actors.operator).send(session(K, 'ses-c')).expect(201);
    const head = await api.store.headPosition();
    const other = await post('/collectifs/col-1/sessions', actors.operator)
      .send(session(K, 'ses-c', { occurredAt: '2026-11-03T19:00:00Z' }))
      .expect(422);
    expect(other.body).toMatchObject({ code: 'COMMAND_ID_REUSED', details: { differs: ['payload'] } });
    // Another command type on the same collectif: refused as a reused key, the session is not cancelled.
    const cancel = await post('/collectifs/col-1/sessions/ses-c/cancellation', actors.operator)
      .send({ commandId: K, occurredAt: '2026-11-03T19:00:00Z', data: { reason: 'grève' } })
      .expect(422);
    expect(cancel.body).toMatchObject({ code: 'COMMAND_ID_REUSED', details: { differs: ['type', 'payload'] } });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('a body sent without occurredAt (the API fills in "now") and retried a minute later is recognised: 200 duplicate', async () => {
    const K = uuid(4);
    const { occurredAt: _omitted, ...body } = session(K, 'ses-d');
    const first = await post('/collectifs/col-1/sessions', actors.operator).send(body).expect(201);
    clock.advance(60_000);
    const retry = await post('/collectifs/col-1/sessions', actors.operator).send(body).expect(200);
    expect(retry.body).toEqual({ ...first.body, duplicate: true });
    // Declaring an instant this time is another request under the same key.
    const declared = await post('/collectifs/col-1/sessions', actors.operator)
      .send({ ...body, occurredAt: '2026-11-03T18:00:00Z' })
      .expect(422);
    expect(declared.body).toMatchObject({ code: 'COMMAND_ID_REUSED', details: { differs: ['payload'] } });
  });
});
