import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@clas/application';
import { actors } from '@clas/application/testing';
import { TokenService } from '@clas/auth';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { seedSeason } from './support/season.seed.js';

/** Issue 6 authentication (signed JWT → Actor) and the role × endpoint matrix, over the real bus and queries. */
const SECRET = 'x'.repeat(48);
const AUDITOR_CLAIMS = { role: 'auditor', caf: null, operatorId: null };
const signed = (claims: object, options: Parameters<JwtService['sign']>[1]) => new JwtService({ secret: SECRET }).sign(claims, options);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('authentication (issue 6)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({}, { CLAS_JWT_SECRET: SECRET });
  });
  afterAll(() => api.close());

  const feed = () => request(api.http).get('/feed');

  it('TokenService.issue → verify gives back the actor', () => {
    const tokens = new TokenService(SECRET, 3600);
    for (const actor of [actors.agent, actors.operator, actors.auditor, actors.dashboard, actors.committee])
      expect(tokens.verify(tokens.issue(actor, 60))).toEqual(actor);
    expect(() => tokens.issue(actors.system, 60)).toThrow(/role must be one of/);
    expect(() => tokens.issue(actors.auditor, 3601)).toThrow('a lifetime of 3601s exceeds the maximum of 1h (CLAS_TOKEN_MAX_TTL)');
  });

  it.each<[string, () => string | undefined]>([
    ['no Authorization header', () => undefined],
    ['not a bearer token', () => 'Basic YWdlbnQ6cGFzcw=='],
    ['a token signed with another secret', () => `Bearer ${new TokenService('y'.repeat(48), 3600).issue(actors.auditor, 60)}`],
    [
      'an expired token',
      () =>
        `Bearer ${new JwtService({ secret: SECRET }).sign({ role: 'auditor', caf: null, operatorId: null }, { subject: 'a', expiresIn: -10 })}`,
    ],
    [
      'an unsigned token (alg none)',
      () =>
        `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"a","role":"auditor","caf":null,"operatorId":null}').toString('base64url')}.`,
    ],
    [
      'a signed token with role system',
      () => `Bearer ${signed({ role: 'system', caf: null, operatorId: null }, { subject: 'a', expiresIn: 60 })}`,
    ],
    [
      'an operator token without operatorId',
      () => `Bearer ${signed({ role: 'operator', caf: null, operatorId: null }, { subject: 'a', expiresIn: 60 })}`,
    ],
    // Issue 11: every token expires, within CLAS_TOKEN_MAX_TTL (12h by default).
    ['a signed token without exp', () => `Bearer ${signed(AUDITOR_CLAIMS, { subject: 'a' })}`],
    ['a signed token without iat', () => `Bearer ${signed(AUDITOR_CLAIMS, { subject: 'a', expiresIn: 60, noTimestamp: true })}`],
    ['a signed token valid longer than the maximum', () => `Bearer ${signed(AUDITOR_CLAIMS, { subject: 'a', expiresIn: 12 * 3600 + 60 })}`],
    [
      'a signed token issued 13 h ago, still 1 min to go (its lifetime counts, not what is left)',
      () => `Bearer ${signed({ ...AUDITOR_CLAIMS, iat: nowSeconds() - 13 * 3600, exp: nowSeconds() + 60 }, { subject: 'a' })}`,
    ],
    [
      'a signed token dated in the future (iat) with 12 h to go from then',
      () => `Bearer ${signed({ ...AUDITOR_CLAIMS, iat: nowSeconds() + 3600, exp: nowSeconds() + 13 * 3600 }, { subject: 'a' })}`,
    ],
  ])('401 for %s', async (_, header) => {
    const value = header();
    const res = await (value === undefined ? feed() : feed().set('Authorization', value)).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('accepts a token valid for exactly the maximum lifetime', async () => {
    await feed()
      .set('Authorization', `Bearer ${api.tokens.issue(actors.auditor, 12 * 3600)}`)
      .expect(200);
    await feed()
      .set('Authorization', `Bearer ${signed(AUDITOR_CLAIMS, { subject: 'a', expiresIn: 12 * 3600 })}`)
      .expect(200);
  });

  it('/health needs no token; everything else does', async () => {
    await request(api.http).get('/health').expect(200);
    await request(api.http).get('/projects/prj-1/eligibility').expect(401);
    await request(api.http).post('/campaigns').send({}).expect(401);
  });
});

