import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor } from '@clas/application';
import { PARAMETER_SETS, addDays, localDate, parisInstant, type LocalDate } from '@clas/domain';
import { actors, content } from '@clas/application/testing';
import { FakeClock } from '@clas/event-store/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { agreementSignatureData } from './support/project-requests.js';

/**
 * Issue 6, item 7: a whole season through HTTP only — campaign, operator, filing, examination,
 * decision, two collectifs with their staff and children, 28 weeks of two 90-minute sessions
 * with attendance, parent actions, concertations, a partner, the bilan, its validation and the
 * payments — then every query on it. The API's clock is also the store's, so every fact is
 * recorded on the day the story types it in.
 */
const paris = (date: string, time = '18:00') => parisInstant(localDate(date), time);
const WEEKS = 28;
const FIRST_TUESDAY = localDate('2026-11-03');
const CHILDREN = (collectif: string) => Array.from({ length: 10 }, (_, i) => `${collectif}-kid-${String(i + 1).padStart(2, '0')}`);

describe('a whole season through HTTP (issue 6)', () => {
  let api: ApiHarness;
  const clock = new FakeClock(paris('2026-04-01', '10:00'));
  const on = (date: string, time = '18:00') => clock.set(paris(date, time));
  const post = (path: string, actor: Actor, data?: object) =>
    request(api.http)
      .post(path)
      .set('Authorization', api.bearer(actor))
      .send({ commandId: randomUUID(), ...(data === undefined ? {} : { data }) });
  const get = (path: string, actor: Actor = actors.agent) => request(api.http).get(path).set('Authorization', api.bearer(actor));

  beforeAll(async () => {
    api = await startApi({ clock });

    await post('/campaigns', actors.agent, { parameters: PARAMETER_SETS['11-2026-2027'] }).expect(201);
    await post('/operators', actors.agent, {
      operatorId: 'op-1',
      cafCode: '11',
      name: 'Association Lire et Grandir',
      kind: 'association',
    }).expect(201);
    await post('/operators/op-1/coordinator', actors.operator, {
      personId: 'coord-1',
      qualificationLevel: 3,
      hasRelevantExperience: true,
    }).expect(201);
    await post('/operators/op-1/declarations', actors.operator, {
      declaration: 'insurance',
      documentDate: '2026-03-15',
      expiresOn: '2027-09-30',
    }).expect(201);
    await post('/operators/op-1/declarations', actors.operator, { declaration: 'laicite_charter', documentDate: '2026-03-20' }).expect(201);

    on('2026-06-20', '10:00');
    await post('/projects/prj-1/application', actors.operator, {
      operatorId: 'op-1',
      cafCode: '11',
      schoolYear: '2026-2027',
      applicationKind: 'new',
      content: content(),
    }).expect(201);
    on('2026-09-01', '10:00');
    await post('/projects/prj-1/examination', actors.agent).expect(201);
    on('2026-10-01', '10:00');
    for (const objective of ['S1', 'S2', 'S3']) {
      await post('/projects/prj-1/school-concertations', actors.operator, {
        concertationId: `sc-${objective}`,
        objective,
        moment: 'before_start',
        date: '2026-10-01',
        schools: ['École Jean-Jaurès'],
      }).expect(201);
    }
    on('2026-10-05', '14:00');
    const terms = {
      outcome: 'approved',
      approvedCollectifs: 2,
      bonusesGranted: { enfants: null, parents: null },
      forecastOperatingCost: 1_800_000,
    };
    // R-COMMITTEE-MEETING: the committee met at noon and examined the file; its decision is recorded in that meeting.
    await post('/committees/11/2026-2027/meetings/cttee-2026-10-05/held', actors.committee, {
      date: '2026-10-05',
      members: [{ institution: 'caf' }, { institution: 'ddets' }, { institution: 'dsden' }],
      agenda: ['prj-1'],
    }).expect(201);
    await post('/projects/prj-1/decision', actors.committee, {
      decisionId: 'dec-1',
      meetingId: 'cttee-2026-10-05',
      effectiveDate: '2026-10-05',
      decision: terms,
    }).expect(201);
    on('2026-10-20', '10:00');
    await post('/projects/prj-1/payments/advance', actors.agent, { paymentId: 'adv-1', amount: 300_000 }).expect(201);

    on('2026-10-30', '10:00');
    for (const [collectifId, ref, place] of [
      ['col-1', 'c1', 'École Jean-Jaurès'],
      ['col-2', 'c2', 'Médiathèque Grain d’sel'],
    ] as const) {
      await post('/collectifs', actors.operator, {
        collectifId,
        projectId: 'prj-1',
        plannedRef: ref,
        place: { name: place, commune: 'Carcassonne' },
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
      }).expect(201);
      for (const staffId of [`${collectifId}-staff-a`, `${collectifId}-staff-b`]) {
        await post(`/collectifs/${collectifId}/staff`, actors.operator, {
          staffId,
          status: 'professional',
          criminalRecordCheckDate: '2026-10-15',
          trainingAttendedDate: '2026-10-20',
          isNew: true,
          assignedOn: '2026-10-30',
        }).expect(201);
      }
      for (const childId of CHILDREN(collectifId)) {
        await post(`/collectifs/${collectifId}/enrolments`, actors.operator, {
          childId,
          schoolLevel: 'CE2',
          orientedBy: 'teacher',
          parentalConsentDate: '2026-10-25',
          disabilityNeeds: false,
          enrolledOn: '2026-10-30',
        }).expect(201);
      }
    }

    // 28 ISO weeks, Tuesday and Thursday, 90 minutes each; one child of col-2 is absent each time.
    for (let week = 0; week < WEEKS; week++) {
      for (const offset of [0, 2]) {
        const date: LocalDate = addDays(FIRST_TUESDAY, week * 7 + offset);
        on(date, '19:00');
        for (const collectifId of ['col-1', 'col-2']) {
          const sessionId = `${collectifId}-s${week}-${offset}`;
          await post(`/collectifs/${collectifId}/sessions`, actors.operator, {
            sessionId,
            date,
            start: '16:45',
            minutes: 90,
            kind: 'children',
            activityTypes: ['methodology', 'cultural'],
          }).expect(201);
          const entries = CHILDREN(collectifId).map((childId, i) => ({
            childId,
            status: collectifId === 'col-2' && i === 0 ? 'absent' : 'present',
          }));
          await post(`/collectifs/${collectifId}/sessions/${sessionId}/attendance`, actors.operator, { entries }).expect(201);
        }
      }
      // R-ELIG-AXES on actual facts: each parent objective P1–P5 carried out once in the year.
      if (week % 5 === 1 && week <= 21) {
        const objective = `P${(week - 1) / 5 + 1}`;
        await post('/projects/prj-1/parent-actions', actors.operator, {
          actionId: `pa-${week}`,
          objective,
          date: addDays(FIRST_TUESDAY, week * 7 + 2),
          parentsReached: 6,
          description: 'temps avec les familles',
        }).expect(201);
      }
    }
    on('2027-05-20', '10:00');
    await post('/projects/prj-1/partner-relations', actors.operator, {
      relationId: 'pr-1',
      partnerName: 'Médiathèque Grain d’sel',
      partnerKind: 'library',
      date: '2027-05-20',
      description: 'prêt de livres',
    }).expect(201);
    on('2027-06-20', '10:00');
    await post('/projects/prj-1/school-concertations', actors.operator, {
      concertationId: 'sc-bilan',
      objective: 'S3',
      moment: 'at_bilan',
      date: '2027-06-20',
      schools: ['École Jean-Jaurès'],
    }).expect(201);

    on('2027-07-01', '10:00');
    const bilan = {
      bilanId: 'bilan-1',
      quantitative: {
        collectifsRun: 2,
        childrenEnrolled: { primary: 20, college: 0, lycee: 0 },
        arrivals: 0,
        departures: 0,
        sessionsHeld: 112,
        minutesHeld: 10_080,
        weeksOfActivity: WEEKS,
        attendance: { present: 1_064, expected: 1_120 },
        parentsReached: 24,
      },
      qualitative: { summary: 'Une année autour de la lecture', objectives: [{ code: 'P2', assessment: 'quatre goûters' }] },
      financial: {
        actualTotalCost: 1_700_000,
        coFunders: [{ name: 'Ville de Carcassonne', kind: 'commune', amount: 600_000 }],
        cafAmountsReceived: 300_000,
        otherCafFunding: 0,
      },
    };
    await post('/projects/prj-1/bilans', actors.operator, bilan).expect(201);
    on('2027-07-15', '10:00');
    await post('/projects/prj-1/bilans/validation', actors.agent, { bilanId: 'bilan-1' }).expect(201);
  }, 120_000);

  afterAll(() => api.close());

  it('R-PS-ACTUAL, R-PS-WEEK: the actual PS counts both collectifs (28 weeks of activity each), on the actual cost', async () => {
    on('2027-07-16', '10:00');
    const ps = await get('/projects/prj-1/ps').expect(200);
    // 17 000 € / 2 = 8 500 € per collectif (under the 8 652 € cap) × 32.5 % = 2 762,50 € → 5 525,00 €.
    expect(ps.body).toMatchObject({ basis: 'actual', payable: 552_500, paid: 300_000, due: 252_500 });
  });

  it('R-PS-PAYMENTS: the balance is paid after the validated bilan, and nothing more is due', async () => {
    on('2027-07-20', '10:00');
    // R-AGREEMENT-ANNUAL: the operator has no multi-year convention: it signs the annual agreement first.
    const letters = await get('/projects/prj-1/letters').expect(200);
    await post('/projects/prj-1/agreement/signature', actors.operator, agreementSignatureData(letters.body)).expect(201);
    await post('/projects/prj-1/payments/balance', actors.agent, { paymentId: 'bal-1', amount: 252_500 }).expect(201);
    const ps = await get('/projects/prj-1/ps').expect(200);
    expect(ps.body).toMatchObject({ payable: 552_500, paid: 552_500, due: 0 });
    const before = await get('/projects/prj-1/ps?knownAt=2027-07-19').expect(200);
    expect(before.body).toMatchObject({ paid: 300_000, due: 252_500 });
  });

  it('R-BILAN-2: the project bilan computes weeks, sessions, hours and attendance from the events', async () => {
    const bilan = await get('/projects/prj-1/bilan').expect(200);
    const q = bilan.body.quantitative;
    expect(
      q.collectifs.map((c: { collectifId: string; weeksOfActivity: { value: number }; compliant: boolean }) => [
        c.collectifId,
        c.weeksOfActivity.value,
        c.compliant,
      ]),
    ).toEqual([
      ['col-1', WEEKS, true],
      ['col-2', WEEKS, true],
    ]);
    expect(q.sessions.held.value).toBe(2 * 2 * WEEKS);
    expect(q.attendance).toMatchObject({ present: 1_064, absent: 56 });
  });

  it('R-ELIG-*: eligible on planned and on actual facts', async () => {
    const eligibility = await get('/projects/prj-1/eligibility').expect(200);
    expect(eligibility.body.status).toBe('approved');
    expect(eligibility.body.planned.verdict).toBe('eligible');
    expect(eligibility.body.actual.verdict).toBe('eligible');
  });

  it('R-BILAN-4: the departmental bilan and its CSV count the season', async () => {
    const dept = await get('/cafs/11/bilans/2026-2027', actors.dashboard).expect(200);
    expect(dept.body.bilan.totals).toMatchObject({
      operators: 1,
      projects: 1,
      collectifs: 2,
      compliantCollectifs: 2,
      children: 20,
      sessions: 2 * 2 * WEEKS,
      hours: '168.00',
      attendance: { present: 1_064, marked: 1_120, percent: '95.0' },
      parentActions: 5,
      parentsReached: 30,
      psForecast: 562_380,
    });
    const csv = await get('/cafs/11/bilans/2026-2027?format=csv', actors.dashboard).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('Carcassonne');
  });

  it('the audit history lists every event of the project streams with its actor and role', async () => {
    const history = await get('/projects/prj-1/history', actors.auditor).expect(200);
    const events = history.body.events as Array<{ type: string; actor: string; role: string; occurredAt: string; recordedAt: string }>;
    expect(events.filter((e) => e.type === 'SessionHeld')).toHaveLength(2 * 2 * WEEKS);
    expect(events.filter((e) => e.type === 'AttendanceRecorded')).toHaveLength(2 * 2 * WEEKS);
    expect(events.find((e) => e.type === 'CommitteeDecisionRecorded')).toMatchObject({ actor: actors.committee.id, role: 'committee' });
    expect(events.find((e) => e.type === 'BalancePaid')).toMatchObject({ actor: actors.agent.id, role: 'caf_agent' });
    // Each fact was typed in on the day the story reached it: the store's clock, not the caller, set recordedAt.
    const session = events.find((e) => e.type === 'SessionHeld')!;
    expect(session.recordedAt).toBe(paris('2026-11-03', '19:00'));
  });
});
