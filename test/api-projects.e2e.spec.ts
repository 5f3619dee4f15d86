import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor } from '@clas/application';
import {
  type ApplicationContent,
  type BonusEnfantsRequest,
  type BonusParentsRequest,
  PARAMETER_SETS,
  endOfParisDay,
  localDate,
  parisInstant,
  schoolYear,
} from '@clas/domain';
import { frenchTypeset } from '@clas/domain/testing';
import { actors, content } from '@clas/application/testing';
import { FakeClock } from '@clas/event-store/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { agreementSignatureData, bilanData } from './support/project-requests.js';

/**
 * Issue 6, the project aggregate through HTTP over the real bus, queries and a SQLite store:
 * validation, R-LIFE-1, the decision and its correction, the whole lifecycle, and the worked
 * examples of domain.md §9 asked back through GET /projects/:id/ps. Each scenario runs on its
 * own API whose clock is also the store's, so `recordedAt` follows the story (the clock only
 * moves forward) and `knownAt` can be asked between two recordings.
 */
const paris = (date: string, time = '10:00') => parisInstant(localDate(date), time);
const landesAgent: Actor = actors.agentElsewhere; // caf_agent of Caf 40
const landesCommittee: Actor = { id: 'committee-40', role: 'committee', caf: '40', operatorId: null };
const landesOperator: Actor = { id: 'user-op-l', role: 'operator', caf: null, operatorId: 'op-l' };

interface Scenario {
  api: ApiHarness;
  /** Moves the API's and the store's clock to that Paris time (never backwards). */
  on(date: string, time?: string): void;
  /** POST `data` as the actor, with a fresh commandId; occurredAt defaults to the clock's now. */
  post(path: string, actor: Actor, data?: object, envelope?: Record<string, unknown>): request.Test;
  get(path: string, actor?: Actor): request.Test;
}

const opened: ApiHarness[] = [];
afterEach(async () => {
  for (const api of opened.splice(0)) await api.close();
});

async function scenario(start = '2026-03-01'): Promise<Scenario> {
  const clock = new FakeClock(paris(start));
  const api = await startApi({ clock });
  opened.push(api);
  return {
    api,
    on: (date, time = '10:00') => {
      const next = paris(date, time);
      if (Date.parse(next) < clock.now().getTime()) throw new Error(`the scenario clock cannot go back to ${next}`);
      clock.set(next);
    },
    post: (path, actor, data, envelope = {}) =>
      request(api.http)
        .post(path)
        .set('Authorization', api.bearer(actor))
        .send({ commandId: randomUUID(), ...(data === undefined ? {} : { data }), ...envelope }),
    get: (path, actor = actors.agent) => request(api.http).get(path).set('Authorization', api.bearer(actor)),
  };
}

/** The committee met at noon on `date` and examined `projectId` (the scenario's clock is already later that day). */
async function holdMeeting(
  s: Scenario,
  projectId: string,
  date: string,
  committee: Actor = actors.committee,
  cafCode = '11',
  year = '2026-2027',
) {
  await s
    .post(`/committees/${cafCode}/${year}/meetings/cttee-${date}/held`, committee, {
      date,
      members: [{ institution: 'caf' }, { institution: 'dsden' }],
      agenda: [projectId],
    })
    .expect(201);
}

/** Opens the campaign with the seed's parameter set (`@clas/domain` PARAMETER_SETS) and registers the operator, through HTTP. */
async function openCampaign(s: Scenario, key: '11-2026-2027' | '40-2025-2026', agent: Actor, operatorId: string): Promise<void> {
  const parameters = PARAMETER_SETS[key];
  await s.post('/campaigns', agent, { parameters }).expect(201);
  await s
    .post('/operators', agent, { operatorId, cafCode: parameters.cafCode, name: `Association ${operatorId}`, kind: 'association' })
    .expect(201);
}

/** The request body of an application: content of the fixtures (Aude, 2 urban collectifs, 18 000 €) with the test's changes. */
const ref = (operatorId = 'op-1', cafCode = '11', year = '2026-2027') => ({ operatorId, cafCode, schoolYear: year });
const application = (changes: Partial<ApplicationContent> = {}, r = ref()) => ({
  ...r,
  applicationKind: 'new',
  content: { ...content(), ...changes },
});
const approval = (
  approvedCollectifs: number,
  forecastOperatingCost: number,
  bonusesGranted: object = { enfants: null, parents: null },
  refs?: string[],
) => ({
  outcome: 'approved',
  approvedCollectifs,
  ...(refs ? { approvedCollectifRefs: refs } : {}),
  bonusesGranted,
  forecastOperatingCost,
});
/** R-COMMITTEE-MEETING: each scenario's committee meets once on the decision day (holdMeeting), its meeting named by that day. */
const decision = (decisionId: string, date: string, terms: object) => ({
  decisionId,
  meetingId: `cttee-${date}`,
  effectiveDate: date,
  decision: terms,
});

