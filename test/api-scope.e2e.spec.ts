import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor, ClasCommand, CommandBus } from '@clas/application';
import { actors, approvedInMeeting, commands, content, paris } from '@clas/application/testing';
import { COMMAND_BUS } from '../apps/api/src/tokens.js';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { type MatrixEndpoint, type MatrixRole, matrixCells, runCell, MATRIX_ACTORS } from './support/role-matrix.js';
import { CHILDREN, type SeedStep, seedSeason } from './support/season.seed.js';

/**
 * Issue 11 §4: scope is checked first, and on everything a command references. Beside the
 * Aude season (op-1's prj-1 and col-1 with child-01…08), op-2 has its own approved prj-2, with
 * col-2, child kid-op2 and staff st-op2; op-40 is an operator of the Landes Caf (40).
 */
const uuid = (n: number) => `70000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TERMS = { startDate: '2027-11-02', collectifs: 2, children: 20, weeks: 28 };
/** Every command is recorded on a past day: the refusals under test come before any date rule. */
const ON = paris('2026-11-20');
/** The application content of the fixtures, planned within another school year. */
const contentFor = (schoolYear: string) => {
  const from = Number(schoolYear.slice(0, 4));
  return { ...content(), plannedPeriod: { from: `${from}-11-02`, to: `${from + 1}-06-15` } };
};

const system: Actor = actors.system;

/** Every scoped role is refused the same way, whatever exists (the guard refuses the roles that may not issue it at all). */
const ALL_REFUSED: Record<MatrixRole, number> = {
  agent: 403,
  agentElsewhere: 403,
  committee: 403,
  owner: 403,
  otherOperator: 403,
  auditor: 403,
  dashboard: 403,
  anonymous: 401,
};
/** A reference out of the aggregate's scope: 422 R-SCOPE to those who may act for op-1, 403 to the others. */
const REFERENCE_REFUSED: Record<MatrixRole, number> = { ...ALL_REFUSED, agent: 422, owner: 422 };
const OUT_OF_SCOPE = { 422: 'REFERENCE_OUT_OF_SCOPE' };

const post = (http: ApiHarness['http'], path: string, n: number, occurredAt: string, data: Record<string, unknown>) =>
  request(http)
    .post(path)
    .send({ commandId: uuid(n), occurredAt, data });
const draft = (n: number, ref: { operatorId: string; cafCode: string }) => ({
  projectId: `prj-s${n}`,
  ...ref,
  schoolYear: '2026-2027',
  title: 'Clas',
  schoolCycle: 'primary',
});
const enrolment = (childId: string) => ({
  childId,
  schoolLevel: 'CM1',
  orientedBy: 'teacher',
  parentalConsentDate: '2026-10-20',
  disabilityNeeds: false,
  enrolledOn: '2026-11-02',
});

const MATRIX: MatrixEndpoint[] = [
  {
    // R-SCOPE: the project's Caf is its operator's; an agent of Caf 11 may not act in Caf 40, an agent of Caf 40 not for op-1.
    name: 'POST /projects: op-1 (Caf 11) under Caf 40',
    call: (http, n) => post(http, '/projects', n, paris('2026-06-01'), draft(n, { operatorId: 'op-1', cafCode: '40' })),
    expected: { ...ALL_REFUSED, owner: 422 },
    codes: { 422: 'OPERATOR_OF_ANOTHER_CAF' },
  },
  {
    name: 'POST /projects: an operator never registered (op-ghost, Caf 11)',
    call: (http, n) => post(http, '/projects', n, paris('2026-06-01'), draft(n, { operatorId: 'op-ghost', cafCode: '11' })),
    expected: ALL_REFUSED,
  },
  {
    name: 'POST /projects: op-40 (registered with Caf 40) claimed under Caf 11',
    call: (http, n) => post(http, '/projects', n, paris('2026-06-01'), draft(n, { operatorId: 'op-40', cafCode: '11' })),
    expected: ALL_REFUSED,
  },
  {
    name: 'POST /conventions: an operator never registered',
    call: (http, n) =>
      post(http, '/conventions', n, ON, {
        conventionId: `conv-s${n}`,
        operatorId: 'op-ghost',
        cafCode: '11',
        projectIds: ['prj-1'],
        startSchoolYear: '2027-2028',
        years: 2,
        terms: TERMS,
      }),
    expected: ALL_REFUSED,
  },
  {
    name: 'POST /collectifs/col-ghost/enrolments: a collectif that does not exist',
    call: (http, n) => post(http, '/collectifs/col-ghost/enrolments', n, paris('2026-11-02'), enrolment(`kid-s${n}`)),
    expected: ALL_REFUSED,
  },
  {
    // R-LIFE-4 renews one's own project: op-2's prj-2 is refused before any business fact (no 2027-2028 campaign is even open).
    name: "POST /projects/:id/application: op-1's renewal of op-2's prj-2",
    call: (http, n) =>
      post(http, `/projects/prj-s${n}/application`, n, ON, {
        operatorId: 'op-1',
        cafCode: '11',
        schoolYear: '2027-2028',
        applicationKind: 'renewal',
        previousProjectId: 'prj-2',
        content: contentFor('2027-2028'),
      }),
    expected: REFERENCE_REFUSED,
    codes: OUT_OF_SCOPE,
  },
  {
    name: 'POST /projects/prj-1/parent-actions naming col-2, a collectif of another project',
    call: (http, n) =>
      post(http, '/projects/prj-1/parent-actions', n, paris('2026-11-20'), {
        actionId: `pa-s${n}`,
        objective: 'P2',
        date: '2026-11-20',
        parentsReached: 5,
        collectifIds: ['col-1', 'col-2'],
        description: 'goûter',
      }),
    expected: REFERENCE_REFUSED,
    codes: OUT_OF_SCOPE,
  },
  {
    name: "POST /conventions: op-1's convention naming op-2's prj-2",
    call: (http, n) =>
      post(http, '/conventions', n, ON, {
        conventionId: `conv-s${n}`,
        operatorId: 'op-1',
        cafCode: '11',
        projectIds: ['prj-1', 'prj-2'],
        startSchoolYear: '2027-2028',
        years: 2,
        terms: TERMS,
      }),
    expected: REFERENCE_REFUSED,
    codes: OUT_OF_SCOPE,
  },
  {
    name: 'POST /collectifs/col-1/enrolments of kid-op2, a child of op-2',
    call: (http, n) => post(http, '/collectifs/col-1/enrolments', n, paris('2026-11-02'), enrolment('kid-op2')),
    expected: REFERENCE_REFUSED,
    codes: OUT_OF_SCOPE,
  },
  {
    name: 'POST /collectifs/col-1/staff: st-op2, a staff member of op-2',
    call: (http, n) =>
      post(http, '/collectifs/col-1/staff', n, paris('2026-10-12'), {
        staffId: 'st-op2',
        status: 'professional',
        criminalRecordCheckDate: '2026-09-01',
        isNew: false,
        assignedOn: '2026-10-12',
      }),
    expected: REFERENCE_REFUSED,
    codes: OUT_OF_SCOPE,
  },
  {
    name: 'PUT /persons/kid-op2 as a person of op-1 (the log says op-2)',
    call: (http, n) =>
      request(http)
        .put('/persons/kid-op2')
        .send({ kind: 'child', firstName: 'N', lastName: `S${n}`, cafCode: '11', operatorId: 'op-1' }),
    expected: ALL_REFUSED,
  },
  {
    name: 'PUT /persons/:id naming op-40, an operator of Caf 40, in Caf 11',
    call: (http, n) =>
      request(http)
        .put(`/persons/kid-s${n}`)
        .send({ kind: 'child', firstName: 'N', lastName: `S${n}`, cafCode: '11', operatorId: 'op-40' }),
    expected: ALL_REFUSED,
  },
];

/** op-40 (Caf 40), and op-2's own approved project with a collectif, a child and a staff member. */
function otherScopes(): SeedStep[] {
  const register40 = {
    ...commands.registerOperator('op-40'),
    data: { operatorId: 'op-40', cafCode: '40', name: 'Association landaise', kind: 'association' },
  } as ClasCommand;
  const assign = {
    type: 'AssignStaff',
    commandId: 'assign-st-op2',
    occurredAt: paris('2026-10-12'),
    data: {
      collectifId: 'col-2',
      staffId: 'st-op2',
      status: 'professional',
      criminalRecordCheckDate: '2026-09-01',
      isNew: false,
      assignedOn: '2026-10-12',
    },
  } as ClasCommand;
  const steps: ClasCommand[] = [
    register40,
    commands.fileApplication('prj-2', paris('2026-06-20'), { operatorId: 'op-2' }),
    commands.openExamination('prj-2'),
    ...approvedInMeeting('prj-2'),
    commands.openCollectif('col-2', 'prj-2'),
    commands.enrol('kid-op2', 'col-2'),
    assign,
  ];
  return steps.map((command): SeedStep => [command, system]);
}

describe('scope × endpoint matrix (issue 11 §4)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api, otherScopes());
  });
  afterAll(() => api.close());

  it.each(matrixCells(MATRIX))('%s as %s → %i', (_, role, status, endpoint, n) => runCell(api, MATRIX_ACTORS, endpoint, role, n, status));
});

describe('scope before existence and business rules: an out-of-scope caller learns nothing (issue 11 §4)', () => {
  let api: ApiHarness;
  let n = 0;
  const postAs = (actor: Actor, path: string, occurredAt: string, data: Record<string, unknown>) =>
    request(api.http)
      .post(path)
      .set('Authorization', api.bearer(actor))
      .send({ commandId: uuid(1000 + ++n), occurredAt, data });
  const convention = (conventionId: string, operatorId: string, cafCode: string, startSchoolYear: string) => ({
    conventionId,
    operatorId,
    cafCode,
    projectIds: ['prj-1'],
    startSchoolYear,
    years: 2,
    terms: { ...TERMS, startDate: `${startSchoolYear.slice(0, 4)}-11-02` },
  });

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api, otherScopes());
  });
  afterAll(() => api.close());

  it('an unknown operator and another Caf’s operator get the same 403 (today: 404 and 422), nothing appended', async () => {
    const head = await api.store.headPosition();
    const unknown = await postAs(actors.agentElsewhere, '/conventions', ON, convention('conv-e1', 'op-ghost', '40', '2027-2028')).expect(
      403,
    );
    const known = await postAs(actors.agentElsewhere, '/conventions', ON, convention('conv-e2', 'op-1', '40', '2027-2028')).expect(403);
    expect(unknown.body.message.replace('op-ghost', 'op-1')).toBe(known.body.message);
    // As an agent of Caf 40 may: its own operator gets past the scope to the business rule.
    const own = await postAs(actors.agentElsewhere, '/conventions', ON, convention('conv-e3', 'op-40', '40', '2027-2028')).expect(422);
    expect(own.body).toMatchObject({ code: 'REFERENCE_OUT_OF_SCOPE', ruleId: 'R-SCOPE', details: { field: 'projectIds[0]', id: 'prj-1' } });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('another Caf’s closed campaign and its open one get the same 403 (today: 422 CAMPAIGN_NOT_OPEN for the closed one)', async () => {
    const closed = await postAs(actors.agentElsewhere, '/conventions', ON, convention('conv-e4', 'op-1', '11', '2030-2031')).expect(403);
    const open = await postAs(actors.agentElsewhere, '/conventions', ON, convention('conv-e4', 'op-1', '11', '2026-2027')).expect(403);
    expect(closed.body).toEqual(open.body);
    // Filing: the claimed Caf is refused before the campaign is looked at.
    const filing = (schoolYear: string) => ({
      operatorId: 'op-1',
      cafCode: '11',
      schoolYear,
      applicationKind: 'new',
      content: contentFor(schoolYear),
    });
    const closedFiling = await postAs(actors.agentElsewhere, '/projects/prj-e5/application', ON, filing('2030-2031')).expect(403);
    const openFiling = await postAs(actors.agentElsewhere, '/projects/prj-e5/application', ON, filing('2026-2027')).expect(403);
    expect(closedFiling.body).toEqual(openFiling.body);
    // The owner itself does learn that the campaign is closed: it is its own business.
    const owner = await postAs(actors.operator, '/projects/prj-e5/application', ON, filing('2030-2031')).expect(422);
    expect(owner.body).toMatchObject({ code: 'CAMPAIGN_NOT_OPEN', ruleId: 'R-LIFE-1' });
  });

  it('an existing project of another operator and a project that does not exist get the same 403', async () => {
    const theirs = await postAs(actors.operator, '/projects/prj-2/withdrawal', paris('2026-07-01'), { reason: 'r' }).expect(403);
    const none = await postAs(actors.operator, '/projects/prj-none/withdrawal', paris('2026-07-01'), { reason: 'r' }).expect(403);
    expect(none.body.message.replace('prj-none', 'prj-2')).toBe(theirs.body.message);
    expect(theirs.body.message).not.toContain('op-2');
  });

  it('R-SCOPE: an operator of Caf 11 cannot create a project under Caf 40 or 974; under its own Caf it can', async () => {
    const head = await api.store.headPosition();
    for (const cafCode of ['40', '974']) {
      const res = await postAs(
        actors.operator,
        '/projects',
        paris('2026-06-01'),
        draft(2000 + Number(cafCode), { operatorId: 'op-1', cafCode }),
      ).expect(422);
      expect(res.body).toMatchObject({
        code: 'OPERATOR_OF_ANOTHER_CAF',
        ruleId: 'R-SCOPE',
        details: { field: 'cafCode', registeredCafCode: '11', cafCode },
      });
    }
    // Its Caf's agent keys in a paper file of op-1 under Caf 40: refused too (403: Caf 40 is not the agent's).
    await postAs(actors.agent, '/projects/prj-e6/not-receivable', paris('2026-08-12'), {
      operatorId: 'op-1',
      cafCode: '40',
      schoolYear: '2026-2027',
      reason: 'filed_after_deadline',
      ruleId: 'R-LIFE-1',
      explanation: 'papier',
    }).expect(403);
    expect(await api.store.headPosition()).toBe(head);
    await postAs(actors.operator, '/projects', paris('2026-06-01'), draft(2011, { operatorId: 'op-1', cafCode: '11' })).expect(201);
  });

  it('R-SCOPE: the reference check comes before the business rules (a renewal of an unknown or another’s project, same answer)', async () => {
    const renewal = (previousProjectId: string) => ({
      operatorId: 'op-1',
      cafCode: '11',
      schoolYear: '2027-2028',
      applicationKind: 'renewal',
      previousProjectId,
      content: contentFor('2027-2028'),
    });
    const theirs = await postAs(actors.operator, '/projects/prj-e7/application', ON, renewal('prj-2')).expect(422);
    const none = await postAs(actors.operator, '/projects/prj-e7/application', ON, renewal('prj-none')).expect(422);
    expect(theirs.body).toMatchObject({
      code: 'REFERENCE_OUT_OF_SCOPE',
      ruleId: 'R-SCOPE',
      details: { field: 'previousProjectId', id: 'prj-2' },
    });
    expect(none.body.message.replace('prj-none', 'prj-2')).toBe(theirs.body.message);
    // Its own earlier project passes the reference check and meets the business rule (no 2027-2028 campaign: R-LIFE-1).
    const own = await postAs(actors.operator, '/projects/prj-e7/application', ON, renewal('prj-1')).expect(422);
    expect(own.body).toMatchObject({ code: 'CAMPAIGN_NOT_OPEN', ruleId: 'R-LIFE-1' });
  });
});

describe('personal-data records tied to the ids of the log and their owner’s scope (issue 11 §4)', () => {
  let api: ApiHarness;
  let n = 0;
  const put = (actor: Actor, personId: string, body: Record<string, unknown>) =>
    request(api.http)
      .put(`/persons/${personId}`)
      .set('Authorization', api.bearer(actor))
      .send({ kind: 'child', firstName: 'Léa', lastName: 'Martin', cafCode: '11', ...body });
  const enrol = (actor: Actor, collectifId: string, childId: string) =>
    request(api.http)
      .post(`/collectifs/${collectifId}/enrolments`)
      .set('Authorization', api.bearer(actor))
      .send({ commandId: uuid(3000 + ++n), occurredAt: paris('2026-11-02'), data: enrolment(childId) });

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api, otherScopes());
  });
  afterAll(() => api.close());

  it('an agent cannot name another Caf’s operator (nor one never registered: same answer); its own operator, yes', async () => {
    const other = await put(actors.agent, 'kid-p1', { operatorId: 'op-40' }).expect(403);
    const ghost = await put(actors.agent, 'kid-p1', { operatorId: 'op-ghost' }).expect(403);
    expect(ghost.body.message.replace('op-ghost', 'op-40')).toBe(other.body.message);
    await put(actors.agent, 'kid-p1', { operatorId: 'op-1' }).expect(200);
    // An operator's record is in the Caf it is registered with.
    await put(actors.operator, 'kid-p2', { cafCode: '40' }).expect(403);
  });

  it('an operator cannot claim a child or staff id of another operator; its own, yes; the kind is the log’s', async () => {
    await put(actors.operator, 'kid-op2', {}).expect(403);
    await put(actors.operator, 'st-op2', { kind: 'staff' }).expect(403);
    await put(actors.otherOperator, 'kid-op2', {}).expect(200);
    await put(actors.operator, 'child-01', {}).expect(200);
    const kind = await put(actors.operator, 'child-02', { kind: 'staff' }).expect(400);
    expect(kind.body.errors).toEqual([{ field: 'kind', message: 'child-02 is a child in the event log' }]);
    // An agent of the Caf writes for the operator the log names, or for the Caf alone; not for another.
    await put(actors.agent, 'kid-op2', { operatorId: 'op-1' }).expect(403);
    await put(actors.agent, 'child-03', { operatorId: null }).expect(200);
  });

  it('a record made before the enrolment reserves the id: another operator’s enrolment is refused (422), its own goes through', async () => {
    await put(actors.operator, 'kid-early', {}).expect(200);
    const head = await api.store.headPosition();
    const taken = await enrol(actors.otherOperator, 'col-2', 'kid-early').expect(422);
    expect(taken.body).toMatchObject({ code: 'REFERENCE_OUT_OF_SCOPE', ruleId: 'R-SCOPE', details: { field: 'childId', id: 'kid-early' } });
    expect(await api.store.headPosition()).toBe(head);
    await put(actors.otherOperator, 'kid-early', {}).expect(403);
    await enrol(actors.operator, 'col-1', 'kid-early').expect(201);
    // A record the Caf keeps alone (no operator) lets any operator of that Caf enrol the child.
    await put(actors.agent, 'kid-caf', { operatorId: null }).expect(200);
    await enrol(actors.otherOperator, 'col-2', 'kid-caf').expect(201);
  });
});

describe('the dashboard feed carries aggregates only (issue 11 §4)', () => {
  let api: ApiHarness;
  type FeedEvent = { type: string; data: Record<string, unknown>; metadata: { caf?: string } };
  const feed = async (actor: Actor): Promise<FeedEvent[]> =>
    (await request(api.http).get('/feed?limit=1000').set('Authorization', api.bearer(actor)).expect(200)).body.events;

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api, otherScopes());
    const bus = api.app.get<CommandBus>(COMMAND_BUS);
    const session: ClasCommand[] = [
      {
        type: 'RecordSession',
        commandId: 'feed-session',
        occurredAt: paris('2026-11-03', '18:00'),
        data: {
          collectifId: 'col-1',
          sessionId: 'ses-1',
          date: '2026-11-03',
          start: '16:45',
          minutes: 90,
          kind: 'children',
          activityTypes: ['methodology'],
        },
      },
      {
        type: 'RecordAttendance',
        commandId: 'feed-attendance',
        occurredAt: paris('2026-11-03', '19:00'),
        data: { collectifId: 'col-1', sessionId: 'ses-1', entries: [{ childId: 'child-01', status: 'present' }] },
      },
      {
        type: 'RecordChildDeparture',
        commandId: 'feed-departure',
        occurredAt: paris('2026-11-20'),
        data: { collectifId: 'col-1', childId: 'child-08', reason: 'moved', leftOn: '2026-11-20' },
      },
    ] as ClasCommand[];
    for (const command of session) {
      const outcome = await bus.execute({ command, actor: system });
      if (!outcome.ok) throw new Error(`seed ${command.type} failed: ${JSON.stringify(outcome)}`);
    }
  });
  afterAll(() => api.close());

  it('a dashboard gets no child- or staff-level event and no disability flag; the aggregate events stay', async () => {
    const events = await feed(actors.dashboard);
    const types = new Set(events.map((e) => e.type));
    for (const individual of ['ChildEnrolled', 'ChildLeft', 'AttendanceRecorded', 'StaffAssigned'])
      expect(types.has(individual)).toBe(false);
    for (const aggregate of [
      'CampaignOpened',
      'ApplicationFiled',
      'CommitteeDecisionRecorded',
      'CollectifOpened',
      'SessionHeld',
      'ParentActionHeld',
    ])
      expect(types.has(aggregate)).toBe(true);
    const text = JSON.stringify(events);
    expect(text).not.toMatch(/childId|staffId|disabilityNeeds|child-0|kid-op2/);
    const filed = events.find((e) => e.type === 'ApplicationFiled')!;
    expect((filed.data.content as { collectifs: object[] }).collectifs[0]).toEqual({
      ref: 'c1',
      place: { name: 'École Jean-Jaurès', commune: 'Carcassonne' },
      level: 'primary',
      rural: false,
      plannedChildren: 12,
    });
    expect(events.every((e) => e.metadata.caf === '11')).toBe(true);
  });

  it('auditors keep every event of their Caf, with its individual-level fields', async () => {
    const national = await feed(actors.auditor);
    expect(national.filter((e) => e.type === 'ChildEnrolled')).toHaveLength(CHILDREN.length + 1);
    expect(national.find((e) => e.type === 'AttendanceRecorded')?.data.entries).toEqual([{ childId: 'child-01', status: 'present' }]);
    expect(national.find((e) => e.type === 'CollectifOpened')?.data).toHaveProperty('disabilityNeeds', false);
    const landes = await feed({ ...actors.auditor, id: 'auditor-40', caf: '40' });
    expect(landes.map((e) => e.type)).toEqual(['OperatorRegistered']);
  });
});
