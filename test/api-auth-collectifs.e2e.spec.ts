import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import type { ClasCommand } from '@clas/application';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { type MatrixEndpoint, OPERATOR_SIDE, matrixCells, runCell, MATRIX_ACTORS } from './support/role-matrix.js';
import { seedSeason } from './support/season.seed.js';

/**
 * Issue 6: who may call each collectif route. Every collectif command is OPERATOR_SIDE: the
 * operator of the collectif's project, or a Caf agent of its Caf. Each cell runs on its own
 * collectif col-m<n> of project prj-1 (op-1, Caf 11), prepared through the real bus.
 */
const uuid = (n: number) => `50000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (date: string) => `${date}T17:00:00Z`;
const col = (n: number) => `col-m${n}`;

const cmd = (type: string, n: number, step: string, occurredAt: string, data: Record<string, unknown>): ClasCommand =>
  ({ type, commandId: `matrix-${n}-${step}`, occurredAt, data: { collectifId: col(n), ...data } }) as unknown as ClasCommand;
const opened = (n: number) => [
  cmd('OpenCollectif', n, 'open', at('2026-10-12'), {
    projectId: 'prj-1',
    plannedRef: null,
    place: { name: 'École Jean-Jaurès', commune: 'Carcassonne' },
    level: 'primary',
    rural: false,
    disabilityNeeds: false,
  }),
];
const withChild = (n: number) => [
  ...opened(n),
  cmd('EnrolChild', n, 'enrol', at('2026-11-02'), {
    childId: 'kid-1',
    schoolLevel: 'CM1',
    orientedBy: 'teacher',
    parentalConsentDate: '2026-10-20',
    disabilityNeeds: false,
    enrolledOn: '2026-11-02',
  }),
];
const withStaff = (n: number) => [
  ...opened(n),
  cmd('AssignStaff', n, 'staff', at('2026-10-12'), {
    staffId: 'staff-1',
    status: 'professional',
    criminalRecordCheckDate: '2026-09-01',
    trainingAttendedDate: null,
    isNew: true,
    assignedOn: '2026-10-12',
  }),
];
const withSession = (n: number) => [
  ...withChild(n),
  cmd('RecordSession', n, 'session', at('2026-11-03'), {
    sessionId: 'ses-1',
    date: '2026-11-03',
    start: '16:45',
    minutes: 90,
    kind: 'children',
    activityTypes: ['methodology'],
  }),
];
const withAttendance = (n: number) => [
  ...withSession(n),
  cmd('RecordAttendance', n, 'attendance', at('2026-11-03'), { sessionId: 'ses-1', entries: [{ childId: 'kid-1', status: 'present' }] }),
];

const post = (http: ApiHarness['http'], path: string, n: number, occurredAt: string, data: Record<string, unknown>) =>
  request(http)
    .post(path)
    .send({ commandId: uuid(n), occurredAt, data });

const MATRIX: MatrixEndpoint[] = [
  {
    name: 'POST /collectifs (OpenCollectif in prj-1)',
    call: (http, n) =>
      post(http, '/collectifs', n, at('2026-10-12'), {
        collectifId: col(n),
        projectId: 'prj-1',
        place: { name: 'Médiathèque', commune: 'Carcassonne' },
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/enrolments',
    setup: opened,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/enrolments`, n, at('2026-11-02'), {
        childId: 'kid-2',
        schoolLevel: 'CE1',
        orientedBy: 'family',
        parentalConsentDate: '2026-10-20',
        disabilityNeeds: false,
        enrolledOn: '2026-11-02',
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/departures',
    setup: withChild,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/departures`, n, at('2026-11-20'), { childId: 'kid-1', reason: 'moved', leftOn: '2026-11-20' }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/staff',
    setup: opened,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/staff`, n, at('2026-10-12'), {
        staffId: 'staff-2',
        status: 'volunteer',
        criminalRecordCheckDate: '2026-09-01',
        isNew: false,
        assignedOn: '2026-10-12',
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/staff/:staffId/training',
    setup: withStaff,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/staff/staff-1/training`, n, at('2026-11-14'), { trainingAttendedDate: '2026-11-14' }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/staff/:staffId/unassignment',
    setup: withStaff,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/staff/staff-1/unassignment`, n, at('2026-11-20'), {
        unassignedOn: '2026-11-20',
        reason: 'fin de contrat',
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/sessions',
    setup: opened,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/sessions`, n, at('2026-11-03'), {
        sessionId: 'ses-2',
        date: '2026-11-03',
        start: '16:45',
        minutes: 90,
        kind: 'shared',
        activityTypes: ['parent_child'],
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/sessions/:sessionId/cancellation',
    setup: withSession,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/sessions/ses-1/cancellation`, n, at('2026-11-04'), { reason: 'salle indisponible' }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/sessions/:sessionId/corrections',
    setup: withSession,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/sessions/ses-1/corrections`, n, at('2026-11-04'), {
        changes: { start: '17:00' },
        reason: 'horaire mal saisi',
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/sessions/:sessionId/attendance',
    setup: withSession,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/sessions/ses-1/attendance`, n, at('2026-11-04'), {
        entries: [{ childId: 'kid-1', status: 'present' }],
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /collectifs/:id/sessions/:sessionId/attendance/corrections',
    setup: withAttendance,
    call: (http, n) =>
      post(http, `/collectifs/${col(n)}/sessions/ses-1/attendance/corrections`, n, at('2026-11-04'), {
        entries: [{ childId: 'kid-1', status: 'excused' }],
        reason: 'mot des parents',
      }),
    expected: OPERATOR_SIDE,
  },
];

describe('role × collectif endpoint matrix (issue 6)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api);
  });
  afterAll(() => api.close());

  it.each(matrixCells(MATRIX))('%s as %s → %i', (_, role, status, endpoint, n) => runCell(api, MATRIX_ACTORS, endpoint, role, n, status));
});