const BONUS_ENFANTS: BonusEnfantsRequest = {
  filRouge: 'Raconte ta ville',
  criteria: ['paid_external_speakers'],
  justification: 'une conteuse, 6 séances',
};
const BONUS_PARENTS: BonusParentsRequest = {
  supportProject: 'Rencontres mensuelles avec les familles',
  criteria: ['specific_parent_actions'],
  justification: 'ateliers numériques',
};

describe('project command endpoints (issue 6)', () => {
  it('400 naming the field for malformed content, at the edge and from the domain; nothing is appended', async () => {
    const s = await scenario('2026-06-01');
    await openCampaign(s, '11-2026-2027', actors.agent, 'op-1');
    const head = await s.api.store.headPosition();
    const badBudget = { ...content().budget, totalOperatingCost: -1_800_000 };

    const full = await s.post('/projects/prj-1/application', actors.operator, application({ budget: badBudget })).expect(400);
    expect(full.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'the request is invalid',
      errors: [{ field: 'data.content.budget.totalOperatingCost', message: 'must be an integer ≥ 0 (cents)' }],
    });
    // The short renewal carries the budget at the top of its data.
    const short = await s
      .post('/projects/prj-2/short-renewal', actors.operator, {
        ...ref(),
        previousProjectId: 'prj-0',
        collectifs: content().collectifs,
        budget: badBudget,
        plannedPeriod: content().plannedPeriod,
      })
      .expect(400);
    expect(short.body.errors).toEqual([{ field: 'data.budget.totalOperatingCost', message: 'must be an integer ≥ 0 (cents)' }]);

    // Deep paths, lists, the projectId that belongs in the path, and the decision's union on `outcome`.
    const collectifs = content().collectifs.map((c, i) => (i === 1 ? { ...c, plannedChildren: 0 } : c));
    const deep = await s.post('/projects/prj-1/application', actors.operator, application({ collectifs })).expect(400);
    expect(deep.body.errors).toEqual([
      { field: 'data.content.collectifs[1].plannedChildren', message: 'must be an integer between 1 and 100' },
    ]);
    const inBody = await s.post('/projects/prj-1/application', actors.operator, { ...application(), projectId: 'prj-1' }).expect(400);
    expect(inBody.body.errors).toEqual([{ field: 'data.projectId', message: 'is not an accepted field' }]);
    const mixed = await s
      .post('/projects/prj-1/decision', actors.committee, decision('dec-1', '2026-10-05', { ...approval(2, 1_800_000), reasons: [] }))
      .expect(400);
    expect(mixed.body.errors).toEqual([{ field: 'data.decision.reasons', message: 'is not an accepted field' }]);
    const outcome = await s
      .post('/projects/prj-1/decision', actors.committee, decision('dec-1', '2026-10-05', { outcome: 'postponed' }))
      .expect(400);
    expect(outcome.body.errors).toEqual([{ field: 'data.decision.outcome', message: 'must be one of approved, refused' }]);

    // What only the domain knows to check comes back as a 400 too, with its path under data.
    const objectives = [...content().objectives, content().objectives[0]];
    const duplicate = await s.post('/projects/prj-1/application', actors.operator, application({ objectives })).expect(400);
    expect(duplicate.body.errors).toEqual([{ field: 'data.content.objectives.code', message: 'duplicate E1' }]);
    const zero = await s
      .post('/projects/prj-1/application', actors.operator, application({ budget: { ...badBudget, totalOperatingCost: 0 } }))
      .expect(400);
    expect(zero.body.errors).toEqual([{ field: 'data.content.budget.totalOperatingCost', message: 'must be at least 1 cents' }]);

    expect(await s.api.store.headPosition()).toBe(head);
  });

  it('R-LIFE-1: a filing after the deadline (last receivable day, Europe/Paris) is a 422 and writes nothing; the Caf records it as not receivable', async () => {
    const s = await scenario('2026-04-01');
    await openCampaign(s, '11-2026-2027', actors.agent, 'op-1');

    // Aude 2026-2027: « avant le 6 août », so the 5th is the last receivable day. Received at 23:30 in Paris that day it is in time,
    // at 00:30 the next day it is not (R-LIFE-RECEIPT: the Caf's clock judges, not the occurredAt the filer sends).
    s.on('2026-08-05', '23:30');
    const inTime = await s.post('/projects/prj-in-time/application', actors.operator, application()).expect(201);
    expect(inTime.body).toMatchObject({ streamId: 'project-prj-in-time', streamVersion: 0, duplicate: false });
    s.on('2026-08-06', '00:30');
    await s
      .post('/projects', actors.operator, { projectId: 'prj-late', ...ref(), title: 'Clas tardif', schoolCycle: 'primary' })
      .expect(201);
    const late = await s.post('/projects/prj-late/application', actors.operator, application()).expect(422);
    expect(late.body).toMatchObject({
      statusCode: 422,
      code: 'FILED_AFTER_DEADLINE',
      ruleId: 'R-LIFE-1',
      details: { filedOn: '2026-08-06', deadline: '2026-08-05', kind: 'new application' },
    });
    // Received on 2026-08-10, whether it says nothing (occurredAt = now) or claims to have been filed before the deadline.
    s.on('2026-08-10');
    const now = await s.post('/projects/prj-late/application', actors.operator, application()).expect(422);
    expect(now.body).toMatchObject({ ruleId: 'R-LIFE-1', details: { filedOn: '2026-08-10' } });
    const backdated = await s
      .post('/projects/prj-late/application', actors.operator, application(), { occurredAt: '2026-08-05T21:30:00Z' })
      .expect(422);
    expect(backdated.body).toMatchObject({ code: 'FILED_AFTER_DEADLINE', ruleId: 'R-LIFE-1', details: { filedOn: '2026-08-10' } });
    // The reception instant is the system's: a body cannot set it.
    const smuggled = await s
      .post('/projects/prj-late/application', actors.operator, application(), { receivedAt: '2026-08-05T10:00:00Z' })
      .expect(400);
    expect(smuggled.body.errors).toEqual([expect.objectContaining({ field: 'receivedAt' })]);
    expect((await s.api.store.readStream('project-prj-late')).map((e) => e.type)).toEqual(['ProjectDrafted']);

    // The Caf's trace of a late paper file, on a project never filed online.
    await s
      .post('/projects/prj-paper/not-receivable', actors.agent, {
        ...ref(),
        reason: 'filed_after_deadline',
        ruleId: 'R-LIFE-1',
        explanation: 'dossier papier reçu le 10 août',
      })
      .expect(201);
    const [declared] = await s.api.store.readStream('project-prj-paper');
    expect(declared).toMatchObject({
      type: 'ApplicationFoundNotReceivable',
      data: { projectId: 'prj-paper', operatorId: 'op-1', reason: 'filed_after_deadline', declaredOn: '2026-08-10' },
    });
    // Declared not receivable, the file is closed: no examination.
    const closed = await s.post('/projects/prj-paper/examination', actors.agent).expect(422);
    expect(closed.body).toMatchObject({ code: 'APPLICATION_CLOSED', ruleId: 'R-LIFE' });
  });

  it('a committee decision, then its correction: the forecast follows; a retried commandId is a 200 duplicate; a stale If-Match a 409', async () => {
    const s = await scenario('2026-04-01');
    await openCampaign(s, '11-2026-2027', actors.agent, 'op-1');
    s.on('2026-06-20');
    await s.post('/projects/prj-1/application', actors.operator, application()).expect(201);
    s.on('2026-09-01');
    const exam = await s.post('/projects/prj-1/examination', actors.agent, {}).expect(201);
    expect(exam.body.streamVersion).toBe(1);

    // The committee decides; a Caf agent may not (separation of duties: 403 at the edge).
    s.on('2026-10-05', '14:00');
    await holdMeeting(s, 'prj-1', '2026-10-05');
    await s.post('/projects/prj-1/decision', actors.agent, decision('dec-1', '2026-10-05', approval(2, 1_800_000))).expect(403);
    const body = { commandId: randomUUID(), data: decision('dec-1', '2026-10-05', approval(2, 1_800_000)) };
    const recorded = await request(s.api.http)
      .post('/projects/prj-1/decision')
      .set('Authorization', s.api.bearer(actors.committee))
      .send(body)
      .expect(201);
    const retried = await request(s.api.http)
      .post('/projects/prj-1/decision')
      .set('Authorization', s.api.bearer(actors.committee))
      .send(body)
      .expect(200);
    expect(retried.body).toEqual({ ...recorded.body, duplicate: true });
    const again = await s
      .post('/projects/prj-1/decision', actors.committee, decision('dec-2', '2026-10-05', approval(1, 900_000, undefined, ['c1'])))
      .expect(422);
    expect(again.body).toMatchObject({ code: 'DECISION_ALREADY_RECORDED', details: { decisionId: 'dec-1' } });

    const before = await s.get('/projects/prj-1/ps').expect(200);
    expect(before.body.forecast).toMatchObject({ approvedCollectifs: 2, capApplied: true, psPerCollectif: 281_190, ps: 562_380 });

    // The correction: the retained cost was 16 000 €, 8 000 € per collectif, under the cap.
    s.on('2026-10-20');
    await s
      .post(
        '/projects/prj-1/decision/corrections',
        actors.committee,
        { decisionId: 'dec-1', reason: 'coût retenu mal saisi', changes: { forecastOperatingCost: 1_600_000 } },
        { expectedVersion: 1 },
      )
      .expect(409)
      .expect((res) => expect(res.body).toMatchObject({ code: 'CONCURRENCY_CONFLICT', currentVersion: 2 }));
    const corrected = await s
      .post('/projects/prj-1/decision/corrections', actors.committee, {
        decisionId: 'dec-1',
        reason: 'coût retenu mal saisi',
        changes: { forecastOperatingCost: 1_600_000 },
      })
      .set('If-Match', '2')
      .expect(201);
    expect(corrected.body.streamVersion).toBe(3);
    const [event] = (await s.api.store.readStream('project-prj-1')).slice(-1);
    expect(event).toMatchObject({
      type: 'CommitteeDecisionCorrected',
      occurredAt: paris('2026-10-05', '14:00'),
      recordedAt: paris('2026-10-20'),
      data: {
        decisionId: 'dec-1',
        correctedOn: '2026-10-20',
        correctedFields: ['forecastOperatingCost'],
        corrected: { approvedCollectifs: 2, forecastOperatingCost: 1_600_000 },
      },
      metadata: { actor: 'committee-11', role: 'committee' },
    });
    const after = await s.get('/projects/prj-1/ps').expect(200);
    expect(after.body.forecast).toMatchObject({ approvedCollectifs: 2, capApplied: false, psPerCollectif: 260_000, ps: 520_000 });
    expect(after.body.payable).toBe(520_000);

    // A correction that changes nothing, or of an unknown decision: 400 naming the field (R-INPUT).
    const nothing = await s
      .post('/projects/prj-1/decision/corrections', actors.committee, {
        decisionId: 'dec-1',
        reason: 'r',
        changes: { forecastOperatingCost: 1_600_000 },
      })
      .expect(400);
    expect(nothing.body.errors).toEqual([{ field: 'data.changes', message: 'changes nothing in the decision' }]);
    const unknown = await s
      .post('/projects/prj-1/decision/corrections', actors.committee, {
        decisionId: 'dec-9',
        reason: 'r',
        changes: { approvedCollectifs: 1 },
      })
      .expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'data.decisionId', message: 'is not the decision of this project' }]);
  });

  it('a refusal: recorded with its reasons, it closes the project (no payment, no correction)', async () => {
    const s = await scenario('2026-04-01');
    await openCampaign(s, '11-2026-2027', actors.agent, 'op-1');
    s.on('2026-06-20');
    await s.post('/projects/prj-r/application', actors.operator, application()).expect(201);
    s.on('2026-09-01');
    await s.post('/projects/prj-r/examination', actors.agent).expect(201);
    s.on('2026-10-05', '14:00');
    await holdMeeting(s, 'prj-r', '2026-10-05');
    await s
      .post(
        '/projects/prj-r/decision',
        actors.committee,
        decision('dec-r', '2026-10-05', {
          outcome: 'refused',
          reasons: [{ code: 'COFUNDING', ruleId: 'R-ELIG-COFUNDING', text: 'cofinancement insuffisant' }],
        }),
      )
      .expect(201);
    const ps = await s.get('/projects/prj-r/ps').expect(200);
    expect(ps.body).toMatchObject({ notApplicable: 'the committee refused the project', payable: 0 });
    await s
      .post('/projects/prj-r/payments/advance', actors.agent, { paymentId: 'adv-1', amount: 100_000 })
      .expect(422)
      .expect((res) => expect(res.body.code).toBe('PAYMENT_ON_REFUSED_PROJECT'));
    await s
      .post('/projects/prj-r/decision/corrections', actors.committee, {
        decisionId: 'dec-r',
        reason: 'r',
        changes: { approvedCollectifs: 1 },
      })
      .expect(422)
      .expect((res) => expect(res.body.code).toBe('REFUSAL_NOT_CORRECTABLE'));
  });

  it('the lifecycle through every other route: actions, bilan returned then validated, advance, balance, recovery; a withdrawal; a short renewal next year', async () => {
    const s = await scenario('2026-04-01');
    await openCampaign(s, '11-2026-2027', actors.agent, 'op-1');
    s.on('2026-06-15');
    const drafted = await s
      .post('/projects', actors.operator, { projectId: 'prj-life', ...ref(), title: 'Clas Jean-Jaurès', schoolCycle: 'primary' })
      .expect(201);
    expect(drafted.body).toMatchObject({ streamId: 'project-prj-life', streamVersion: 0 });
    // R-LIFE-3: the drafted cycle holds.
    const cycle = await s
      .post(
        '/projects/prj-life/application',
        actors.operator,
        application({ schoolCycle: 'secondary', collectifs: content().collectifs.map((c) => ({ ...c, level: 'college' as const })) }),
      )
      .expect(422);
    expect(cycle.body).toMatchObject({ code: 'PROJECT_CYCLE_MISMATCH', ruleId: 'R-LIFE-3' });
    s.on('2026-06-20');
    await s.post('/projects/prj-life/application', actors.operator, application()).expect(201);
    // A withdrawal, before the examination.
    s.on('2026-07-01');
    await s.post('/projects/prj-wd/application', actors.operator, application()).expect(201);
    await s.post('/projects/prj-wd/withdrawal', actors.operator, { reason: 'local indisponible' }).expect(201);
    await s
      .post('/projects/prj-wd/examination', actors.agent)
      .expect(422)
      .expect((res) => expect(res.body.code).toBe('APPLICATION_CLOSED'));
    s.on('2026-09-01');
    await s.post('/projects/prj-life/examination', actors.agent).expect(201);
    s.on('2026-10-01');
    await s
      .post('/projects/prj-life/school-concertations', actors.operator, {
        concertationId: 'sc-1',
        objective: 'S3',
        moment: 'before_start',
        date: '2026-10-01',
        schools: ['École Jean-Jaurès'],
      })
      .expect(201);
    s.on('2026-10-05', '14:00');
    await holdMeeting(s, 'prj-life', '2026-10-05');
    await s.post('/projects/prj-life/decision', actors.committee, decision('dec-life', '2026-10-05', approval(2, 1_800_000))).expect(201);
    s.on('2026-10-20');
    await s.post('/projects/prj-life/payments/advance', actors.agent, { paymentId: 'adv-1', amount: 300_000 }).expect(201);
    s.on('2026-11-05');
    await s
      .post('/projects/prj-life/partner-relations', actors.operator, {
        relationId: 'pr-1',
        partnerName: 'Médiathèque Grain d’sel',
        partnerKind: 'library',
        date: '2026-11-05',
        description: 'prêt de salle',
      })
      .expect(201);
    s.on('2026-11-20');
    await s
      .post('/projects/prj-life/parent-actions', actors.operator, {
        actionId: 'pa-1',
        objective: 'P1',
        date: '2026-11-20',
        parentsReached: 9,
        description: 'réunion d’information',
      })
      .expect(201);
    // An action cannot be dated after it is reported.
    const future = await s
      .post('/projects/prj-life/parent-actions', actors.operator, {
        actionId: 'pa-2',
        objective: 'P2',
        date: '2026-12-01',
        parentsReached: 3,
        description: 'goûter',
      })
      .expect(400);
    expect(future.body.errors).toEqual([{ field: 'data.date', message: 'an action cannot be dated after it is reported' }]);
    // The balance waits for the validated bilan.
    await s
      .post('/projects/prj-life/payments/balance', actors.agent, { paymentId: 'bal-0', amount: 1 })
      .expect(422)
      .expect((res) => expect(res.body.code).toBe('BALANCE_BEFORE_VALIDATED_BILAN'));

    s.on('2027-07-01');
    await s.post('/projects/prj-life/bilans', actors.operator, bilanData('bilan-1', 1_750_000)).expect(201);
    s.on('2027-07-05');
    await s
      .post('/projects/prj-life/bilans/return', actors.agent, {
        bilanId: 'bilan-1',
        reasons: ['le coût réel ne correspond pas au compte de résultat'],
      })
      .expect(201);
    s.on('2027-07-10');
    const sameId = await s.post('/projects/prj-life/bilans', actors.operator, bilanData('bilan-1', 1_700_000)).expect(400);
    expect(sameId.body.errors).toEqual([{ field: 'data.bilanId', message: 'a corrected bilan is filed under a new id' }]);
    await s.post('/projects/prj-life/bilans', actors.operator, bilanData('bilan-2', 1_700_000)).expect(201);
    s.on('2027-07-15');
    await s.post('/projects/prj-life/bilans/validation', actors.agent, { bilanId: 'bilan-2' }).expect(201);
    s.on('2027-07-20');
    // R-AGREEMENT-ANNUAL: no multi-year convention, so the balance waits for the signed annual agreement.
    await s
      .post('/projects/prj-life/payments/balance', actors.agent, { paymentId: 'bal-1', amount: 200_000 })
      .expect(422)
      .expect((res) => expect(res.body).toMatchObject({ code: 'NO_SIGNED_AGREEMENT', ruleId: 'R-AGREEMENT-ANNUAL' }));
    const letters = await s.get('/projects/prj-life/letters').expect(200);
    await s.post('/projects/prj-life/agreement/signature', actors.operator, agreementSignatureData(letters.body)).expect(201);
    await s.post('/projects/prj-life/payments/balance', actors.agent, { paymentId: 'bal-1', amount: 200_000 }).expect(201);
    s.on('2027-07-25');
    const tooMuch = await s
      .post('/projects/prj-life/payments/recovery', actors.agent, { recoveryId: 'rec-1', amount: 500_001, reason: 'trop-perçu' })
      .expect(422);
    expect(tooMuch.body).toMatchObject({ code: 'RECOVERY_EXCEEDS_PAYMENTS', ruleId: 'R-PS-PAYMENTS', details: { netPaid: 500_000 } });
    await s
      .post('/projects/prj-life/payments/recovery', actors.agent, { recoveryId: 'rec-1', amount: 50_000, reason: 'trop-perçu' })
      .expect(201);

    const history = await s.get('/projects/prj-life/history').expect(200);
    expect(history.body.events.map((e: { type: string; role: string }) => [e.type, e.role])).toEqual([
      ['ProjectDrafted', 'operator'],
      ['ApplicationFiled', 'operator'],
      ['ExaminationOpened', 'caf_agent'],
      ['SchoolConcertationHeld', 'operator'],
      ['CommitteeDecisionRecorded', 'committee'],
      ['AdvancePaid', 'caf_agent'],
      ['PartnerRelationRecorded', 'operator'],
      ['ParentActionHeld', 'operator'],
      ['BilanFiled', 'operator'],
      ['BilanReturnedForCorrection', 'caf_agent'],
      ['BilanFiled', 'operator'],
      ['BilanValidated', 'caf_agent'],
      ['AnnualAgreementSigned', 'operator'],
      ['BalancePaid', 'caf_agent'],
      ['RecoveryIssued', 'caf_agent'],
    ]);
    const ps = await s.get('/projects/prj-life/ps').expect(200);
    expect(ps.body).toMatchObject({ basis: 'actual', bilan: { bilanId: 'bilan-2', status: 'validated' }, paid: 450_000 });

    // Next year, R-LIFE-4: the renewal letter of the approved project, at the same places.
    const next = {
      ...PARAMETER_SETS['11-2026-2027'],
      schoolYear: schoolYear('2027-2028'),
      deadlines: { newApplication: localDate('2028-08-06'), renewal: localDate('2028-06-29') },
    };
    await s.post('/campaigns', actors.agent, { parameters: next }).expect(201);
    const renewal = {
      ...ref('op-1', '11', '2027-2028'),
      previousProjectId: 'prj-life',
      collectifs: content().collectifs.slice(0, 1),
      budget: content().budget,
      plannedPeriod: { from: '2027-11-02', to: '2028-06-15' },
    };
    await s.post('/projects/prj-life-2/short-renewal', actors.operator, renewal).expect(201);
    const [filed] = await s.api.store.readStream('project-prj-life-2');
    expect(filed.data).toMatchObject({
      applicationKind: 'renewal',
      renewalOf: {
        previousProjectId: 'prj-life',
        previousSchoolYear: '2026-2027',
        short: true,
        changedFields: ['collectifs', 'plannedPeriod'],
      },
      content: { title: 'Clas Jean-Jaurès', plannedWeeks: 28 },
      deadline: '2028-06-29',
    });
    const moved = { ...renewal, collectifs: [{ ...content().collectifs[0], place: { name: 'Salle des fêtes', commune: 'Trèbes' } }] };
    const notIdentical = await s.post('/projects/prj-life-3/short-renewal', actors.operator, moved).expect(422);
    expect(notIdentical.body).toMatchObject({ code: 'SHORT_RENEWAL_NOT_IDENTICAL', ruleId: 'R-LIFE-4' });
  });

  it('documents every project command with its body, its success and every error shape', async () => {
    const s = await scenario();
    const doc = (await s.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    const routes: Array<[string, string]> = [
      ['/projects', 'DraftProject'],
      ['/projects/{projectId}/application', 'FileApplication'],
      ['/projects/{projectId}/short-renewal', 'FileShortRenewal'],
      ['/projects/{projectId}/not-receivable', 'DeclareNotReceivable'],
      ['/projects/{projectId}/withdrawal', 'WithdrawApplication'],
      ['/projects/{projectId}/examination', 'OpenExamination'],
      ['/projects/{projectId}/decision', 'RecordCommitteeDecision'],
      ['/projects/{projectId}/decision/corrections', 'CorrectCommitteeDecision'],
      ['/projects/{projectId}/parent-actions', 'RecordParentAction'],
      ['/projects/{projectId}/school-concertations', 'RecordSchoolConcertation'],
      ['/projects/{projectId}/partner-relations', 'RecordPartnerRelation'],
      ['/projects/{projectId}/bilans', 'FileBilan'],
      ['/projects/{projectId}/bilans/validation', 'ValidateBilan'],
      ['/projects/{projectId}/bilans/return', 'ReturnBilanForCorrection'],
      ['/projects/{projectId}/payments/advance', 'PayAdvance'],
      ['/projects/{projectId}/payments/balance', 'PayBalance'],
      ['/projects/{projectId}/payments/recovery', 'IssueRecovery'],
      ['/projects/{projectId}/notifications', 'RecordNotificationSent'],
      ['/projects/{projectId}/agreement/signature', 'RecordAgreementSigned'],
    ];
    for (const [path, command] of routes) {
      const op = doc.paths[path]?.post;
      expect({ path, operationId: op?.operationId, responses: Object.keys(op?.responses ?? {}).sort() }).toEqual({
        path,
        operationId: command,
        responses: ['200', '201', '400', '401', '403', '404', '409', '413', '415', '422', '429', '500'],
      });
    }
    // The query routes of the same prefix are still there.
    for (const query of ['eligibility', 'ps', 'bilan', 'history', 'letters', 'letters/{letterId}', 'agreement'])
      expect(doc.paths[`/projects/{projectId}/${query}`]?.get).toBeDefined();
  });
});

