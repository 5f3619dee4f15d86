import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor } from '@clas/application';
import { actors } from '@clas/application/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { CENTRE_SOCIAL_COLLECTIFS, centreSocial, seedCentreSocial } from './support/centre-social.seed.js';
import { seedSeason } from './support/season.seed.js';

/**
 * Issue 6: the convention commands over HTTP, through the real ClasCommandBus and SQLite store.
 * The operator is a centre social within its Caf approval (R-CONV-1), so a multi-year
 * convention needs no prior approved years; it is registered, with its project prj-cs and two
 * collectifs, in-process by the system actor.
 */
const uuid = (n: number) => `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (date: string) => `${date}T08:00:00Z`;
const TERMS = { startDate: '2026-11-02', collectifs: 2, children: 20, weeks: 28 };

describe('convention commands over the real bus (issue 6)', () => {
  let api: ApiHarness;
  let n = 0;
  const post = (path: string, actor: Actor, body: Record<string, unknown>) =>
    request(api.http)
      .post(path)
      .set('Authorization', api.bearer(actor))
      .send({ commandId: uuid(++n), ...body });
  const view = (id: string, actor: Actor = actors.agent) =>
    request(api.http).get(`/conventions/${id}`).set('Authorization', api.bearer(actor));
  const requestConvention = (conventionId: string, extra: Record<string, unknown> = {}) =>
    post('/conventions', centreSocial, {
      occurredAt: at('2026-06-01'),
      data: {
        conventionId,
        operatorId: 'op-cs',
        cafCode: '11',
        projectIds: ['prj-cs'],
        startSchoolYear: '2026-2027',
        years: 2,
        terms: TERMS,
        ...extra,
      },
    });

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api);
    await seedCentreSocial(api);
  });
  afterAll(() => api.close());

  it('R-CONV-3: requested, signed, an amendment pending then validated — each visible in GET /conventions/:id', async () => {
    const requested = await requestConvention('conv-1').expect(201);
    expect(requested.body).toMatchObject({ streamId: 'convention-conv-1', streamVersion: 0 });
    await post('/conventions/conv-1/signature', actors.agent, { occurredAt: at('2026-07-01') }).expect(201);
    await post('/conventions/conv-1/yearly-notifications', actors.agent, {
      occurredAt: at('2026-09-10'),
      data: { schoolYear: '2026-2027', collectifs: 2 },
    }).expect(201);

    await post('/conventions/conv-1/amendments', centreSocial, {
      occurredAt: at('2026-10-01'),
      data: { amendmentId: 'amd-1', changes: { collectifs: 3, children: 30 }, reason: 'troisième collectif' },
    }).expect(201);
    const pending = (await view('conv-1').expect(200)).body;
    expect(pending.view).toMatchObject({
      status: 'active',
      amendments: [
        { amendmentId: 'amd-1', status: 'pending', requestedOn: '2026-10-01', decidedOn: null, changes: { collectifs: 3, children: 30 } },
      ],
      pendingChanges: { collectifs: 3, children: 30 },
      effective: { collectifs: { value: 2 }, children: { value: 20 } },
    });

    await post('/conventions/conv-1/amendments/amd-1/validation', actors.agent, { occurredAt: at('2026-10-15') }).expect(201);
    const validated = (await view('conv-1').expect(200)).body;
    expect(validated.view).toMatchObject({
      amendments: [{ amendmentId: 'amd-1', status: 'validated', decidedOn: '2026-10-15' }],
      pendingChanges: {},
      effective: { collectifs: { value: 3 }, children: { value: 30 }, weeksOfActivity: { value: 28 } },
    });

    // Time travel: before the validation the amendment was still pending.
    const before = (await view('conv-1').query({ at: '2026-10-10' }).expect(200)).body;
    expect(before.view).toMatchObject({
      amendments: [{ amendmentId: 'amd-1', status: 'pending' }],
      effective: { children: { value: 20 } },
    });

    // A decided amendment is decided once.
    const again = await post('/conventions/conv-1/amendments/amd-1/refusal', actors.agent, {
      occurredAt: at('2026-10-20'),
      data: { reason: 'trop tard' },
    }).expect(422);
    expect(again.body).toMatchObject({ code: 'AMENDMENT_ALREADY_DECIDED', ruleId: 'R-CONV-3' });
    const events = await api.store.readStream('convention-conv-1');
    expect(events.map((e) => [e.type, e.metadata.role])).toEqual([
      ['ConventionRequested', 'operator'],
      ['ConventionSigned', 'caf_agent'],
      ['YearlyCollectifsNotified', 'caf_agent'],
      ['ConventionAmendmentRequested', 'operator'],
      ['ConventionAmendmentValidated', 'caf_agent'],
    ]);
  });

  it('refusals and termination: a refused amendment, a terminated convention, a refused request', async () => {
    await requestConvention('conv-2').expect(201);
    await post('/conventions/conv-2/signature', actors.agent, { occurredAt: at('2026-07-01'), data: { years: 1 } }).expect(201);
    await post('/conventions/conv-2/amendments', centreSocial, {
      occurredAt: at('2026-10-01'),
      data: { amendmentId: 'amd-2', changes: { weeks: 30 }, reason: 'vacances décalées' },
    }).expect(201);
    await post('/conventions/conv-2/amendments/amd-2/refusal', actors.agent, {
      occurredAt: at('2026-10-05'),
      data: { reason: 'calendrier scolaire inchangé' },
    }).expect(201);
    await post('/conventions/conv-2/termination', actors.agent, {
      occurredAt: at('2026-10-10'),
      data: { reason: "cessation d'activité" },
    }).expect(201);
    const terminated = await post('/conventions/conv-2/amendments', centreSocial, {
      occurredAt: at('2026-10-11'),
      data: { amendmentId: 'amd-3', changes: { weeks: 29 }, reason: 'r' },
    }).expect(422);
    expect(terminated.body).toMatchObject({ code: 'CONVENTION_NOT_IN_STATE' });

    await requestConvention('conv-3').expect(201);
    await post('/conventions/conv-3/refusal', actors.agent, {
      occurredAt: at('2026-07-01'),
      data: { reason: 'hors approbation', ruleId: 'R-CONV-1' },
    }).expect(201);
    expect((await api.store.readStream('convention-conv-3')).at(-1)?.data).toMatchObject({
      reason: 'hors approbation',
      ruleId: 'R-CONV-1',
    });
  });

  it('R-CONV-1: longer than a centre social may have → 422 with the rule', async () => {
    const res = await requestConvention('conv-long', { years: 6 }).expect(422);
    expect(res.body).toMatchObject({ code: 'CONVENTION_TOO_LONG', ruleId: 'R-CONV-1' });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['zero collectifs', 'data.terms.collectifs', { terms: { ...TERMS, collectifs: 0 } }],
    ['an impossible start date', 'data.terms.startDate', { terms: { ...TERMS, startDate: '2026-02-30' } }],
    ['no project', 'data.projectIds', { projectIds: [] }],
    ['a project twice', 'data.projectIds', { projectIds: ['prj-1', 'prj-1'] }],
    ['a malformed project id', 'data.projectIds', { projectIds: ['prj 1'] }],
    ['a school year that is not one', 'data.startSchoolYear', { startSchoolYear: '2026-2028' }],
    ['a start date outside the period (the domain checks it)', 'data.terms.startDate', { terms: { ...TERMS, startDate: '2030-01-10' } }],
  ])('a request with %s → 400 naming %s, nothing appended', async (_, field, change) => {
    const head = await api.store.headPosition();
    const res = await requestConvention('conv-bad', change).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(await api.store.headPosition()).toBe(head);
  });

  it('amendment bodies: an empty change and a term no amendment changes → 400 naming the field', async () => {
    await requestConvention('conv-4').expect(201);
    await post('/conventions/conv-4/signature', actors.agent, { occurredAt: at('2026-07-01') }).expect(201);
    const empty = await post('/conventions/conv-4/amendments', centreSocial, {
      data: { amendmentId: 'amd-4', changes: {}, reason: 'r' },
    }).expect(400);
    expect(empty.body.errors).toEqual([
      { field: 'data.changes', message: 'must change at least one of start date, collectifs, children, weeks' },
    ]);
    const years = await post('/conventions/conv-4/amendments', centreSocial, {
      data: { amendmentId: 'amd-4', changes: { years: 3 }, reason: 'r' },
    }).expect(400);
    expect(years.body.errors).toEqual([{ field: 'data.changes.years', message: 'is not an accepted field' }]);
    const nullChange = await post('/conventions/conv-4/amendments', centreSocial, {
      data: { amendmentId: 'amd-4', changes: { children: null }, reason: 'r' },
    }).expect(400);
    expect(nullChange.body.errors).toEqual([{ field: 'data.changes.children', message: 'must be an integer between 1 and 600' }]);
    const nullYears = await post('/conventions/conv-4/signature', actors.agent, { data: { years: null } }).expect(400);
    expect(nullYears.body.errors).toEqual([{ field: 'data.years', message: 'must be an integer between 1 and 10' }]);
    const notify = await post('/conventions/conv-4/yearly-notifications', actors.agent, {
      data: { schoolYear: '2026-2027', collectifs: 2, collectifIds: CENTRE_SOCIAL_COLLECTIFS.slice(0, 1) },
    }).expect(400);
    expect(notify.body.errors).toEqual([{ field: 'data.collectifIds', message: 'must list 2 collectifs or none' }]);
    const validation = await post('/conventions/conv-4/amendments/amd-4/validation', actors.agent, {
      data: { amendmentId: 'amd-4' },
    }).expect(400);
    expect(validation.body.errors).toEqual([{ field: 'data', message: 'must be an empty object (the ids are in the path)' }]);
  });

  it("another operator's token → 403; an unknown convention → 403 too (issue 11 §4: no enumeration); the Caf's acts are not the operator's (403 by role)", async () => {
    const head = await api.store.headPosition();
    await post('/conventions/conv-4/amendments', actors.operator, {
      data: { amendmentId: 'amd-x', changes: { weeks: 30 }, reason: 'r' },
    }).expect(403);
    await post('/conventions/conv-4/termination', centreSocial, { data: { reason: 'r' } }).expect(403);
    await post('/conventions/conv-4/signature', actors.agentElsewhere, {}).expect(403);
    const elsewhere = await post('/conventions/conv-4/termination', actors.agentElsewhere, { data: { reason: 'r' } }).expect(403);
    const unknown = await post('/conventions/conv-ghost/termination', actors.agentElsewhere, { data: { reason: 'r' } }).expect(403);
    expect(unknown.body.message.replace('conv-ghost', 'conv-4')).toBe(elsewhere.body.message);
    await post('/conventions/conv-ghost/termination', actors.agent, { data: { reason: 'r' } }).expect(403);
    expect(await api.store.headPosition()).toBe(head);
  });

  it('OpenAPI: the command routes sit beside the GET query routes (the view, the list) under /conventions', async () => {
    const doc = (await request(api.http).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/conventions'))
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => `${method} ${path} ${op.operationId}`));
    expect(operations.sort()).toEqual(
      [
        'post /conventions RequestConvention',
        'post /conventions/{conventionId}/signature SignConvention',
        'post /conventions/{conventionId}/refusal RefuseConvention',
        'post /conventions/{conventionId}/yearly-notifications NotifyYearlyCollectifs',
        'post /conventions/{conventionId}/amendments RequestConventionAmendment',
        'post /conventions/{conventionId}/amendments/{amendmentId}/validation ValidateConventionAmendment',
        'post /conventions/{conventionId}/amendments/{amendmentId}/refusal RefuseConventionAmendment',
        'post /conventions/{conventionId}/termination TerminateConvention',
        'get /conventions/{conventionId} conventionView',
        'get /conventions listConventions',
      ].sort(),
    );
  });
});
