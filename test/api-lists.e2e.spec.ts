import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Actor, ClasCommand, CommandBus } from '@clas/application';
import { actors, audeParameters, commands, content, nextCommandId, paris } from '@clas/application/testing';
import { localDate, schoolYear } from '@clas/domain';
import { COMMAND_BUS } from '../apps/api/src/tokens.js';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { seedSeason } from './support/season.seed.js';

/**
 * Issue 13: lists and worklists from the read-model tables, projected in the API's own process
 * (CLAS_PROJECTOR=embedded, the default). Beside the Aude season (op-1's prj-1, approved, with
 * col-1), op-2 files prj-2: an operator lists only its own, dashboards get no project-level
 * list, a bad parameter is a 400 naming it, and the links of the items resolve.
 */
describe('lists and worklists (issue 13)', () => {
  let api: ApiHarness;
  let head: number;
  const get = (path: string, actor: Actor = actors.agent) => request(api.http).get(path).set('Authorization', api.bearer(actor));
  /** Reads after the read model applied every event written so far. */
  const fresh = (path: string, actor: Actor = actors.agent) => get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`, actor);

  beforeAll(async () => {
    api = await startApi();
    await seedSeason(api, [[commands.fileApplication('prj-2', undefined, { operatorId: 'op-2' }), actors.otherOperator]]);
    head = await api.store.headPosition();
  }, 60_000);
  afterAll(() => api.close());

  it('a page waits for minPosition and says the position it reflects; the agent of the Caf lists both projects', async () => {
    const res = await fresh('/projects').expect(200);
    expect(res.body).toMatchObject({ position: head, minPositionReached: true, nextCursor: null });
    expect(typeof res.body.asOf).toBe('string');
    expect(res.body.items.map((i: { projectId: string }) => i.projectId)).toEqual(['prj-1', 'prj-2']);
    // A position the log has not reached: the page comes after the bounded wait, saying so.
    const ahead = await get(`/projects?minPosition=${head + 1000}`).expect(200);
    expect(ahead.body).toMatchObject({ position: head, minPositionReached: false });
  });

  it('an operator lists only its own projects, even when it filters on another operator', async () => {
    const own = await fresh('/projects', actors.operator).expect(200);
    expect(own.body.items.map((i: { projectId: string }) => i.projectId)).toEqual(['prj-1']);
    const other = await fresh('/projects?operatorId=op-2', actors.operator).expect(200);
    expect(other.body.items).toEqual([]);
    const operators = await fresh('/operators', actors.otherOperator).expect(200);
    expect(operators.body.items.map((i: { operatorId: string }) => i.operatorId)).toEqual(['op-2']);
    await get('/operators/op-1', actors.otherOperator).expect(403);
    await get('/collectifs/col-1', actors.otherOperator).expect(403);
  });

  it('dashboards read aggregates only: 403 on project lists and worklists, campaigns and operators allowed', async () => {
    await get('/projects', actors.dashboard).expect(403);
    await get('/conventions', actors.dashboard).expect(403);
    await get('/worklists/bilans-due', actors.dashboard).expect(403);
    await get('/projects/prj-1/collectifs', actors.dashboard).expect(403);
    const campaigns = await fresh('/campaigns', actors.dashboard).expect(200);
    expect(campaigns.body.items).toEqual([expect.objectContaining({ cafCode: '11', schoolYear: '2026-2027', status: 'open' })]);
    await fresh('/operators', actors.dashboard).expect(200);
  });

  it('a bad filter is a 400 naming the parameter: unknown status, malformed cursor, limit over 200, a cursor of another sort', async () => {
    const field = async (path: string, name: string) => {
      const res = await get(path).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([name]);
    };
    await field('/projects?status=sleeping', 'status');
    await field('/projects?cursor=%7Bnot-a-cursor', 'cursor');
    await field('/projects?limit=201', 'limit');
    await field('/projects?rural=maybe', 'rural');
    await field('/campaigns?status=closed', 'status');
    await field('/worklists/nothing-to-do', 'name');
    const page = await fresh('/projects?limit=1&sort=title').expect(200);
    expect(page.body.nextCursor).not.toBeNull();
    await field(`/projects?limit=1&sort=due&cursor=${page.body.nextCursor}`, 'cursor');
    const next = await get(`/projects?limit=1&sort=title&cursor=${page.body.nextCursor}`).expect(200);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].projectId).not.toBe(page.body.items[0].projectId);
  });

  it("filters narrow the list; each item's links resolve", async () => {
    const approved = await fresh('/projects?status=approved').expect(200);
    expect(approved.body.items.map((i: { projectId: string }) => i.projectId)).toEqual(['prj-1']);
    const item = approved.body.items[0];
    await get(item.links.eligibility).expect(200);
    await get(item.links.ps).expect(200);
    const collectifs = await get(item.links.collectifs).expect(200);
    expect(collectifs.body.items).toEqual([expect.objectContaining({ collectifId: 'col-1', childrenEnrolled: 8 })]);
    const collectif = await get(collectifs.body.items[0].links.self).expect(200);
    expect(collectif.body.collectifId).toBe('col-1');
    const operators = await fresh('/operators?name=OP-1').expect(200);
    expect(operators.body.items.map((i: { operatorId: string }) => i.operatorId)).toEqual(['op-1']);
    const operator = await get(operators.body.items[0].links.self).expect(200);
    expect(operator.body.name).toBe('Association op-1');
    const campaigns = await fresh('/campaigns').expect(200);
    await get(campaigns.body.items[0].links.departmentalBilan).expect(200);
    const listed = await get(campaigns.body.items[0].links.projects).expect(200);
    expect(listed.body.items).toHaveLength(2);
  });

  it('worklists: the Caf sees prj-2 to examine and prj-1 without an advance; an operator sees what it owes, not the Caf lists', async () => {
    const toExamine = await fresh('/worklists/applications-to-examine').expect(200);
    expect(toExamine.body).toMatchObject({ worklist: 'applications-to-examine', over: 'projects' });
    expect(toExamine.body.items.map((i: { projectId: string }) => i.projectId)).toEqual(['prj-2']);
    const advances = await fresh('/worklists/advances-due').expect(200);
    expect(advances.body.items.map((i: { projectId: string }) => i.projectId)).toEqual(['prj-1']);
    const bilans = await fresh('/worklists/bilans-to-file', actors.operator).expect(200);
    expect(bilans.body.items.map((i: { projectId: string }) => i.projectId)).toEqual(['prj-1']);
    expect((await fresh('/worklists/bilans-to-file', actors.otherOperator).expect(200)).body.items).toEqual([]);
    await get('/worklists/applications-to-examine', actors.operator).expect(403);
    const index = await get('/worklists', actors.operator).expect(200);
    expect(index.body.worklists.map((w: { name: string }) => w.name)).toEqual([
      'bilans-to-file',
      'staff-to-declare',
      'declarations-to-file',
      'caf-owes',
      'renewal-letters',
    ]);
    // The season registers op-1 without its insurance and laïcité charter declarations (R-ELIG-OPERATOR).
    const declarations = await fresh('/worklists/declarations-to-file', actors.operator).expect(200);
    expect(declarations.body.items).toEqual([expect.objectContaining({ operatorId: 'op-1', declarationsMissing: 2 })]);
  });

  it('R-NOTIFY: decisions-not-notified lists prj-1 until its decision letter is sent, then not', async () => {
    const before = await fresh('/worklists/decisions-not-notified').expect(200);
    expect(before.body.items).toEqual([expect.objectContaining({ projectId: 'prj-1', unnotifiedLetters: 1 })]);
    await get('/worklists/decisions-not-notified', actors.operator).expect(403);
    const letters = await get('/projects/prj-1/letters').expect(200);
    const [letter] = letters.body.letters as Array<{ letterId: string; documentHash: string }>;
    await request(api.http)
      .post('/projects/prj-1/notifications')
      .set('Authorization', api.bearer(actors.agent))
      .send({
        commandId: randomUUID(),
        data: { letterId: letter!.letterId, channel: 'email', recipientId: 'rcpt-op-1', documentHash: letter!.documentHash },
      })
      .expect(201);
    head = await api.store.headPosition();
    const after = await fresh('/worklists/decisions-not-notified').expect(200);
    expect(after.body.items).toEqual([]);
    const item = await fresh('/projects?status=approved').expect(200);
    expect(item.body.items[0]).toMatchObject({ projectId: 'prj-1', unnotifiedLetters: 0 });
  });

  it('R-BILAN-DUE: prj-1 owes its qualitative bilan by 2027-06-28 (Aude); bilans-late lists it from the day after', async () => {
    // The worklist reads the day of the API clock; the story clock only moves forward.
    api.story!.advanceTo(paris('2027-06-28', '18:00'));
    const onDueDay = await fresh('/worklists/bilans-late').expect(200);
    expect(onDueDay.body).toMatchObject({ worklist: 'bilans-late', today: '2027-06-28', items: [] });
    const notYet = await fresh('/worklists/bilans-to-file', actors.operator).expect(200);
    expect(notYet.body.items).toEqual([expect.objectContaining({ projectId: 'prj-1', bilanNextDueOn: '2027-06-28', bilanLate: false })]);
    api.story!.advanceTo(paris('2027-06-29', '09:00'));
    const late = await fresh('/worklists/bilans-late').expect(200);
    expect(late.body.today).toBe('2027-06-29');
    expect(late.body.items).toEqual([expect.objectContaining({ projectId: 'prj-1', bilanNextDueOn: '2027-06-28', bilanLate: true })]);
    await get('/worklists/bilans-late', actors.operator).expect(403);
    // The operator's own list says the due date, and the day it was read for.
    const toFile = await fresh('/worklists/bilans-to-file', actors.operator).expect(200);
    expect(toFile.body).toMatchObject({
      today: '2027-06-29',
      items: [expect.objectContaining({ projectId: 'prj-1', bilanNextDueOn: '2027-06-28' })],
    });
    // The project bilan answer says it part by part.
    const bilan = await get('/projects/prj-1/bilan').expect(200);
    expect(bilan.body.deadlines).toMatchObject({
      today: '2027-06-29',
      overdue: ['qualitative'],
      nextDueOn: '2027-06-28',
      parts: {
        qualitative: { dueOn: '2027-06-28', receivedOn: null, late: true },
        quantitative: { dueOn: '2027-09-30', receivedOn: null, late: false },
      },
    });

    // The Caf moves the qualitative due date by amending its parameters: the row follows, prj-1 is no longer late.
    await request(api.http)
      .post('/campaigns/11/2026-2027/amendments')
      .set('Authorization', api.bearer(actors.agent))
      .send({
        commandId: randomUUID(),
        data: {
          patch: { bilanDueDates: { qualitative: '2027-07-15', quantitative: '2027-09-30', financial: '2027-09-30' } },
          reason: 'report de la date de remise du bilan qualitatif',
        },
      })
      .expect(201);
    head = await api.store.headPosition();
    const moved = await fresh('/worklists/bilans-late').expect(200);
    expect(moved.body.items).toEqual([]);
    const own = await fresh('/worklists/bilans-to-file', actors.operator).expect(200);
    expect(own.body.items).toEqual([expect.objectContaining({ projectId: 'prj-1', bilanNextDueOn: '2027-07-15', bilanLate: false })]);
  });

  it('R-LIFE-4: renewal-letters holds prj-1 once the 2027-2028 campaign is open, until a project renews it; op-2 sees none', async () => {
    const bus = api.app.get<CommandBus>(COMMAND_BUS);
    const run = async (command: ClasCommand, actor: Actor) => {
      const outcome = await bus.execute({ command, actor });
      if (!outcome.ok) throw new Error(`${command.type} failed: ${JSON.stringify(outcome)}`);
      head = await api.store.headPosition();
    };
    const letters = (actor: Actor) => fresh('/worklists/renewal-letters', actor).expect(200);
    // No campaign for 2027-2028 yet: no letter can be sent.
    expect((await letters(actors.operator)).body.items).toEqual([]);

    const next = {
      ...audeParameters(),
      schoolYear: schoolYear('2027-2028'),
      deadlines: { newApplication: localDate('2027-07-31'), renewal: localDate('2027-06-29') },
    };
    await run(
      { type: 'OpenCampaign', commandId: nextCommandId('open-next'), occurredAt: paris('2027-03-15'), data: { parameters: next } },
      actors.agent,
    );
    const owed = (await letters(actors.operator)).body;
    expect(owed).toMatchObject({ worklist: 'renewal-letters', over: 'renewals' });
    expect(owed.items).toEqual([
      expect.objectContaining({
        projectId: 'prj-1',
        operatorId: 'op-1',
        schoolYear: '2026-2027',
        renewal: { schoolYear: '2027-2028', deadline: '2027-06-29', campaign: '/campaigns?cafCode=11&schoolYear=2027-2028' },
      }),
    ]);
    // Another operator's list is its own (op-2's prj-2 was never approved); the Caf agent reads it as renewals-awaited.
    expect((await letters(actors.otherOperator)).body.items).toEqual([]);
    const awaited = await fresh('/worklists/renewals-awaited').expect(200);
    expect(awaited.body.items.map((i: { projectId: string }) => i.projectId)).toEqual(['prj-1']);
    await get('/worklists/renewals-awaited', actors.operator).expect(403);

    // The short renewal of prj-1 is filed: nothing is owed any more.
    const season = content();
    await run(
      {
        type: 'FileShortRenewal',
        commandId: nextCommandId('short-renewal'),
        occurredAt: paris('2027-05-03'),
        data: {
          projectId: 'prj-1-2027',
          operatorId: 'op-1',
          cafCode: '11',
          schoolYear: '2027-2028',
          previousProjectId: 'prj-1',
          collectifs: season.collectifs,
          budget: season.budget,
          plannedPeriod: { from: '2027-11-02', to: '2028-06-15' },
        },
      } as ClasCommand,
      actors.operator,
    );
    expect((await letters(actors.operator)).body.items).toEqual([]);
    expect((await fresh('/worklists/renewals-awaited').expect(200)).body.items).toEqual([]);
  });
});
