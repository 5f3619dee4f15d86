import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type EventStore, createEventStore } from '@clas/event-store';
import type { ClasCommand } from '../clas-command.js';
import { ClasCommandBus } from '../clas-command-bus.js';
import type { Actor, CommandBus, CommandOutcome } from '../command-bus.port.js';
import { actors, approvedInMeeting, commands, nextCommandId, paris } from '../testing/season.fixtures.js';
import { StoryClock } from '../testing/story-clock.js';
import type { PersonClaim } from './person-claims.js';
import { PersonDirectory } from './person-directory.js';

/**
 * Issue 11 §4 at the bus: role → scope (of the aggregate, or of the owner a creating command
 * claims) → existence → references (R-SCOPE) → business rules. op-1 and op-2 run prj-1/col-1
 * and prj-2/col-2 in Caf 11; op-40 is registered with Caf 40.
 */
describe('ClasCommandBus: scope first, and on every id a command references', () => {
  let store: EventStore;
  let bus: CommandBus;
  const records = new Map<string, PersonClaim>();
  const run = (command: ClasCommand, actor: Actor): Promise<CommandOutcome> => bus.execute({ command, actor });
  const accept = async (command: ClasCommand, actor: Actor = actors.system): Promise<void> => {
    const outcome = await run(command, actor);
    if (!outcome.ok) throw new Error(`${command.type} was not accepted: ${JSON.stringify(outcome)}`);
  };
  const command = (type: string, data: Record<string, unknown>, occurredAt = paris('2026-11-20')) =>
    ({ type, commandId: nextCommandId(type), occurredAt, data }) as unknown as ClasCommand;
  const draft = (projectId: string, operatorId: string, cafCode: string) =>
    command(
      'DraftProject',
      { projectId, operatorId, cafCode, schoolYear: '2026-2027', title: 'Clas', schoolCycle: 'primary' },
      paris('2026-06-01'),
    );
  const rejection = (outcome: CommandOutcome) => (outcome.ok || outcome.kind !== 'rejected' ? outcome : outcome.rejection);

  beforeEach(async () => {
    // Each command is received when it says it happened (R-LIFE-RECEIPT): the season runs on a simulated calendar.
    const clock = new StoryClock();
    store = await createEventStore({ kind: 'sqlite', path: ':memory:', clock });
    records.clear();
    bus = clock.receiving(new ClasCommandBus(store, { personRecords: { get: async (id) => records.get(id) ?? null } }));
    await accept(commands.openCampaign());
    await accept(commands.registerOperator('op-1'));
    await accept(commands.registerOperator('op-2'));
    await accept(
      command(
        'RegisterOperator',
        { operatorId: 'op-40', cafCode: '40', name: 'Association landaise', kind: 'association' },
        paris('2026-04-15'),
      ),
    );
    // Step by step for both projects, in the order the season happened (a June filing is received in June).
    const projects = [
      ['prj-1', 'op-1', 'col-1'],
      ['prj-2', 'op-2', 'col-2'],
    ] as const;
    for (const [project, operator] of projects)
      await accept(commands.fileApplication(project, paris('2026-06-20'), { operatorId: operator }));
    for (const [project] of projects) await accept(commands.openExamination(project));
    for (const [project] of projects) for (const step of approvedInMeeting(project)) await accept(step);
    for (const [project, , collectif] of projects) await accept(commands.openCollectif(collectif, project));
    await accept(commands.enrol('child-01', 'col-1'));
  });
  afterEach(async () => {
    await store.close();
  });

  it('a new project: its operator registered, the actor may act for it, its Caf the operator’s — for system the same facts are 404 and 422', async () => {
    const head = await store.headPosition();
    expect(await run(draft('prj-a', 'op-ghost', '11'), actors.agent)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await run(draft('prj-a', 'op-40', '11'), actors.agent)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await run(draft('prj-a', 'op-1', '40'), actors.agentElsewhere)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await run(draft('prj-a', 'op-2', '11'), actors.operator)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(rejection(await run(draft('prj-a', 'op-1', '974'), actors.operator))).toMatchObject({
      code: 'OPERATOR_OF_ANOTHER_CAF',
      ruleId: 'R-SCOPE',
    });
    expect(await run(draft('prj-a', 'op-ghost', '11'), actors.system)).toEqual({
      ok: false,
      kind: 'not_found',
      what: 'operator',
      id: 'op-ghost',
    });
    expect(rejection(await run(draft('prj-a', 'op-40', '11'), actors.system))).toMatchObject({
      code: 'OPERATOR_OF_ANOTHER_CAF',
      details: { registeredCafCode: '40' },
    });
    expect(await store.headPosition()).toBe(head);
    expect(await run(draft('prj-a', 'op-1', '11'), actors.agent)).toMatchObject({ ok: true });
  });

  it('the refusal of an unknown operator and of another Caf’s read the same, and name neither owner nor existence', async () => {
    const unknown = await run(draft('prj-a', 'op-ghost', '11'), actors.agent);
    const elsewhere = await run(draft('prj-a', 'op-40', '11'), actors.agent);
    expect(unknown).toEqual({
      ok: false,
      kind: 'forbidden',
      reason: "operator op-ghost is not within the actor's scope: a caf_agent of Caf 11 acts within its Caf only",
    });
    expect(elsewhere).toEqual({
      ok: false,
      kind: 'forbidden',
      reason: "operator op-40 is not within the actor's scope: a caf_agent of Caf 11 acts within its Caf only",
    });
  });

  it('OpenCollectif: the project it is opened within is its owner (another operator’s or an unknown one: 403; system: 404)', async () => {
    const open = (projectId: string) => commands.openCollectif('col-x', projectId);
    expect(await run(open('prj-2'), actors.operator)).toMatchObject({
      ok: false,
      kind: 'forbidden',
      reason: expect.stringContaining('project prj-2'),
    });
    expect(await run(open('prj-none'), actors.operator)).toMatchObject({
      ok: false,
      kind: 'forbidden',
      reason: expect.stringContaining('project prj-none'),
    });
    expect(await run(open('prj-none'), actors.system)).toEqual({ ok: false, kind: 'not_found', what: 'project', id: 'prj-none' });
    expect(await run(open('prj-1'), actors.operator)).toMatchObject({ ok: true });
  });

  it('R-SCOPE references: renewed project, parent-action collectifs, convention projects and notified collectifs are the owner’s', async () => {
    const refused = (outcome: CommandOutcome, field: string) =>
      expect(rejection(outcome)).toMatchObject({ code: 'REFERENCE_OUT_OF_SCOPE', ruleId: 'R-SCOPE', details: { field } });
    const renewal = {
      ...commands.fileApplication('prj-r', paris('2026-06-20')),
      data: { ...(commands.fileApplication('prj-r').data as object), applicationKind: 'renewal', previousProjectId: 'prj-2' },
    } as ClasCommand;
    refused(await run(renewal, actors.operator), 'previousProjectId');
    refused(
      await run(
        command('RecordParentAction', {
          projectId: 'prj-1',
          actionId: 'pa-x',
          objective: 'P1',
          date: '2026-11-20',
          parentsReached: 3,
          collectifIds: ['col-2'],
          description: 'r',
        }),
        actors.operator,
      ),
      'collectifIds[0]',
    );
    const convention = (projectIds: string[]) =>
      command('RequestConvention', {
        conventionId: 'conv-x',
        operatorId: 'op-1',
        cafCode: '11',
        projectIds,
        startSchoolYear: '2027-2028',
        years: 2,
        terms: { startDate: '2027-11-02', collectifs: 2, children: 20, weeks: 28 },
      });
    refused(await run(convention(['prj-1', 'prj-2']), actors.operator), 'projectIds[1]');
    refused(await run(convention(['prj-gone']), actors.system), 'projectIds[0]');

    // A convention of op-1 (through the system, as the next year's campaign is not open here), then a notification naming op-2's collectif.
    await store.append(
      'convention-conv-1',
      [
        {
          type: 'ConventionRequested',
          schemaVersion: 1,
          occurredAt: paris('2026-11-20'),
          metadata: { actor: 'test', role: 'system', caf: '11' },
          data: {
            conventionId: 'conv-1',
            operatorId: 'op-1',
            cafCode: '11',
            projectIds: ['prj-1'],
            startSchoolYear: '2026-2027',
            years: 2,
            terms: { startDate: '2026-11-02', collectifs: 2, children: 20, weeks: 28 },
            requestedOn: '2026-11-20',
          },
        },
      ],
      'no_stream',
    );
    const notify = (collectifIds: string[]) =>
      command('NotifyYearlyCollectifs', { conventionId: 'conv-1', schoolYear: '2026-2027', collectifs: collectifIds.length, collectifIds });
    refused(await run(notify(['col-1', 'col-2']), actors.agent), 'collectifIds[1]');
    expect(rejection(await run(notify(['col-1']), actors.agent))).not.toMatchObject({ code: 'REFERENCE_OUT_OF_SCOPE' });
  });

  it('R-SCOPE persons: a child, staff or coordinator id is its first operator’s; a personal-data record reserves an id before any event', async () => {
    const refused = (outcome: CommandOutcome, field: string) =>
      expect(rejection(outcome)).toMatchObject({
        code: 'REFERENCE_OUT_OF_SCOPE',
        ruleId: 'R-SCOPE',
        details: { field, id: expect.any(String) },
      });
    refused(await run(commands.enrol('child-01', 'col-2'), actors.otherOperator), 'childId');
    refused(
      await run(
        command('AppointCoordinator', { operatorId: 'op-2', personId: 'child-01', qualificationLevel: 3, hasRelevantExperience: true }),
        actors.agent,
      ),
      'personId',
    );
    // The same operator may enrol its child in its other collectif (here a second one of prj-1).
    await accept(commands.openCollectif('col-1b', 'prj-1'));
    expect(await run(commands.enrol('child-01', 'col-1b'), actors.operator)).toMatchObject({ ok: true });

    records.set('kid-booked', { cafCode: '11', operatorId: 'op-1' });
    refused(await run(commands.enrol('kid-booked', 'col-2'), actors.system), 'childId');
    expect(await run(commands.enrol('kid-booked', 'col-1'), actors.operator)).toMatchObject({ ok: true });
    records.set('kid-landes', { cafCode: '40', operatorId: null });
    refused(await run(commands.enrol('kid-landes', 'col-2'), actors.otherOperator), 'childId');
    records.set('kid-aude', { cafCode: '11', operatorId: null });
    expect(await run(commands.enrol('kid-aude', 'col-2'), actors.otherOperator)).toMatchObject({ ok: true });
  });

  it('the person directory: the first event naming an id wins, even if a later one (written around the bus) names another operator', async () => {
    const persons = new PersonDirectory(store, 2);
    expect(await persons.ownerOf('child-01')).toEqual({ personId: 'child-01', kind: 'child', operatorId: 'op-1', cafCode: '11' });
    await store.append(
      'collectif-col-2',
      [
        {
          type: 'ChildEnrolled',
          schemaVersion: 1,
          occurredAt: paris('2026-11-03'),
          metadata: { actor: 'test', role: 'system', caf: '11' },
          data: {
            collectifId: 'col-2',
            projectId: 'prj-2',
            operatorId: 'op-2',
            cafCode: '11',
            schoolYear: '2026-2027',
            childId: 'child-01',
            schoolLevel: 'CM1',
            orientedBy: 'teacher',
            parentalConsentDate: '2026-10-20',
            disabilityNeeds: false,
            enrolledOn: '2026-11-03',
          },
        },
      ],
      'any',
    );
    await store.append(
      'collectif-col-2',
      [
        {
          type: 'ChildEnrolled',
          schemaVersion: 1,
          occurredAt: paris('2026-11-03'),
          metadata: { actor: 'test', role: 'system', caf: '11' },
          data: {
            collectifId: 'col-2',
            projectId: 'prj-2',
            operatorId: 'op-2',
            cafCode: '11',
            schoolYear: '2026-2027',
            childId: 'kid-new',
            schoolLevel: 'CM1',
            orientedBy: 'teacher',
            parentalConsentDate: '2026-10-20',
            disabilityNeeds: false,
            enrolledOn: '2026-11-03',
          },
        },
      ],
      'any',
    );
    expect(await persons.ownerOf('child-01')).toMatchObject({ operatorId: 'op-1' });
    expect(await persons.ownerOf('kid-new')).toMatchObject({ operatorId: 'op-2', kind: 'child' });
    expect(await persons.ownerOf('nobody')).toBeNull();
  });

  it('a campaign names its Caf: its agent learns that it is not open (404), another Caf’s agent gets 403', async () => {
    const amend = command('AmendCampaignParameters', { cafCode: '40', schoolYear: '2026-2027', patch: { bonusEnfants: 1 }, reason: 'r' });
    expect(await run(amend, actors.agentElsewhere)).toEqual({ ok: false, kind: 'not_found', what: 'campaign', id: '40-2026-2027' });
    expect(await run(amend, actors.agent)).toMatchObject({ ok: false, kind: 'forbidden' });
  });
});