describe('domain.md §9 worked examples through HTTP (issue 6)', () => {
  it('example 1 — Aude 2026-2027, urban, 2 collectifs, 18 000 €, bonus enfants on both: forecast 6 293,80 €', async () => {
    const s = await scenario('2026-04-01');
    await openCampaign(s, '11-2026-2027', actors.agent, 'op-1');
    s.on('2026-06-15');
    await s
      .post('/projects', actors.operator, { projectId: 'prj-ex1', ...ref(), title: 'Clas Jean-Jaurès', schoolCycle: 'primary' })
      .expect(201);
    await s
      .post('/projects/prj-ex1/application', actors.operator, application({ bonusRequests: { enfants: BONUS_ENFANTS, parents: null } }))
      .expect(201);
    s.on('2026-09-01');
    await s.post('/projects/prj-ex1/examination', actors.agent).expect(201);
    s.on('2026-10-05', '14:00');
    await holdMeeting(s, 'prj-ex1', '2026-10-05');
    await s
      .post(
        '/projects/prj-ex1/decision',
        actors.committee,
        decision('dec-ex1', '2026-10-05', approval(2, 1_800_000, { enfants: { collectifs: 2 }, parents: null })),
      )
      .expect(201);

    s.on('2026-10-20');
    const ps = await s.get('/projects/prj-ex1/ps').expect(200);
    expect(ps.body).toMatchObject({ basis: 'forecast', payable: 629_380, paid: 0, due: 629_380 });
    expect(ps.body.forecast).toMatchObject({
      approvedCollectifs: 2,
      costPerCollectif: { numerator: 1_800_000, denominator: 2 },
      capApplied: true,
      psPerCollectif: 281_190,
      ps: 562_380,
      bonuses: { enfants: { amount: 67_000 }, parents: { amount: 0 }, total: 67_000 },
      reduction80: { ceiling: 1_440_000, reduction: 0 },
      payable: 629_380,
      parameters: { cafCode: '11', schoolYear: '2026-2027', priceCapPerCollectif: 865_200, maxPsPerCollectif: 281_190 },
    });
    // R-PS-EXPLAIN: the French summary is the forecast's, rendered from its explanation.
    expect(ps.body.summary).toBe(
      frenchTypeset(
        'PS = 2 × 2 811,90 € (32,5 % du prix plafond de 8 652 €) = 5 623,80 € ; bonus enfants 2 × 335 € ; ' +
          'pas de réduction au titre des 80 % ; montant prévisionnel 6 293,80 € ; aucun versement au 20/10/2026, reste à verser 6 293,80 €',
      ),
    );
    expect(ps.body.forecast.summary).toBe(ps.body.summary);
    const eligibility = await s.get('/projects/prj-ex1/eligibility').expect(200);
    // R-ELIG: the planned evaluation in words (the operator's declarations and the charter facts are not recorded in this scenario).
    expect(eligibility.body.planned.summary).toBe(
      'Éligibilité sur le projet déposé : non éligible ; non remplis : pièces du gestionnaire (R-ELIG-OPERATOR) ; ' +
        'à établir : charte (R-ELIG-CHARTER), coordinateur (R-ELIG-COORD) ; 9 critères remplis sur 12',
    );
    expect(eligibility.body.summary).toBe(`${eligibility.body.planned.summary}. ${eligibility.body.actual.summary}`);
    // R-PS-EXPLAIN: the campaign event that set the parameters is named.
    const [campaignOpened] = await s.api.store.readStream('campaign-11-2026-2027');
    expect(ps.body.forecast.parameters.campaignEventIds).toEqual([campaignOpened.eventId]);
  });

  it('example 2 — Landes 2025-2026, rural, 1 collectif of 6, 3 000 €, other Caf 1 500 €, bonus parents: reduction 404,00 €, forecast 900,00 €', async () => {
    const s = await scenario('2025-03-01');
    await openCampaign(s, '40-2025-2026', landesAgent, 'op-l');
    s.on('2025-06-10');
    const landes = ref('op-l', '40', '2025-2026');
    await s
      .post('/projects', landesOperator, { projectId: 'prj-ex2', ...landes, title: 'Clas de Sabres', schoolCycle: 'primary' })
      .expect(201);
    const rural: Partial<ApplicationContent> = {
      title: 'Clas de Sabres',
      territory: { commune: 'Sabres', epci: 'CC Cœur Haute Lande', rural: true, qpv: false },
      collectifs: [
        {
          ref: 'c1',
          place: { name: 'École de Sabres', commune: 'Sabres' },
          level: 'primary',
          rural: true,
          disabilityNeeds: false,
          plannedChildren: 6,
        },
      ],
      schedule: [{ weekday: 'wednesday', start: '14:00', minutes: 120, kind: 'children' }],
      plannedPeriod: { from: localDate('2025-11-03'), to: localDate('2026-06-12') },
      budget: {
        totalOperatingCost: 300_000,
        coFunders: [{ name: 'Commune de Sabres', kind: 'commune', amount: 90_000 }],
        otherCafFunding: 150_000,
        familyFeePerChild: 0,
      },
      bonusRequests: { enfants: null, parents: BONUS_PARENTS },
    };
    await s.post('/projects/prj-ex2/application', landesOperator, application(rural, landes)).expect(201);
    s.on('2025-09-01');
    await s.post('/projects/prj-ex2/examination', landesAgent).expect(201);
    s.on('2025-10-06', '14:00');
    await holdMeeting(s, 'prj-ex2', '2025-10-06', landesCommittee, '40', '2025-2026');
    await s
      .post(
        '/projects/prj-ex2/decision',
        landesCommittee,
        decision('dec-ex2', '2025-10-06', approval(1, 300_000, { enfants: null, parents: { collectifs: 1 } })),
      )
      .expect(201);

    s.on('2025-10-10');
    const ps = await s.get('/projects/prj-ex2/ps?at=2025-10-10', landesAgent).expect(200);
    expect(ps.body).toMatchObject({ basis: 'forecast', payable: 90_000 });
    expect(ps.body.forecast).toMatchObject({
      capApplied: false,
      ps: 97_500,
      bonuses: { enfants: { amount: 0 }, parents: { amount: 32_900 }, total: 32_900 },
      reduction80: { beforeReduction: 130_400, ceiling: 90_000, reduction: 40_400 },
      payable: 90_000,
    });
    expect(ps.body.summary).toBe(
      frenchTypeset(
        'PS = 1 × 975,00 € (32,5 % du coût par collectif de 3 000 €) = 975,00 € ; bonus parents 1 × 329 € ; ' +
          "réduction de 404,00 € au titre des 80 % (plafond 80 % × 3 000 € − 1 500 € d'autres financements Caf = 900,00 €) ; " +
          'montant prévisionnel 900,00 € ; aucun versement au 10/10/2025, reste à verser 900,00 €',
      ),
    );
  });

  it('example 3 — decision recorded 2026-10-05 (2 collectifs), correction recorded 2026-11-10 (3, same decision date): at 2026-10-20, 2 as known then, 3 as known now', async () => {
    const s = await scenario('2026-04-01');
    await openCampaign(s, '11-2026-2027', actors.agent, 'op-1');
    s.on('2026-06-20');
    const threePlanned = [
      ...content().collectifs,
      {
        ref: 'c3',
        place: { name: 'Maison de quartier', commune: 'Carcassonne' },
        level: 'primary' as const,
        rural: false,
        disabilityNeeds: false,
        plannedChildren: 10,
      },
    ];
    const costs = { ...content().budget, totalOperatingCost: 3_000_000 };
    await s.post('/projects/prj-ex3/application', actors.operator, application({ collectifs: threePlanned, budget: costs })).expect(201);
    s.on('2026-09-01');
    await s.post('/projects/prj-ex3/examination', actors.agent).expect(201);
    s.on('2026-10-05', '14:00');
    await holdMeeting(s, 'prj-ex3', '2026-10-05');
    await s
      .post(
        '/projects/prj-ex3/decision',
        actors.committee,
        decision('dec-ex3', '2026-10-05', approval(2, 3_000_000, undefined, ['c1', 'c2'])),
      )
      .expect(201);
    s.on('2026-11-10', '09:00');
    await s
      .post('/projects/prj-ex3/decision/corrections', actors.committee, {
        decisionId: 'dec-ex3',
        reason: 'le comité a agréé 3 collectifs',
        changes: { approvedCollectifs: 3, approvedCollectifRefs: ['c1', 'c2', 'c3'] },
      })
      .expect(201);
    s.on('2026-11-22');

    const then = await s.get('/projects/prj-ex3/ps?at=2026-10-20&knownAt=2026-10-20').expect(200);
    expect(then.body.asOf).toEqual({ at: endOfParisDay(localDate('2026-10-20')), knownAt: endOfParisDay(localDate('2026-10-20')) });
    expect(then.body.forecast).toMatchObject({ approvedCollectifs: 2, ps: 562_380 });
    expect(then.body.forecast.collectifLines).toHaveLength(2);
    expect(then.body.summary).toMatch(new RegExp('^' + frenchTypeset('PS = 2 × 2 811,90 € .* = 5 623,80 € ;')));

    const now = await s.get('/projects/prj-ex3/ps?at=2026-10-20').expect(200);
    expect(now.body.asOf.knownAt).toBe(paris('2026-11-22'));
    expect(now.body.forecast).toMatchObject({ approvedCollectifs: 3, ps: 843_570 });
    expect(now.body.forecast.collectifLines).toHaveLength(3);
    expect(now.body.summary).toMatch(new RegExp('^' + frenchTypeset('PS = 3 × 2 811,90 € .* = 8 435,70 € ;')));

    // Before the decision date nothing is approved, whatever is known; the audit shows both recordings.
    const before = await s.get('/projects/prj-ex3/ps?at=2026-10-04').expect(200);
    expect(before.body).toMatchObject({
      notApplicable: 'no committee decision at this date',
      forecast: null,
      summary: 'PS non calculée : aucune décision du comité à cette date',
    });
    const history = await s.get('/projects/prj-ex3/history').expect(200);
    const last = history.body.events
      .slice(-2)
      .map((e: { type: string; occurredAt: string; recordedAt: string }) => [e.type, e.occurredAt, e.recordedAt]);
    expect(last).toEqual([
      ['CommitteeDecisionRecorded', paris('2026-10-05', '14:00'), paris('2026-10-05', '14:00')],
      ['CommitteeDecisionCorrected', paris('2026-10-05', '14:00'), paris('2026-11-10', '09:00')],
    ]);
  });
});
