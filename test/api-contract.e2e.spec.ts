import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor } from '@clas/application';
import { actors } from '@clas/application/testing';
import { type ApiHarness, servedDocument, startApi } from './support/api-harness.js';
import { centreSocial, seedCentreSocial } from './support/centre-social.seed.js';
import type { CapturedResponse } from './support/contract/captured-responses.js';
import { ResponseContract, type ServedDocument } from './support/contract/response-contract.js';
import { seedSeason } from './support/season.seed.js';

/**
 * Issue 12 §2: every answer has a real schema in /docs-json, and what the API sends is what the
 * document says. Every e2e spec's responses are checked when its harness closes; this one makes
 * sure each operation answers at least once here (JSON and both downloads), and that the check
 * itself fails on what it must catch.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TERMS = { startDate: '2026-11-02', collectifs: 2, children: 20, weeks: 28 };
const at = (date: string) => `${date}T08:00:00Z`;
/** Objects whose TypeScript type is open on purpose (an index signature), so their schema is too. */
const DECLARED_OPEN: Record<string, string> = {
  EventMetadata: 'the store keeps any metadata beside the named keys ([key: string]: unknown)',
};

describe('the answers and the served OpenAPI document (issue 12 §2)', () => {
  let api: ApiHarness;
  let doc: ServedDocument;
  let contract: ResponseContract;
  const get = (path: string, actor: Actor = actors.agent) => request(api.http).get(path).set('Authorization', api.bearer(actor));
  const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };
  /** The last response the API sent for this operation and status. */
  const captured = (operation: string, status: number): CapturedResponse => {
    const found = api.responses.filter((r) => r.status === status && contract.operationOf(r) === operation).at(-1);
    if (!found) throw new Error(`no ${status} captured for ${operation}`);
    return found;
  };
  const withBody = (response: CapturedResponse, change: (body: Record<string, unknown>) => unknown): CapturedResponse => {
    const body = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
    const changed = change(body) ?? body;
    return { ...response, body: Buffer.from(JSON.stringify(changed)) };
  };

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api);
    await seedCentreSocial(api);
    doc = await servedDocument(api.app);
    contract = new ResponseContract(doc);
    // A command written (201), the same commandId again (200), and each query of the API.
    const convention = {
      commandId: '50000000-0000-4000-8000-000000000001',
      occurredAt: at('2026-06-01'),
      data: {
        conventionId: 'conv-1',
        operatorId: 'op-cs',
        cafCode: '11',
        projectIds: ['prj-cs'],
        startSchoolYear: '2026-2027',
        years: 2,
        terms: TERMS,
      },
    };
    await request(api.http).post('/conventions').set('Authorization', api.bearer(centreSocial)).send(convention).expect(201);
    await request(api.http).post('/conventions').set('Authorization', api.bearer(centreSocial)).send(convention).expect(200);
    await get('/health').expect(200);
    await get('/feed?limit=5', actors.auditor).expect(200);
    await get('/feed?limit=50', actors.dashboard).expect(200);
    await get('/projects/prj-1/eligibility?at=2026-10-20').expect(200);
    await get('/projects/prj-1/ps?at=2026-10-20').expect(200);
    await get('/projects/prj-1/bilan').expect(200);
    await get('/projects/prj-1/bilan?format=csv').expect(200);
    await get('/projects/prj-1/bilan?format=xlsx').buffer(true).parse(binary).expect(200);
    await get('/projects/prj-1/history').expect(200);
    await get('/projects/prj-1/letters').expect(200);
    await get('/projects/prj-1/letters/dec-prj-1').expect(200);
    await get('/projects/prj-1/letters/dec-prj-1?format=pdf').buffer(true).parse(binary).expect(200);
    await get('/projects/prj-1/agreement').set('Accept', 'application/pdf').buffer(true).parse(binary).expect(200);
    await get('/conventions/conv-1').expect(200);
    await get('/cafs/11/bilans/2026-2027').expect(200);
    await get('/committees/11/2026-2027', actors.committee).expect(200);
    await get('/committees/11/2026-2027/meetings/cttee-prj-1').expect(200);
    await get('/committees/11/2026-2027/meetings/cttee-prj-1/ranking?at=2026-10-20').expect(200);
    await get('/cafs/11/bilans/2026-2027?format=csv').expect(200);
    await get('/cafs/11/bilans/2026-2027?format=xlsx').buffer(true).parse(binary).expect(200);
    // The lists (issue 13), once the read model has caught up with the log.
    await get(`/projects?minPosition=${await api.store.headPosition()}`).expect(200);
    await get('/campaigns').expect(200);
    await get('/operators?kind=association').expect(200);
    await get('/operators/op-1').expect(200);
    await get('/projects/prj-1/collectifs').expect(200);
    await get('/collectifs/col-1').expect(200);
    await get('/conventions').expect(200);
    await get('/worklists').expect(200);
    await get('/worklists/advances-due').expect(200);
    await get('/cafs/11/envelopes/2026-2027', actors.dashboard).expect(200);
    // Webhooks (issue 13 §4): a subscription (its 201 carries the secret), the list and a delivery log.
    await request(api.http)
      .post('/cafs/11/webhooks')
      .set('Authorization', api.bearer(actors.agent))
      .send({
        commandId: '50000000-0000-4000-8000-000000000002',
        data: { subscriptionId: 'erp', url: 'https://erp.example.org/clas', eventTypes: ['AdvancePaid'] },
      })
      .expect(201);
    await get('/cafs/11/webhooks').expect(200);
    await get('/cafs/11/webhooks/erp/deliveries').expect(200);
    const person = {
      kind: 'child',
      firstName: 'Léa',
      lastName: 'Martin',
      cafCode: '11',
      contact: { email: null, phone: null, address: null },
    };
    await request(api.http).put('/persons/child-01').set('Authorization', api.bearer(actors.agent)).send(person).expect(200);
    await get('/persons/child-01').expect(200);
    await request(api.http).delete('/persons/child-01').set('Authorization', api.bearer(actors.agent)).expect(204);
    // Errors: an invalid date, no token, a role refused, an unknown id, an unknown route.
    await get('/projects/prj-1/ps?at=yesterday').expect(400);
    await request(api.http).get('/projects/prj-1/ps').expect(401);
    await get('/cafs/11/bilans/2026-2027', actors.operator).expect(403);
    await get('/projects/nope/ps', actors.auditor).expect(404);
    await get('/no-such-route').expect(404);
  }, 60_000);
  afterAll(() => api.close());

  it('every operation of the document answered here, and each answer matches its schema', () => {
    expect(contract.violations(api.responses)).toEqual([]);
    const answered = new Set(api.responses.filter((r) => r.status < 300).map((r) => contract.operationOf(r)));
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const queries = operations.filter((o) => !o.startsWith('POST '));
    expect(queries.filter((o) => !answered.has(o))).toEqual([]);
    expect(answered.has('POST /conventions')).toBe(true);
  });

  it('the downloads are answered, and documented, with their own media types', () => {
    const bilanFiles = api.responses
      .filter((r) => contract.operationOf(r) === 'GET /cafs/{cafCode}/bilans/{schoolYear}')
      .map((r) => r.mediaType);
    expect(bilanFiles).toEqual(expect.arrayContaining(['application/json', 'text/csv', XLSX]));
    const ok = doc.paths['/projects/{projectId}/bilan']!.get!.responses!['200']!;
    expect(Object.keys(ok.content ?? {})).toEqual(['application/json', 'text/csv', XLSX]);
    // Only the 200 has downloads: an error is JSON whatever format was asked.
    expect(Object.keys(doc.paths['/projects/{projectId}/bilan']!.get!.responses!['404']!.content ?? {})).toEqual(['application/json']);
  });

  it('the check fails on a field an answer does not declare, at the top or deep in the explanation tree (closed schemas, $ref to Explanation)', () => {
    const ps = captured('GET /projects/{projectId}/ps', 200);
    expect(contract.check(ps)).toBeNull();
    expect(contract.check(withBody(ps, (body) => ({ ...body, surprise: 1 })))).toMatch(/must NOT have additional properties \(surprise\)/);
    const deep = withBody(ps, (body) => {
      const forecast = body.forecast as { explanation: { children: Array<Record<string, unknown>> } };
      forecast.explanation.children[0]!.surprise = true;
    });
    expect(contract.check(deep)).toMatch(/\/forecast\/explanation\/children\/0 must NOT have additional properties \(surprise\)/);
    const eligibility = captured('GET /projects/{projectId}/eligibility', 200);
    expect(contract.check(withBody(eligibility, (body) => ({ ...body, planned: { ...(body.planned as object), extra: [] } })))).toMatch(
      /\/planned must NOT have additional properties \(extra\)/,
    );
  });

  it('the check fails on a missing field, a wrong type, cents that are not integers', () => {
    const ps = captured('GET /projects/{projectId}/ps', 200);
    expect(contract.check(withBody(ps, ({ payable: _payable, ...rest }) => rest))).toMatch(/must have required property 'payable'/);
    expect(contract.check(withBody(ps, (body) => ({ ...body, basis: 'guess' })))).toMatch(
      /\/basis must be equal to one of the allowed values/,
    );
    expect(contract.check(withBody(ps, (body) => ({ ...body, payable: 629_380.5 })))).toMatch(/\/payable must be integer/);
    const history = captured('GET /projects/{projectId}/history', 200);
    expect(contract.check(withBody(history, (body) => ({ ...body, events: [{}] })))).toMatch(
      /\/events\/0 must have required property 'eventId'/,
    );
  });

  it('the check fails on a status or a media type the operation does not document, and on an error body that is not an ErrorResponse', () => {
    const ps = captured('GET /projects/{projectId}/ps', 200);
    expect(contract.check({ ...ps, status: 418 })).toMatch(/status 418 is not documented for GET \/projects\/\{projectId\}\/ps/);
    expect(contract.check({ ...ps, mediaType: 'text/csv' })).toMatch(/media type text\/csv is not documented for 200/);
    const notFound = captured('GET /projects/{projectId}/ps', 404);
    expect(contract.check(notFound)).toBeNull();
    expect(contract.check(withBody(notFound, (body) => ({ ...body, stack: 'at …' })))).toMatch(
      /must NOT have additional properties \(stack\)/,
    );
    const unrouted = api.responses.find((r) => r.url === '/no-such-route')!;
    expect(contract.check(unrouted)).toBeNull();
    expect(contract.check(withBody(unrouted, () => ({ error: 'Not Found' })))).toMatch(/must have required property 'statusCode'/);
  });

  it('every object an answer is made of is closed (additionalProperties: false), open maps and declared-open types aside', () => {
    const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
    const open: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Record<string, unknown>;
      if (schema.properties !== undefined && schema.additionalProperties !== false) open.push(where);
      for (const [key, value] of Object.entries(schema)) walk(value, `${where}/${key}`);
    };
    for (const name of [
      'EligibilityAnswer',
      'PayablePsAnswer',
      'ProjectBilanAnswer',
      'ProjectHistoryAnswer',
      'ConventionAnswer',
      'DepartmentalBilanAnswer',
      'FeedPage',
      'HealthAnswer',
      'PersonRecord',
      'CommandAccepted',
      'ErrorResponse',
      'Explanation',
      'PsStatement',
      'EligibilityEvaluation',
    ]) {
      expect({ name, declared: name in schemas }).toEqual({ name, declared: true });
    }
    const reachable = new Set<string>();
    const follow = (name: string): void => {
      if (reachable.has(name)) return;
      reachable.add(name);
      for (const [, target] of JSON.stringify(schemas[name]).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) follow(target!);
    };
    for (const name of [
      'EligibilityAnswer',
      'PayablePsAnswer',
      'ProjectBilanAnswer',
      'ProjectHistoryAnswer',
      'ConventionAnswer',
      'DepartmentalBilanAnswer',
      'FeedPage',
      'HealthAnswer',
      'PersonRecord',
      'CommandAccepted',
      'ErrorResponse',
    ])
      follow(name);
    for (const name of reachable) if (!(name in DECLARED_OPEN)) walk(schemas[name], name);
    expect(open).toEqual([]);
    // The explanation tree is recursive through a $ref, not cut at some depth.
    expect(JSON.stringify(schemas.Explanation)).toContain('"#/components/schemas/Explanation"');
  });
});
