import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { actors } from '@clas/application/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { CHILDREN, seedSeason } from './support/season.seed.js';

/**
 * Issue 6: the collectif commands over HTTP, through the real ClasCommandBus and a real SQLite
 * store. The season (campaign, operators, project prj-1 of op-1 approved for c1 and c2) is
 * written in-process by the seed; collectif col-2 is then run entirely through the API.
 */
const uuid = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (date: string, time = '10:00:00') => `${date}T${time}Z`;
const kids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `kid-${String(from + i).padStart(2, '0')}`);

describe('collectif commands over the real bus (issue 6)', () => {
  let api: ApiHarness;
  let n = 0;
  const post = (path: string, actor: (typeof actors)[keyof typeof actors] = actors.operator) =>
    request(api.http).post(path).set('Authorization', api.bearer(actor));
  const enrolBody = (childId: string, commandId = uuid(++n)) => ({
    commandId,
    occurredAt: at('2026-11-02'),
    data: {
      childId,
      schoolLevel: 'CE2',
      orientedBy: 'teacher',
      parentalConsentDate: '2026-10-20',
      disabilityNeeds: false,
      enrolledOn: '2026-11-02',
    },
  });
  const session = (sessionId: string, extra: Record<string, unknown> = {}) => ({
    commandId: uuid(++n),
    occurredAt: at('2026-11-03', '18:00:00'),
    data: {
      sessionId,
      date: '2026-11-03',
      start: '16:45',
      minutes: 90,
      kind: 'children',
      activityTypes: ['methodology', 'reading_writing'],
      ...extra,
    },
  });

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api);
  });
  afterAll(() => api.close());

  it('POST /collectifs opens a collectif of the project named in the body: 201 on collectif-col-2, owned by its operator and Caf', async () => {
    const res = await post('/collectifs')
      .send({
        commandId: uuid(++n),
        occurredAt: at('2026-10-12'),
        data: {
          collectifId: 'col-2',
          projectId: 'prj-1',
          plannedRef: 'c2',
          place: { name: 'Médiathèque Grain d’sel', commune: 'Carcassonne' },
          level: 'primary',
          rural: false,
          disabilityNeeds: false,
        },
      })
      .expect(201);
    expect(res.body).toMatchObject({ streamId: 'collectif-col-2', streamVersion: 0, duplicate: false });
    const [opened] = await api.store.readStream('collectif-col-2');
    expect(opened.type).toBe('CollectifOpened');
    expect(opened.data).toMatchObject({
      collectifId: 'col-2',
      projectId: 'prj-1',
      operatorId: 'op-1',
      cafCode: '11',
      schoolYear: '2026-2027',
      plannedRef: 'c2',
    });
    expect(opened.metadata).toMatchObject({ role: 'operator', actor: 'user-op-1' });
  });

  it('R-LIFE-3: a collège collectif in a primary project → 422 with the rule', async () => {
    const res = await post('/collectifs')
      .send({
        commandId: uuid(++n),
        occurredAt: at('2026-10-12'),
        data: {
          collectifId: 'col-x',
          projectId: 'prj-1',
          place: { name: 'Collège Varsovie', commune: 'Carcassonne' },
          level: 'college',
          rural: false,
          disabilityNeeds: false,
        },
      })
      .expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'COLLECTIF_CYCLE_MISMATCH', ruleId: 'R-LIFE-3' });
  });

  it('R-ELIG-COLLECTIVE: 12 children are enrolled, the 13th → 422 GROUP_FULL and nothing appended', async () => {
    for (const child of kids(1, 12)) await post('/collectifs/col-2/enrolments').send(enrolBody(child)).expect(201);
    const head = await api.store.headPosition();
    const res = await post('/collectifs/col-2/enrolments').send(enrolBody('kid-13')).expect(422);
    expect(res.body).toMatchObject({
      statusCode: 422,
      code: 'GROUP_FULL',
      ruleId: 'R-ELIG-COLLECTIVE',
      details: { max: 12, enrolled: 12, childId: 'kid-13' },
    });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('a repeated commandId on EnrolChild → 200 duplicate with the original ids, nothing appended (store head and /feed)', async () => {
    // A place frees up in col-1 (8 children): the enrolment is accepted once, then retried.
    const body = enrolBody('kid-retry', uuid(900));
    const first = await post('/collectifs/col-1/enrolments').send(body).expect(201);
    const head = await api.store.headPosition();
    const feedBefore = await request(api.http).get('/feed?limit=1000').set('Authorization', api.bearer(actors.auditor)).expect(200);

    const retry = await post('/collectifs/col-1/enrolments').send(body).expect(200);
    expect(retry.body).toEqual({ ...first.body, duplicate: true });
    expect(await api.store.headPosition()).toBe(head);
    const feedAfter = await request(api.http).get('/feed?limit=1000').set('Authorization', api.bearer(actors.auditor)).expect(200);
    expect(feedAfter.body.events).toHaveLength(feedBefore.body.events.length);
    expect(feedAfter.body.events.filter((e: { metadata: { commandId: string } }) => e.metadata.commandId === uuid(900))).toHaveLength(1);
  });

  it('a 0-minute session → 400 naming data.minutes, before the domain sees it; nothing appended', async () => {
    const head = await api.store.headPosition();
    const res = await post('/collectifs/col-2/sessions')
      .send(session('ses-zero', { minutes: 0 }))
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'the request is invalid',
      errors: [{ field: 'data.minutes', message: 'must be an integer between 1 and 600' }],
    });
    expect(await api.store.headPosition()).toBe(head);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a start time that is not HH:MM', 'data.start', { start: '4:45pm' }],
    ['an unknown activity', 'data.activityTypes', { activityTypes: ['karaoke'] }],
    ['no activity', 'data.activityTypes', { activityTypes: [] }],
    ['a repeated activity', 'data.activityTypes', { activityTypes: ['cultural', 'cultural'] }],
    ['an impossible date', 'data.date', { date: '2026-11-31' }],
    ['an unknown session kind', 'data.kind', { kind: 'teachers' }],
    ['a session ending after midnight (the domain checks start + minutes)', 'data.minutes', { start: '23:00', minutes: 120 }],
    ['a date outside the school year (the domain checks it)', 'data.date', { date: '2027-09-01' }],
    ['a date after the business time of the command (the domain checks it)', 'data.date', { date: '2026-11-05' }],
  ])('a session with %s → 400 naming %s', async (_, field, change) => {
    const res = await post('/collectifs/col-2/sessions').send(session('ses-bad', change)).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('sessions: record, correct with the reason, record and correct attendance, cancel', async () => {
    const held = await post('/collectifs/col-2/sessions').send(session('ses-1')).expect(201);
    expect(held.body.streamId).toBe('collectif-col-2');
    await post('/collectifs/col-2/sessions/ses-1/corrections')
      .send({ commandId: uuid(++n), occurredAt: at('2026-11-04'), data: { changes: { minutes: 120 }, reason: 'séance prolongée' } })
      .expect(201);
    const entries = kids(1, 12).map((childId, i) => ({ childId, status: i === 0 ? 'absent' : 'present' }));
    await post('/collectifs/col-2/sessions/ses-1/attendance')
      .send({ commandId: uuid(++n), occurredAt: at('2026-11-04'), data: { entries } })
      .expect(201);
    await post('/collectifs/col-2/sessions/ses-1/attendance/corrections')
      .send({
        commandId: uuid(++n),
        occurredAt: at('2026-11-05'),
        data: { entries: [{ childId: 'kid-01', status: 'excused' }], reason: 'certificat médical' },
      })
      .expect(201);
    await post('/collectifs/col-2/sessions/ses-3/cancellation')
      .send({ commandId: uuid(++n), occurredAt: at('2026-11-10'), data: { date: '2026-11-10', reason: 'grève des transports' } })
      .expect(201);

    const events = await api.store.readStream('collectif-col-2');
    expect(events.slice(-5).map((e) => e.type)).toEqual([
      'SessionHeld',
      'SessionCorrected',
      'AttendanceRecorded',
      'AttendanceCorrected',
      'SessionCancelled',
    ]);
    expect(events.at(-4)?.data).toMatchObject({ correctedFields: ['minutes'], session: { minutes: 120 } });
    expect(events.at(-1)?.data).toMatchObject({ sessionId: 'ses-3', wasRecordedAsHeld: false });
  });

  it('attendance for a child not enrolled in the collectif → 422, nothing appended', async () => {
    await post('/collectifs/col-2/sessions').send(session('ses-4')).expect(201);
    const head = await api.store.headPosition();
    const stranger = CHILDREN[0]; // enrolled in col-1, not in col-2
    const res = await post('/collectifs/col-2/sessions/ses-4/attendance')
      .send({
        commandId: uuid(++n),
        occurredAt: at('2026-11-04'),
        data: {
          entries: [
            { childId: 'kid-02', status: 'present' },
            { childId: stranger, status: 'present' },
          ],
        },
      })
      .expect(422);
    expect(res.body).toMatchObject({
      statusCode: 422,
      code: 'CHILD_NOT_ENROLLED_ON_SESSION_DATE',
      ruleId: 'R-ELIG-COLLECTIVE',
      details: { childId: stranger, date: '2026-11-03' },
    });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('attendance bodies: no entries, a child twice, an unknown status → 400 naming the field', async () => {
    const attend = (entries: unknown) =>
      post('/collectifs/col-2/sessions/ses-4/attendance').send({ commandId: uuid(++n), occurredAt: at('2026-11-04'), data: { entries } });
    expect((await attend([]).expect(400)).body.errors).toEqual([{ field: 'data.entries', message: 'must be a list of 1 to 100 items' }]);
    const twice = await attend([
      { childId: 'kid-02', status: 'present' },
      { childId: 'kid-02', status: 'absent' },
    ]).expect(400);
    expect(twice.body.errors).toEqual([{ field: 'data.entries', message: 'must not repeat a childId' }]);
    const status = await attend([{ childId: 'kid-02', status: 'late' }]).expect(400);
    expect(status.body.errors).toEqual([{ field: 'data.entries[0].status', message: 'must be one of present, absent, excused' }]);
  });

  it('staff: assign (training pending is a warning), record the training, unassign; no criminal-record check → 422 R-ELIG-OPERATOR', async () => {
    const assign = (staffId: string, extra: Record<string, unknown> = {}) =>
      post('/collectifs/col-2/staff').send({
        commandId: uuid(++n),
        occurredAt: at('2026-10-12'),
        data: { staffId, status: 'volunteer', criminalRecordCheckDate: '2026-09-15', isNew: true, assignedOn: '2026-10-12', ...extra },
      });
    await assign('staff-1').expect(201);
    const [assigned] = (await api.store.readStream('collectif-col-2')).filter((e) => e.type === 'StaffAssigned');
    expect(assigned.data).toMatchObject({
      staffId: 'staff-1',
      trainingAttendedDate: null,
      warnings: [{ ruleId: 'R-ELIG-TRAINING', code: 'TRAINING_PENDING' }],
    });
    await post('/collectifs/col-2/staff/staff-1/training')
      .send({ commandId: uuid(++n), occurredAt: at('2026-11-14'), data: { trainingAttendedDate: '2026-11-14' } })
      .expect(201);
    await post('/collectifs/col-2/staff/staff-1/unassignment')
      .send({ commandId: uuid(++n), occurredAt: at('2026-11-20'), data: { unassignedOn: '2026-11-20', reason: 'fin de mission' } })
      .expect(201);

    const unchecked = await assign('staff-2', { criminalRecordCheckDate: undefined }).expect(422);
    expect(unchecked.body).toMatchObject({ code: 'STAFF_WITHOUT_CRIMINAL_RECORD_CHECK', ruleId: 'R-ELIG-OPERATOR' });
    const badStatus = await assign('staff-2', { status: 'intern' }).expect(400);
    expect(badStatus.body.errors).toEqual([{ field: 'data.status', message: 'must be one of professional, volunteer' }]);
  });

  it('a departure: 201; a second departure of the same child → 422', async () => {
    const leave = () =>
      post('/collectifs/col-2/departures').send({
        commandId: uuid(++n),
        occurredAt: at('2026-11-20'),
        data: { childId: 'kid-12', reason: 'moved', leftOn: '2026-11-20' },
      });
    await leave().expect(201);
    const again = await leave().expect(422);
    expect(again.body).toMatchObject({ code: 'CHILD_NOT_ENROLLED', ruleId: 'R-ELIG-COLLECTIVE' });
  });

  it("an operator's token on another operator's collectif → 403, nothing appended; a Caf agent of another Caf too", async () => {
    const head = await api.store.headPosition();
    const other = await post('/collectifs/col-2/enrolments', actors.otherOperator).send(enrolBody('kid-intruder')).expect(403);
    expect(other.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    await post('/collectifs/col-2/sessions', actors.agentElsewhere).send(session('ses-intruder')).expect(403);
    // Opening a collectif in op-1's project is op-1's (or its Caf's) act.
    await post('/collectifs', actors.otherOperator)
      .send({
        commandId: uuid(++n),
        occurredAt: at('2026-10-12'),
        data: {
          collectifId: 'col-hijack',
          projectId: 'prj-1',
          place: { name: 'Salle', commune: 'Carcassonne' },
          level: 'primary',
          rural: false,
          disabilityNeeds: false,
        },
      })
      .expect(403);
    expect(await api.store.headPosition()).toBe(head);
  });

  it('unknown collectif → 403, the answer another operator gets for col-1 (issue 11 §4); malformed path id, unknown field, missing data → 400 naming the field', async () => {
    const unknown = await post('/collectifs/col-ghost/enrolments').send(enrolBody('kid-x')).expect(403);
    const others = await post('/collectifs/col-1/enrolments', actors.otherOperator).send(enrolBody('kid-x')).expect(403);
    expect(unknown.body.message.replace('col-ghost', 'col-1').replace('op-1', 'op-2')).toBe(others.body.message);
    const badPath = await post('/collectifs/col%20bad/enrolments').send(enrolBody('kid-x')).expect(400);
    expect(badPath.body.errors.map((e: { field: string }) => e.field)).toEqual(['collectifId']);
    const extra = await post('/collectifs/col-2/enrolments')
      .send({ ...enrolBody('kid-x'), data: { ...enrolBody('kid-x').data, collectifId: 'col-1' } })
      .expect(400);
    expect(extra.body.errors).toEqual([{ field: 'data.collectifId', message: 'is not an accepted field' }]);
    const nullMinutes = await post('/collectifs/col-2/sessions/ses-1/corrections')
      .send({ commandId: uuid(++n), data: { changes: { minutes: null }, reason: 'r' } })
      .expect(400);
    expect(nullMinutes.body.errors).toEqual([{ field: 'data.changes.minutes', message: 'must be an integer between 1 and 600' }]);
    const nullDate = await post('/collectifs/col-2/sessions/ses-9/cancellation')
      .send({ commandId: uuid(++n), data: { date: null, reason: 'r' } })
      .expect(400);
    expect(nullDate.body.errors).toEqual([{ field: 'data.date', message: 'must be a calendar date YYYY-MM-DD in years 1900–2199' }]);
    const noData = await post('/collectifs/col-2/departures')
      .send({ commandId: uuid(++n) })
      .expect(400);
    expect(noData.body.errors.map((e: { field: string }) => e.field)).toEqual(['data']);
    const level = await post('/collectifs/col-2/enrolments')
      .send({ ...enrolBody('kid-x'), data: { ...enrolBody('kid-x').data, schoolLevel: 'CM3' } })
      .expect(400);
    expect(level.body.errors).toEqual([{ field: 'data.schoolLevel', message: expect.stringMatching(/^must be one of CP, CE1/) }]);
  });

  it('OpenAPI documents every collectif route under its command name, with every error shape', async () => {
    const doc = (await request(api.http).get('/docs-json').expect(200)).body as {
      paths: Record<string, { post?: { operationId: string; responses: object } }>;
    };
    const documented = Object.entries(doc.paths)
      .filter(([path, ops]) => path.startsWith('/collectifs') && ops.post)
      .map(([path, ops]) => [
        path,
        ops.post?.operationId,
        Object.keys(ops.post?.responses ?? {})
          .sort()
          .join(' '),
      ]);
    const errors = '200 201 400 401 403 404 409 413 415 422 429 500';
    expect(documented).toEqual([
      ['/collectifs', 'OpenCollectif', errors],
      ['/collectifs/{collectifId}/enrolments', 'EnrolChild', errors],
      ['/collectifs/{collectifId}/departures', 'RecordChildDeparture', errors],
      ['/collectifs/{collectifId}/staff', 'AssignStaff', errors],
      ['/collectifs/{collectifId}/staff/{staffId}/training', 'RecordStaffTraining', errors],
      ['/collectifs/{collectifId}/staff/{staffId}/unassignment', 'UnassignStaff', errors],
      ['/collectifs/{collectifId}/sessions', 'RecordSession', errors],
      ['/collectifs/{collectifId}/sessions/{sessionId}/cancellation', 'CancelSession', errors],
      ['/collectifs/{collectifId}/sessions/{sessionId}/corrections', 'CorrectSession', errors],
      ['/collectifs/{collectifId}/sessions/{sessionId}/attendance', 'RecordAttendance', errors],
      ['/collectifs/{collectifId}/sessions/{sessionId}/attendance/corrections', 'CorrectAttendance', errors],
    ]);
  });
});
