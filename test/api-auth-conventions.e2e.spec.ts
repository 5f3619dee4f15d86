import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import type { ClasCommand } from '@clas/application';
import { actors } from '@clas/application/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { CENTRE_SOCIAL_COLLECTIFS, centreSocial, seedCentreSocial } from './support/centre-social.seed.js';
import { CAF_SIDE, type MatrixEndpoint, OPERATOR_SIDE, matrixCells, runCell, MATRIX_ACTORS } from './support/role-matrix.js';
import { seedSeason } from './support/season.seed.js';

/**
 * Issue 6: who may call each convention route. The operator asks (request, amendment); the Caf
 * signs, refuses, notifies, decides amendments and terminates. Conventions belong to op-cs, a
 * centre social of Caf 11 within its approval (R-CONV-1); each cell has its own conv-m<n>.
 */
const uuid = (n: number) => `60000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (date: string) => `${date}T08:00:00Z`;
const conv = (n: number) => `conv-m${n}`;
const TERMS = { startDate: '2026-11-02', collectifs: 2, children: 20, weeks: 28 };

const cmd = (type: string, n: number, occurredAt: string, data: Record<string, unknown> = {}): ClasCommand =>
  ({ type, commandId: `matrix-${n}-${type}`, occurredAt, data: { conventionId: conv(n), ...data } }) as unknown as ClasCommand;
const requested = (n: number) => [
  cmd('RequestConvention', n, at('2026-06-01'), {
    operatorId: 'op-cs',
    cafCode: '11',
    projectIds: ['prj-cs'],
    startSchoolYear: '2026-2027',
    years: 2,
    terms: TERMS,
  }),
];
const signed = (n: number) => [...requested(n), cmd('SignConvention', n, at('2026-07-01'))];
const amendmentPending = (n: number) => [
  ...signed(n),
  cmd('RequestConventionAmendment', n, at('2026-10-01'), { amendmentId: 'amd-1', changes: { children: 24 }, reason: 'liste d’attente' }),
];

const post = (http: ApiHarness['http'], path: string, n: number, occurredAt: string, data?: Record<string, unknown>) =>
  request(http)
    .post(path)
    .send({ commandId: uuid(n), occurredAt, ...(data === undefined ? {} : { data }) });

const MATRIX: MatrixEndpoint[] = [
  {
    name: 'POST /conventions (RequestConvention for op-cs, Caf 11)',
    call: (http, n) =>
      post(http, '/conventions', n, at('2026-06-01'), {
        conventionId: conv(n),
        operatorId: 'op-cs',
        cafCode: '11',
        projectIds: ['prj-cs'],
        startSchoolYear: '2026-2027',
        years: 2,
        terms: TERMS,
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /conventions/:id/signature',
    setup: requested,
    call: (http, n) => post(http, `/conventions/${conv(n)}/signature`, n, at('2026-07-01')),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /conventions/:id/refusal',
    setup: requested,
    call: (http, n) => post(http, `/conventions/${conv(n)}/refusal`, n, at('2026-07-01'), { reason: 'dossier incomplet', ruleId: null }),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /conventions/:id/yearly-notifications',
    setup: signed,
    call: (http, n) =>
      post(http, `/conventions/${conv(n)}/yearly-notifications`, n, at('2026-09-10'), {
        schoolYear: '2026-2027',
        collectifs: 2,
        collectifIds: CENTRE_SOCIAL_COLLECTIFS,
      }),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /conventions/:id/amendments',
    setup: signed,
    call: (http, n) =>
      post(http, `/conventions/${conv(n)}/amendments`, n, at('2026-10-01'), {
        amendmentId: 'amd-2',
        changes: { weeks: 30 },
        reason: 'semaines supplémentaires',
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /conventions/:id/amendments/:amendmentId/validation',
    setup: amendmentPending,
    call: (http, n) => post(http, `/conventions/${conv(n)}/amendments/amd-1/validation`, n, at('2026-10-15'), {}),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /conventions/:id/amendments/:amendmentId/refusal',
    setup: amendmentPending,
    call: (http, n) => post(http, `/conventions/${conv(n)}/amendments/amd-1/refusal`, n, at('2026-10-15'), { reason: 'non justifié' }),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /conventions/:id/termination',
    setup: signed,
    call: (http, n) => post(http, `/conventions/${conv(n)}/termination`, n, at('2026-10-20'), { reason: 'fin de l’activité Clas' }),
    expected: CAF_SIDE,
  },
];

/** The centre social owns the conventions; op-1 is the other operator here. */
const ACTORS = { ...MATRIX_ACTORS, owner: centreSocial, otherOperator: actors.operator };

describe('role × convention endpoint matrix (issue 6)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api);
    await seedCentreSocial(api);
  });
  afterAll(() => api.close());

  it.each(matrixCells(MATRIX))('%s as %s → %i', (_, role, status, endpoint, n) => runCell(api, ACTORS, endpoint, role, n, status));
});
