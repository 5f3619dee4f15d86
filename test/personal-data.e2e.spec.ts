import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actors } from '@clas/application/testing';
import { SqlitePersonalDataStore } from '@clas/personal-data';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { seedSeason } from './support/season.seed.js';

/** Domain.md §8 / issue 6: names and contacts outside the log, erasable without touching a figure. */
describe('personal data outside the log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clas-personal-'));
  const path = join(dir, 'clas-personal.sqlite');
  let api: ApiHarness;
  let agent: string;
  let operator: string;
  const léa = {
    kind: 'child',
    firstName: 'Léa',
    lastName: 'Zyzzyva',
    contact: { email: 'famille.zyzzyva@example.org', phone: null },
    cafCode: '11',
  };

  beforeAll(async () => {
    api = await startApi({}, { CLAS_PERSONAL_DATA_PATH: path });
    agent = api.bearer(actors.agent);
    operator = api.bearer(actors.operator);
    await seedSeason(api);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an operator records the name behind an enrolled child id; its Caf agent and itself read it, nobody else', async () => {
    const put = await request(api.http).put('/persons/child-01').set('Authorization', operator).send(léa).expect(200);
    expect(put.body).toMatchObject({
      personId: 'child-01',
      kind: 'child',
      firstName: 'Léa',
      lastName: 'Zyzzyva',
      operatorId: 'op-1',
      cafCode: '11',
      contact: { email: 'famille.zyzzyva@example.org', phone: null, address: null },
    });
    await request(api.http).get('/persons/child-01').set('Authorization', agent).expect(200);
    await request(api.http).get('/persons/child-01').set('Authorization', operator).expect(200);
    for (const other of [actors.otherOperator, actors.agentElsewhere])
      await request(api.http).get('/persons/child-01').set('Authorization', api.bearer(other)).expect(403);
    for (const reader of [actors.auditor, actors.dashboard, actors.committee])
      await request(api.http).get('/persons/child-01').set('Authorization', api.bearer(reader)).expect(403);
    const invalid = await request(api.http)
      .put('/persons/child-02')
      .set('Authorization', operator)
      .send({ ...léa, kind: 'uncle', contact: { email: 'not-an-email' } })
      .expect(400);
    expect(invalid.body.errors).toEqual([
      { field: 'kind', message: 'must be one of child, parent, staff' },
      { field: 'contact.email', message: 'must be an e-mail address' },
    ]);
  });

  it('the name never enters the log', async () => {
    const feed = await request(api.http).get('/feed?limit=1000').set('Authorization', api.bearer(actors.auditor)).expect(200);
    expect(JSON.stringify(feed.body)).not.toMatch(/Zyzzyva|famille\./);
  });

  it('erasure: 204, the record is gone (from the file too), the log and every figure unchanged', async () => {
    const auditor = api.bearer(actors.auditor);
    const figures = async () => ({
      head: await api.store.headPosition(),
      bilan: (await request(api.http).get('/cafs/11/bilans/2026-2027').set('Authorization', agent).expect(200)).body.bilan,
      eligibility: (await request(api.http).get('/projects/prj-1/eligibility').set('Authorization', agent).expect(200)).body,
      history: (await request(api.http).get('/projects/prj-1/history').set('Authorization', auditor).expect(200)).body.events,
    });
    const before = await figures();
    expect(before.bilan.totals.children).toBe(8);

    await request(api.http).delete('/persons/child-01').set('Authorization', operator).expect(403);
    await request(api.http).delete('/persons/child-01').set('Authorization', api.bearer(actors.agentElsewhere)).expect(403);
    await request(api.http).delete('/persons/child-01').set('Authorization', agent).expect(204);
    await request(api.http).get('/persons/child-01').set('Authorization', agent).expect(404);
    await request(api.http).delete('/persons/child-01').set('Authorization', agent).expect(404);

    const after = await figures();
    // Only `asOf`/`day` of the live answers move with the clock; the figures are the same.
    expect({ ...after, eligibility: { ...after.eligibility, asOf: null } }).toEqual({
      ...before,
      eligibility: { ...before.eligibility, asOf: null },
    });
    expect(after.history.filter((e: { data: { childId?: string } }) => e.data.childId === 'child-01')).toHaveLength(1);

    // The file the API wrote (the default lives beside the event log) no longer holds the person.
    const reopened = new SqlitePersonalDataStore(path);
    expect(await reopened.get('child-01')).toBeNull();
    await reopened.close();
  });
});