type Role = 'agent' | 'agentElsewhere' | 'committee' | 'operator' | 'otherOperator' | 'auditor' | 'dashboard';
const ROLES: Role[] = ['agent', 'agentElsewhere', 'committee', 'operator', 'otherOperator', 'auditor', 'dashboard'];

interface Endpoint {
  name: string;
  /** n: a number unique to the (endpoint, role) cell, for fresh command ids. */
  call(http: ApiHarness['http'], bearer: string, n: number): request.Test;
  expected: Record<Role, number>;
}

const uuid = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Who may call what: 403 by role at the edge (the guard), 403 by scope in the bus or the read
 * scope (own Caf, own operator); dashboards read aggregates only; auditors write nothing.
 */
const MATRIX: Endpoint[] = [
  {
    name: 'POST /operators (RegisterOperator, Caf 11)',
    call: (http, bearer, n) =>
      request(http)
        .post('/operators')
        .set('Authorization', bearer)
        .send({ commandId: uuid(n), data: { operatorId: `op-m${n}`, cafCode: '11', name: 'Asso', kind: 'association' } }),
    expected: { agent: 201, agentElsewhere: 403, committee: 403, operator: 403, otherOperator: 403, auditor: 403, dashboard: 403 },
  },
  {
    name: 'POST /operators/op-1/declarations',
    call: (http, bearer, n) =>
      request(http)
        .post('/operators/op-1/declarations')
        .set('Authorization', bearer)
        .send({ commandId: uuid(n), data: { declaration: 'insurance', documentDate: '2026-05-20' } }),
    expected: { agent: 201, agentElsewhere: 403, committee: 403, operator: 201, otherOperator: 403, auditor: 403, dashboard: 403 },
  },
  {
    name: 'POST /campaigns/11/2026-2027/amendments',
    call: (http, bearer, n) =>
      request(http)
        .post('/campaigns/11/2026-2027/amendments')
        .set('Authorization', bearer)
        .send({ commandId: uuid(n), data: { patch: { bonusParents: 33_500 }, reason: 'r' } }),
    expected: { agent: 201, agentElsewhere: 403, committee: 403, operator: 403, otherOperator: 403, auditor: 403, dashboard: 403 },
  },
  {
    name: 'GET /projects/prj-1/eligibility',
    call: (http, bearer) => request(http).get('/projects/prj-1/eligibility').set('Authorization', bearer),
    expected: { agent: 200, agentElsewhere: 403, committee: 200, operator: 200, otherOperator: 403, auditor: 200, dashboard: 403 },
  },
  {
    name: 'GET /projects/prj-1/history',
    call: (http, bearer) => request(http).get('/projects/prj-1/history').set('Authorization', bearer),
    expected: { agent: 200, agentElsewhere: 403, committee: 200, operator: 200, otherOperator: 403, auditor: 200, dashboard: 403 },
  },
  {
    name: 'GET /cafs/11/bilans/2026-2027',
    call: (http, bearer) => request(http).get('/cafs/11/bilans/2026-2027').set('Authorization', bearer),
    expected: { agent: 200, agentElsewhere: 403, committee: 200, operator: 403, otherOperator: 403, auditor: 200, dashboard: 200 },
  },
  {
    name: 'GET /feed',
    call: (http, bearer) => request(http).get('/feed').set('Authorization', bearer),
    expected: { agent: 403, agentElsewhere: 403, committee: 403, operator: 403, otherOperator: 403, auditor: 200, dashboard: 200 },
  },
  {
    name: 'PUT /persons/:id (a child of op-1, Caf 11)',
    call: (http, bearer, n) =>
      request(http)
        .put(`/persons/child-m${n}`)
        .set('Authorization', bearer)
        .send({ kind: 'child', firstName: 'Léa', lastName: 'Martin', cafCode: '11', operatorId: 'op-1' }),
    expected: { agent: 200, agentElsewhere: 403, committee: 403, operator: 200, otherOperator: 403, auditor: 403, dashboard: 403 },
  },
];

describe('role × endpoint matrix (issue 6)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api);
  });
  afterAll(() => api.close());

  const cells = MATRIX.flatMap((endpoint, e) =>
    ROLES.map((role, r) => [endpoint.name, role, endpoint.expected[role], endpoint, e * 100 + r] as const),
  );

  it.each(cells)('%s as %s → %i', async (_, role, status, endpoint, n) => {
    const res = await endpoint.call(api.http, api.bearer(actors[role] as Actor), n);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code: status === 403 ? 'FORBIDDEN' : undefined });
  });
});
