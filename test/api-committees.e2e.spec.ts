import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor } from '@clas/application';
import { actors, commands, paris } from '@clas/application/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { seedSeason } from './support/season.seed.js';

/**
 * Issue 13 §2: the committee over HTTP, through the real bus — orientations, a meeting held with
 * its members and agenda, a decision taken in it, the ranking; and a decision outside a meeting
 * of its own committee refused with nothing appended. The season (seedSeason) approved prj-1 in
 * its own meeting; prj-2 (op-2) is filed and under examination.
 */
const uuid = (n: number) => `50000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const BASE = '/committees/11/2026-2027';
const APPROVAL = {
  outcome: 'approved',
  approvedCollectifs: 2,
  bonusesGranted: { enfants: null, parents: null },
  forecastOperatingCost: 1_800_000,
};

describe('committee meetings and orientations over the real bus (R-COMMITTEE-MEETING, R-COMMITTEE-ORIENTATIONS)', () => {
  let api: ApiHarness;
  let n = 0;
  const post = (path: string, actor: Actor, body: Record<string, unknown>) =>
    request(api.http)
      .post(path)
      .set('Authorization', api.bearer(actor))
      .send({ commandId: uuid(++n), ...body });
  const get = (path: string, actor: Actor = actors.committee) => request(api.http).get(path).set('Authorization', api.bearer(actor));
  const versionOf = async (projectId: string): Promise<number> =>
    (await get(`/projects/${projectId}/history`, actors.auditor).expect(200)).body.events.length;

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api, [
      [commands.fileApplication('prj-2', paris('2026-06-20'), { operatorId: 'op-2' }), actors.otherOperator],
      [commands.openExamination('prj-2'), actors.agent],
      [commands.fileApplication('prj-3', paris('2026-06-20'), { operatorId: 'op-2' }), actors.otherOperator],
      [commands.openExamination('prj-3'), actors.agent],
    ]);
  });
  afterAll(() => api.close());

  it('R-COMMITTEE-MEETING: orientations, a meeting held, a decision taken in it, then the ranking and the committee view', async () => {
    await post(`${BASE}/orientations`, actors.committee, {
      occurredAt: paris('2026-09-15'),
      data: {
        orientations: [
          { code: 'QPV', weight: 3, label: 'Quartiers prioritaires' },
          { code: 'COLLEGE', weight: 2 },
        ],
      },
    }).expect(201);
    await post(`${BASE}/meetings`, actors.agent, {
      occurredAt: paris('2026-09-20'),
      data: { meetingId: 'cttee-oct-12', date: '2026-10-12', agenda: ['prj-2'] },
    }).expect(201);
    // Not held yet: its decision is refused (R-COMMITTEE-MEETING), nothing appended.
    const before = await versionOf('prj-2');
    const early = await post('/projects/prj-2/decision', actors.committee, {
      occurredAt: paris('2026-10-12', '15:00'),
      data: { decisionId: 'dec-prj-2', meetingId: 'cttee-oct-12', effectiveDate: '2026-10-12', decision: APPROVAL },
    }).expect(422);
    expect(early.body).toMatchObject({ code: 'MEETING_NOT_HELD', ruleId: 'R-COMMITTEE-MEETING', details: { field: 'meetingId' } });
    await post(`${BASE}/meetings/cttee-oct-12/held`, actors.committee, {
      occurredAt: paris('2026-10-12', '12:00'),
      data: { members: [{ institution: 'caf', name: 'Elisabet Bosch-Crespi' }, { institution: 'dsden' }, { institution: 'prefecture' }] },
    }).expect(201);
    await post('/projects/prj-2/decision', actors.committee, {
      occurredAt: paris('2026-10-12', '15:00'),
      data: { decisionId: 'dec-prj-2', meetingId: 'cttee-oct-12', effectiveDate: '2026-10-12', decision: APPROVAL },
    }).expect(201);
    expect(await versionOf('prj-2')).toBe(before + 1);

    const ranking = await get(`${BASE}/meetings/cttee-oct-12/ranking?at=2026-10-13T10:00:00Z`).expect(200);
    expect(ranking.body).toMatchObject({ meetingId: 'cttee-oct-12', meetingDate: '2026-10-12', meetingStatus: 'held' });
    const [entry] = ranking.body.entries;
    // The season's application: urban QPV primary (test fixture) → QPV met (3), COLLEGE not.
    expect(entry).toMatchObject({ rank: 1, projectId: 'prj-2', score: 3, prioritiesMet: [{ code: 'QPV', weight: 3 }] });
    expect(entry.forecast).toMatchObject({ basis: 'decision', collectifs: 2 });
    expect(entry.runningTotalCents).toBe(entry.forecast.totalCents);
    expect(ranking.body.totalCents).toBe(entry.forecast.totalCents);
    // The same forecast as the project's own answer (never a second computation).
    const payable = await get('/projects/prj-2/ps?at=2026-10-13T10:00:00Z', actors.agent).expect(200);
    expect(entry.forecast.totalCents).toBe(payable.body.forecast.payable);

    // At the meeting (held at noon, decided at 15:00 Paris): the forecast the application asks for — every planned collectif.
    const asked = await get(`${BASE}/meetings/cttee-oct-12/ranking?at=2026-10-12T11:00:00Z`).expect(200);
    expect(asked.body.meetingStatus).toBe('held');
    expect(asked.body.entries[0].forecast).toMatchObject({ basis: 'application', collectifs: 2 });
    expect(asked.body.entries[0].status).toBe('under_examination');
    // In the morning it was only scheduled.
    expect((await get(`${BASE}/meetings/cttee-oct-12/ranking?at=2026-10-12T08:00:00Z`).expect(200)).body.meetingStatus).toBe('scheduled');

    const view = await get(BASE, actors.auditor).expect(200);
    expect(view.body.orientations).toEqual([
      { code: 'QPV', weight: 3, label: 'Quartiers prioritaires' },
      { code: 'COLLEGE', weight: 2, label: null },
    ]);
    const meetings = view.body.meetings as Array<{ meetingId: string; decisions: Array<{ projectId: string }> }>;
    expect(meetings.map((m) => m.meetingId)).toEqual(['cttee-prj-1', 'cttee-oct-12']);
    expect(meetings[1]!.decisions).toMatchObject([{ projectId: 'prj-2', decisionId: 'dec-prj-2', outcome: 'approved' }]);
    const detail = await get(`${BASE}/meetings/cttee-oct-12`, actors.agent).expect(200);
    expect(detail.body).toMatchObject({ status: 'held', agenda: ['prj-2'], minutes: null });

    await post(`${BASE}/meetings/cttee-oct-12/minutes`, actors.agent, {
      occurredAt: paris('2026-10-14'),
      data: { minutes: 'Le comité agrée le projet prj-2.' },
    }).expect(201);
    expect((await get(`${BASE}/meetings/cttee-oct-12`).expect(200)).body.minutes).toBe('Le comité agrée le projet prj-2.');
  });

  it('R-COMMITTEE-MEETING: a decision in a meeting its committee does not know (another Caf’s, or not on its agenda) is refused, nothing appended', async () => {
    const before = await versionOf('prj-3');
    const elsewhere = await post('/projects/prj-3/decision', actors.committee, {
      occurredAt: paris('2026-10-20', '15:00'),
      data: { decisionId: 'dec-prj-3', meetingId: 'cttee-40-2026-10-02', effectiveDate: '2026-10-20', decision: APPROVAL },
    }).expect(422);
    expect(elsewhere.body).toMatchObject({ code: 'MEETING_UNKNOWN', ruleId: 'R-COMMITTEE-MEETING', details: { field: 'meetingId' } });
    const offAgenda = await post('/projects/prj-3/decision', actors.committee, {
      occurredAt: paris('2026-10-20', '15:00'),
      data: { decisionId: 'dec-prj-3', meetingId: 'cttee-prj-1', effectiveDate: '2026-10-20', decision: APPROVAL },
    }).expect(422);
    expect(offAgenda.body).toMatchObject({ code: 'PROJECT_NOT_ON_AGENDA', ruleId: 'R-COMMITTEE-MEETING' });
    expect(await versionOf('prj-3')).toBe(before);
  });

  it('R-INPUT, R-COMMITTEE-MEETING: malformed input is a 400 naming the field; duplicates and unknown meetings are 422; operators never write', async () => {
    const bad = await post(`${BASE}/orientations`, actors.committee, {
      occurredAt: paris('2026-09-16'),
      data: { orientations: [{ code: 'QPV', weight: 12 }] },
    }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'data.orientations[0].weight', message: 'must be an integer between 1 and 10' }]);
    const duplicate = await post(`${BASE}/meetings/cttee-prj-1/held`, actors.committee, {
      occurredAt: paris('2026-10-20'),
      data: { members: [{ institution: 'caf' }] },
    }).expect(422);
    expect(duplicate.body).toMatchObject({ code: 'MEETING_ALREADY_HELD', ruleId: 'R-COMMITTEE-MEETING' });
    const unknown = await post(`${BASE}/meetings/nope/minutes`, actors.committee, {
      occurredAt: paris('2026-10-20'),
      data: { minutes: 'x' },
    }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'MEETING_UNKNOWN', details: { field: 'meetingId' } });
    await post(`${BASE}/orientations`, actors.operator, {
      occurredAt: paris('2026-09-16'),
      data: { orientations: [{ code: 'QPV', weight: 1 }] },
    }).expect(403);
    await post('/committees/40/2026-2027/orientations', actors.agent, {
      occurredAt: paris('2026-09-16'),
      data: { orientations: [{ code: 'QPV', weight: 1 }] },
    }).expect(403);
    await get(`${BASE}/meetings/nope/ranking`).expect(404);
    await get(BASE, actors.operator).expect(403);
    await get(BASE, actors.dashboard).expect(403);
  });
});
