import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import type { ClasCommand } from '@clas/application';
import { paris } from '@clas/application/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { COMMITTEE_SECRETARIAT, type MatrixEndpoint, MATRIX_ACTORS, matrixCells, runCell } from './support/role-matrix.js';
import { seedSeason } from './support/season.seed.js';

/**
 * Issue 13 §2: who may write the committee's record (committee-11-2026-2027): its members or a
 * Caf agent of Caf 11; never an operator, another Caf, an auditor or a dashboard. Each cell has
 * its own meeting m-<n>, whose agenda is the season's prj-1.
 */
const uuid = (n: number) => `70000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const BASE = '/committees/11/2026-2027';
const REF = { cafCode: '11', schoolYear: '2026-2027' };
const meeting = (n: number) => `m-${n}`;

const cmd = (type: string, n: number, occurredAt: string, data: Record<string, unknown>): ClasCommand =>
  ({ type, commandId: `matrix-${n}-${type}`, occurredAt, data: { ...REF, meetingId: meeting(n), ...data } }) as unknown as ClasCommand;
const scheduled = (n: number) => [cmd('ScheduleCommitteeMeeting', n, paris('2026-09-20'), { date: '2026-10-05', agenda: ['prj-1'] })];
const held = (n: number) => [
  ...scheduled(n),
  cmd('HoldCommitteeMeeting', n, paris('2026-10-05', '12:00'), { members: [{ institution: 'caf' }] }),
];

const post = (http: ApiHarness['http'], path: string, n: number, occurredAt: string, data: Record<string, unknown>) =>
  request(http)
    .post(path)
    .send({ commandId: uuid(n), occurredAt, data });

const MATRIX: MatrixEndpoint[] = [
  {
    name: 'POST /committees/:caf/:year/orientations',
    call: (http, n) => post(http, `${BASE}/orientations`, n, paris('2026-09-15'), { orientations: [{ code: 'QPV', weight: 3 }] }),
    expected: COMMITTEE_SECRETARIAT,
  },
  {
    name: 'POST /committees/:caf/:year/meetings',
    call: (http, n) =>
      post(http, `${BASE}/meetings`, n, paris('2026-09-20'), { meetingId: meeting(n), date: '2026-10-05', agenda: ['prj-1'] }),
    expected: COMMITTEE_SECRETARIAT,
  },
  {
    name: 'POST /committees/:caf/:year/meetings/:id/held',
    setup: scheduled,
    call: (http, n) =>
      post(http, `${BASE}/meetings/${meeting(n)}/held`, n, paris('2026-10-05', '12:00'), { members: [{ institution: 'dsden' }] }),
    expected: COMMITTEE_SECRETARIAT,
  },
  {
    name: 'POST /committees/:caf/:year/meetings/:id/minutes',
    setup: held,
    call: (http, n) => post(http, `${BASE}/meetings/${meeting(n)}/minutes`, n, paris('2026-10-07'), { minutes: 'Un dossier examiné.' }),
    expected: COMMITTEE_SECRETARIAT,
  },
];

describe('role × committee endpoint matrix (issue 13 §2)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api);
  });
  afterAll(() => api.close());

  it.each(matrixCells(MATRIX))('%s as %s → %i', (_, role, status, endpoint, n) => runCell(api, MATRIX_ACTORS, endpoint, role, n, status));
});
