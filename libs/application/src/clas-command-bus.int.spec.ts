import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type Clock, type EventStore, type ExpectedVersion, type NewEvent, commandPayloadHash, createEventStore } from '@clas/event-store';
import { localDate } from '@clas/domain';
import type { ClasCommand } from './clas-command.js';
import { ClasCommandBus } from './clas-command-bus.js';
import type { Actor, CommandBus, CommandOutcome } from './command-bus.port.js';
import { CAF, actors, approvedInMeeting, audeParameters, commands, paris } from './testing/season.fixtures.js';
import { StoryClock } from './testing/story-clock.js';

const children = Array.from({ length: 13 }, (_, i) => `child-${String(i + 1).padStart(2, '0')}`);

function expectRejected(outcome: CommandOutcome, code: string, ruleId: string): void {
  expect(outcome).toMatchObject({ ok: false, kind: 'rejected', rejection: { code, ruleId } });
}

describe('ClasCommandBus over the SQLite store — an Aude 2026-2027 season', () => {
  let store: EventStore;
  let clock: StoryClock;
  let bus: ClasCommandBus;
  let received: CommandBus;
  const run = (command: ClasCommand, actor: Actor, extra: { expectedVersion?: number } = {}) =>
    received.execute({ command, actor, ...extra });
  const accepted = async (command: ClasCommand, actor: Actor): Promise<Extract<CommandOutcome, { ok: true }>> => {
    const outcome = await run(command, actor);
    if (!outcome.ok) throw new Error(`${command.type} was not accepted: ${JSON.stringify(outcome)}`);
    return outcome;
  };

  /** Campaign open, op-1 and op-2 registered. */
  async function campaignAndOperators(): Promise<void> {
    await accepted(commands.openCampaign(), actors.agent);
    await accepted(commands.registerOperator('op-1'), actors.agent);
    await accepted(commands.registerOperator('op-2'), actors.agent);
  }

  /** Campaign open, op-1 registered, prj-1 filed, examined and approved, col-1 open. */
  async function seasonUpToCollectif(): Promise<void> {
    await campaignAndOperators();
    await projectUpToCollectif();
  }

  async function projectUpToCollectif(): Promise<void> {
    await accepted(commands.fileApplication('prj-1'), actors.operator);
    await accepted(commands.openExamination('prj-1'), actors.agent);
    for (const step of approvedInMeeting('prj-1')) await accepted(step, actors.committee);
    await accepted(commands.openCollectif('col-1', 'prj-1'), actors.operator);
  }

  beforeEach(async () => {
    clock = new StoryClock();
    store = await createEventStore({ kind: 'sqlite', path: ':memory:', clock });
    bus = new ClasCommandBus(store);
    received = clock.receiving(bus);
  });
  afterEach(async () => {
    await store.close();
  });

  it('runs the season: each accepted command appends its events to its own stream', async () => {
    await seasonUpToCollectif();
    const project = await store.readStream('project-prj-1');
    expect(project.map((e) => e.type)).toEqual(['ApplicationFiled', 'ExaminationOpened', 'CommitteeDecisionRecorded']);
    const campaign = await store.readStream('campaign-11-2026-2027');
    expect(campaign[0]).toMatchObject({ type: 'CampaignOpened', data: { parameters: { cafCode: CAF, schoolYear: '2026-2027' } } });
    const collectif = await store.readStream('collectif-col-1');
    expect(collectif[0]).toMatchObject({ type: 'CollectifOpened', data: { projectId: 'prj-1', operatorId: 'op-1', cafCode: CAF } });
  });

  it('records who acted, in which role, for which Caf, and the command ids, on every event', async () => {
    await campaignAndOperators();
    const file = commands.fileApplication('prj-2');
    const outcome = await received.execute({ command: file, actor: actors.operator, correlationId: 'import-42' });
    expect(outcome).toMatchObject({ ok: true, duplicate: false, streamVersion: 0 });
    await projectUpToCollectif();
    const [event] = await store.readStream('project-prj-2');
    expect(event!.metadata).toEqual({
      actor: 'user-op-1',
      role: 'operator',
      caf: CAF,
      correlationId: 'import-42',
      causationId: file.commandId,
      commandId: file.commandId,
      // The fingerprint a retry must match (R-IDEMPOTENCY): the command type and the hash of what the client declared.
      commandType: 'FileApplication',
      payloadHash: commandPayloadHash(file.data, file.occurredAt),
    });
    const [decision] = (await store.readStream('project-prj-1')).filter((e) => e.type === 'CommitteeDecisionRecorded');
    expect(decision!.metadata).toMatchObject({ actor: 'committee-11', role: 'committee', caf: CAF });
  });

  it('writes occurredAt in canonical ISO form whatever offset the command used', async () => {
    await accepted(commands.openCampaign(), actors.agent);
    const register = { ...commands.registerOperator('op-9'), occurredAt: '2026-04-15T12:30:00+02:00' } as ClasCommand;
    await accepted(register, actors.agent);
    const [event] = await store.readStream('operator-op-9');
    expect(event!.occurredAt).toBe('2026-04-15T10:30:00.000Z');
  });

  it('R-ELIG-COLLECTIVE: enrols 12 children, refuses the 13th', async () => {
    await seasonUpToCollectif();
    for (const child of children.slice(0, 12)) await accepted(commands.enrol(child), actors.operator);
    const thirteenth = await run(commands.enrol(children[12]!), actors.operator);
    expectRejected(thirteenth, 'GROUP_FULL', 'R-ELIG-COLLECTIVE');
    expect(await store.streamVersion('collectif-col-1')).toBe(12);
  });

  it('a repeated commandId returns the original result with duplicate: true and appends nothing, even where the decider would now refuse', async () => {
    await seasonUpToCollectif();
    for (const child of children.slice(0, 11)) await accepted(commands.enrol(child), actors.operator);
    const twelfth = commands.enrol(children[11]!);
    const first = await accepted(twelfth, actors.operator);
    const head = await store.headPosition();
    // Deciding again would say "already enrolled": the bus answers from the log instead.
    const retry = await run(twelfth, actors.operator);
    expect(retry).toEqual({ ...first, duplicate: true });
    // A client retrying with the expectedVersion it first sent is answered too, not told its own write moved the stream.
    expect(await run(twelfth, actors.operator, { expectedVersion: first.streamVersion - 1 })).toEqual({ ...first, duplicate: true });
    // The same instant written with another offset is the same command.
    const parisOffset = new Date(new Date(twelfth.occurredAt).getTime() + 3_600_000).toISOString().replace('Z', '+01:00');
    expect(await run({ ...twelfth, occurredAt: parisOffset }, actors.operator)).toEqual({ ...first, duplicate: true });
    expect(await store.headPosition()).toBe(head);
  });

  describe('R-IDEMPOTENCY: a commandId names one command', () => {
    const reused = (outcome: CommandOutcome, differs: string[]) =>
      expect(outcome).toEqual({
        ok: false,
        kind: 'rejected',
        rejection: {
          code: 'COMMAND_ID_REUSED',
          ruleId: 'R-IDEMPOTENCY',
          message: expect.any(String),
          details: { commandId: expect.any(String), differs },
        },
      });

    /** prj-1 of op-1 with col-1 and prj-2 of op-2 with col-2, approved step by step in the order the season happened. */
    async function twoOperatorsUpToCollectifs(): Promise<void> {
      await campaignAndOperators();
      const projects = [
        ['prj-1', 'op-1', 'col-1', actors.operator],
        ['prj-2', 'op-2', 'col-2', actors.otherOperator],
      ] as const;
      for (const [project, operatorId, , actor] of projects)
        await accepted(commands.fileApplication(project, paris('2026-06-20'), { operatorId }), actor);
      for (const [project] of projects) await accepted(commands.openExamination(project), actors.agent);
      for (const [project] of projects) for (const step of approvedInMeeting(project)) await accepted(step, actors.committee);
      for (const [project, , collectif, actor] of projects) await accepted(commands.openCollectif(collectif, project), actor);
    }

    it('another operator reusing the key on its own collectif → COMMAND_ID_REUSED naming stream, actor and payload; its write is not lost silently, nothing appended; the first retry is still a duplicate', async () => {
      await twoOperatorsUpToCollectifs();
      const first = await accepted({ ...commands.enrol('child-a'), commandId: 'K' } as ClasCommand, actors.operator);
      const head = await store.headPosition();
      const other = await run({ ...commands.enrol('child-b', 'col-2'), commandId: 'K' } as ClasCommand, actors.otherOperator);
      reused(other, ['stream', 'actor', 'payload']);
      expect(other).toMatchObject({
        rejection: { details: { commandId: 'K' }, message: expect.stringContaining('commandId K was already used') },
      });
      // Never the other command's stream or ids.
      expect(JSON.stringify(other)).not.toContain('col-1');
      expect(await store.headPosition()).toBe(head);
      expect((await store.readStream('collectif-col-2')).filter((e) => e.type === 'ChildEnrolled')).toEqual([]);
      expect(await run({ ...commands.enrol('child-a'), commandId: 'K' } as ClasCommand, actors.operator)).toEqual({
        ...first,
        duplicate: true,
      });
    });

    it('same stream: another payload, another command type or another actor is refused before any decider (which would answer otherwise)', async () => {
      await seasonUpToCollectif();
      await accepted({ ...commands.enrol('child-a'), commandId: 'K2' } as ClasCommand, actors.operator);
      const head = await store.headPosition();
      reused(await run({ ...commands.enrol('child-b'), commandId: 'K2' } as ClasCommand, actors.operator), ['payload']);
      // The decider would say the collectif is already open; the reused key is what is reported.
      reused(await run({ ...commands.openCollectif('col-1', 'prj-1'), commandId: 'K2' } as ClasCommand, actors.operator), [
        'type',
        'payload',
      ]);
      // A Caf agent may key in operator-side facts: the same enrolment from another actor is another command.
      reused(await run({ ...commands.enrol('child-a'), commandId: 'K2' } as ClasCommand, actors.agent), ['actor']);
      expect(await store.headPosition()).toBe(head);
    });

    it('a key reused for a command that would create a new stream is refused; the stream is not created', async () => {
      await seasonUpToCollectif();
      await accepted({ ...commands.enrol('child-a'), commandId: 'K3' } as ClasCommand, actors.operator);
      reused(await run({ ...commands.fileApplication('prj-9'), commandId: 'K3' } as ClasCommand, actors.operator), [
        'stream',
        'type',
        'payload',
      ]);
      expect(await store.streamVersion('project-prj-9')).toBe(-1);
    });

    it('an occurredAt the caller defaulted to "now" is not hashed: a later retry is recognised; one declaring an instant is another command', async () => {
      await seasonUpToCollectif();
      const enrol = { ...commands.enrol('child-a'), commandId: 'K4' } as ClasCommand;
      // The bus itself, as the API calls it: received now, which is when the API's default occurredAt says.
      clock.advanceTo(enrol.occurredAt);
      const first = await bus.execute({ command: enrol, actor: actors.operator, occurredAtDefaulted: true });
      expect(first).toMatchObject({ ok: true, duplicate: false });
      const later = { ...enrol, occurredAt: new Date(new Date(enrol.occurredAt).getTime() + 60_000).toISOString() } as ClasCommand;
      expect(await bus.execute({ command: later, actor: actors.operator, occurredAtDefaulted: true })).toEqual({
        ...first,
        duplicate: true,
      });
      reused(await run(later, actors.operator), ['payload']);
    });

    it('another command taking the key between the lookup and the append: the store refuses, the bus reports COMMAND_ID_REUSED', async () => {
      await seasonUpToCollectif();
      await accepted({ ...commands.enrol('child-a'), commandId: 'K5' } as ClasCommand, actors.operator);
      const head = await store.headPosition();
      // A store whose lookup misses the command, as if it committed just after the lookup.
      const late: EventStore = Object.create(store, { findCommand: { value: async () => null } }) as EventStore;
      reused(
        await new ClasCommandBus(late).execute({
          command: { ...commands.enrol('child-b'), commandId: 'K5' } as ClasCommand,
          actor: actors.operator,
        }),
        ['payload'],
      );
      expect(await store.headPosition()).toBe(head);
    });

    it('a command recorded before fingerprints existed is matched on stream and actor', async () => {
      await seasonUpToCollectif();
      // A store that writes events as the bus did before commandType / payloadHash existed.
      const legacyStore: EventStore = Object.create(store, {
        append: {
          value: (streamId: string, events: NewEvent[], expected: ExpectedVersion) =>
            store.append(
              streamId,
              events.map(({ metadata: { commandType: _t, payloadHash: _h, ...metadata }, ...event }) => ({ ...event, metadata })),
              expected,
            ),
        },
      }) as EventStore;
      const enrol = { ...commands.enrol('child-a'), commandId: 'K6' } as ClasCommand;
      clock.advanceTo(enrol.occurredAt);
      const first = await new ClasCommandBus(legacyStore).execute({ command: enrol, actor: actors.operator });
      expect((await store.readStream('collectif-col-1')).at(-1)!.metadata.payloadHash).toBeUndefined();
      expect(await run(enrol, actors.operator)).toEqual({ ...first, duplicate: true });
      reused(await run(enrol, actors.agent), ['actor']);
      reused(await run({ ...commands.fileApplication('prj-9'), commandId: 'K6' } as ClasCommand, actors.operator), ['stream']);
    });
  });

  it('a stale expectedVersion is a conflict carrying the actual version; nothing is appended', async () => {
    await seasonUpToCollectif();
    await accepted(commands.enrol('child-01'), actors.operator);
    const head = await store.headPosition();
    const stale = await run(commands.enrol('child-02'), actors.operator, { expectedVersion: 0 });
    expect(stale).toEqual({ ok: false, kind: 'conflict', streamId: 'collectif-col-1', expectedVersion: 0, actualVersion: 1 });
    expect(await store.headPosition()).toBe(head);
    expect(await run(commands.enrol('child-02'), actors.operator, { expectedVersion: 1 })).toMatchObject({ ok: true, streamVersion: 2 });
  });

  it('without expectedVersion, a lost race is decided again on the new state', async () => {
    await seasonUpToCollectif();
    // A store whose first append lets a competing writer append to the same stream just before it.
    let raced = false;
    const racing: EventStore = Object.create(store, {
      append: {
        value: async (...args: Parameters<EventStore['append']>) => {
          if (!raced) {
            raced = true;
            await clock.receiving(new ClasCommandBus(store)).execute({ command: commands.enrol('child-rival'), actor: actors.operator });
          }
          return store.append(...args);
        },
      },
    }) as EventStore;
    const outcome = await clock
      .receiving(new ClasCommandBus(racing))
      .execute({ command: commands.enrol('child-01'), actor: actors.operator });
    expect(outcome).toMatchObject({ ok: true, streamVersion: 2 });
    const enrolled = (await store.readStream('collectif-col-1'))
      .filter((e) => e.type === 'ChildEnrolled')
      .map((e) => (e.data as { childId: string }).childId);
    expect(enrolled).toEqual(['child-rival', 'child-01']);
  });

  it('forbids an operator acting on another operator’s project, collectif or a new project in its name', async () => {
    await seasonUpToCollectif();
    const head = await store.headPosition();
    expect(await run(commands.parentAction('prj-1'), actors.otherOperator)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await run(commands.enrol('child-x'), actors.otherOperator)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await run(commands.fileApplication('prj-9', paris('2026-06-20'), { operatorId: 'op-1' }), actors.otherOperator)).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect(await run(commands.openCollectif('col-9', 'prj-1'), actors.otherOperator)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await store.headPosition()).toBe(head);
  });

  it('forbids Caf-side commands to operators and any write to auditors and dashboards', async () => {
    await seasonUpToCollectif();
    expect(await run(commands.openExamination('prj-1'), actors.operator)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await run(commands.parentAction('prj-1'), actors.auditor)).toMatchObject({
      ok: false,
      kind: 'forbidden',
      reason: expect.stringContaining('auditor'),
    });
    expect(await run(commands.registerOperator('op-5'), actors.dashboard)).toMatchObject({ ok: false, kind: 'forbidden' });
    // Only the committee records decisions; a Caf agent of another Caf acts nowhere here.
    expect(await run(commands.approve('prj-1'), actors.agent)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await run(commands.parentAction('prj-1'), actors.agentElsewhere)).toMatchObject({ ok: false, kind: 'forbidden' });
    // As the Caf's back office, its own agent may key in an operator-side fact.
    expect(await run(commands.parentAction('prj-1'), actors.agent)).toMatchObject({ ok: true });
  });

  it('R-LIFE-1: a filing after the deadline is rejected and leaves no stream', async () => {
    await accepted(commands.openCampaign(), actors.agent);
    await accepted(commands.registerOperator('op-1'), actors.agent);
    // The last day is receivable until midnight, Paris time (R-LIFE-DATES).
    expect(await run(commands.fileApplication('prj-last-day', paris('2026-08-05', '23:30')), actors.operator)).toMatchObject({ ok: true });
    const late = await run(commands.fileApplication('prj-late', paris('2026-08-06', '09:00')), actors.operator);
    expectRejected(late, 'FILED_AFTER_DEADLINE', 'R-LIFE-1');
    expect(await store.streamVersion('project-prj-late')).toBe(-1);
  });

  it('R-LIFE-RECEIPT: the deadline is judged on the store clock at reception, not on the occurredAt the filer declares (kept as information)', async () => {
    await accepted(commands.openCampaign(), actors.agent);
    await accepted(commands.registerOperator('op-1'), actors.agent);
    clock.advanceTo(paris('2026-08-10'));
    const backdated = await run(commands.fileApplication('prj-late', paris('2026-08-01')), actors.operator);
    expect(backdated).toMatchObject({
      ok: false,
      rejection: { code: 'FILED_AFTER_DEADLINE', ruleId: 'R-LIFE-1', details: { filedOn: '2026-08-10', deadline: '2026-08-05' } },
    });
    expect(await store.streamVersion('project-prj-late')).toBe(-1);
    // Received in time, declared earlier: accepted, filedOn the day received, the declared instant its occurredAt.
    const early = await createEventStore({
      kind: 'sqlite',
      path: ':memory:',
      clock: { now: () => new Date(paris('2026-08-05', '18:00')) },
    });
    const earlyBus = new ClasCommandBus(early);
    await earlyBus.execute({ command: commands.openCampaign(), actor: actors.agent });
    await earlyBus.execute({ command: commands.registerOperator('op-1'), actor: actors.agent });
    expect(
      await earlyBus.execute({ command: commands.fileApplication('prj-1', paris('2026-07-14')), actor: actors.operator }),
    ).toMatchObject({ ok: true });
    const [filed] = await early.readStream('project-prj-1');
    expect(filed).toMatchObject({
      occurredAt: paris('2026-07-14'),
      recordedAt: paris('2026-08-05', '18:00'),
      data: { filedOn: '2026-08-05' },
    });
    await early.close();
  });

  it('R-FACT-PAST: a fact stated after the store clock is refused (422), nothing appended; a planned enrolment next week is not', async () => {
    await seasonUpToCollectif();
    const head = await store.headPosition();
    const ahead = { ...commands.parentAction('prj-1'), occurredAt: paris('2026-12-20') } as ClasCommand;
    expect(await bus.execute({ command: ahead, actor: actors.operator })).toMatchObject({
      ok: false,
      kind: 'rejected',
      rejection: {
        code: 'FACT_NOT_YET_HAPPENED',
        ruleId: 'R-FACT-PAST',
        details: { field: 'occurredAt', receivedAt: paris('2026-10-12') },
      },
    });
    expect(await store.headPosition()).toBe(head);
    // Received on 2026-10-12, an enrolment starting on 2026-11-02 (stated then), the parents having agreed on 2026-10-01.
    const planned = commands.enrol('child-01') as Extract<ClasCommand, { type: 'EnrolChild' }>;
    const enrol = { ...planned, data: { ...planned.data, parentalConsentDate: localDate('2026-10-01') } };
    expect(await bus.execute({ command: enrol, actor: actors.operator })).toMatchObject({ ok: true });
  });

  it('R-LIFE-RECEIPT: when Paris midnight falls between reception and recording, the store refuses the append and the bus decides again on the new day', async () => {
    // Each reading of this clock is 1 ms later: received at 23:59:59.999 on the deadline day, recorded at 00:00:00.000.
    let ms = Date.parse(paris('2026-08-05', '23:59')) + 59_999;
    const ticking: Clock = { now: () => new Date(ms++) };
    const edge = await createEventStore({ kind: 'sqlite', path: ':memory:', clock: ticking });
    const edgeBus = new ClasCommandBus(edge);
    await edgeBus.execute({ command: commands.openCampaign(), actor: actors.system });
    await edgeBus.execute({ command: commands.registerOperator('op-1'), actor: actors.system });
    ms = Date.parse(paris('2026-08-05', '23:59')) + 59_999;
    const head = await edge.headPosition();
    const outcome = await edgeBus.execute({
      command: commands.fileApplication('prj-1', paris('2026-08-05', '12:00')),
      actor: actors.operator,
    });
    // Decided again on 2026-08-06: late, and nothing was written by the first attempt.
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'FILED_AFTER_DEADLINE', details: { filedOn: '2026-08-06' } } });
    expect(await edge.headPosition()).toBe(head);
    await edge.close();
  });

  it('filing where no campaign is open is a business rejection; a malformed Caf code is an input rejection', async () => {
    await accepted(commands.registerOperator('op-1'), actors.system);
    expectRejected(await run(commands.fileApplication('prj-1'), actors.operator), 'CAMPAIGN_NOT_OPEN', 'R-LIFE-1');
    expectRejected(
      await run(commands.fileApplication('prj-1', paris('2026-06-20'), { cafCode: 'XI' }), actors.operator),
      'INVALID_INPUT',
      'R-INPUT',
    );
  });

  it('a command on an aggregate that does not exist is not_found to system; to a scoped caller it is out of scope, as another’s would be (issue 11 §4)', async () => {
    await seasonUpToCollectif();
    expect(await run(commands.enrol('child-01', 'col-unknown'), actors.system)).toEqual({
      ok: false,
      kind: 'not_found',
      what: 'collectif',
      id: 'col-unknown',
    });
    expect(await run(commands.openCollectif('col-2', 'prj-unknown'), actors.system)).toEqual({
      ok: false,
      kind: 'not_found',
      what: 'project',
      id: 'prj-unknown',
    });
    expect(await run(commands.openExamination('prj-unknown'), actors.system)).toMatchObject({
      ok: false,
      kind: 'not_found',
      what: 'project',
    });
    expect(await run(commands.enrol('child-01', 'col-unknown'), actors.operator)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await run(commands.openExamination('prj-unknown'), actors.agent)).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('malformed commands are rejected as R-INPUT, never thrown', async () => {
    const unknownType = { type: 'DeleteEverything', commandId: 'x', occurredAt: paris('2026-04-01'), data: {} } as unknown as ClasCommand;
    expectRejected(await run(unknownType, actors.system), 'INVALID_INPUT', 'R-INPUT');
    const noData = { type: 'EnrolChild', commandId: 'y', occurredAt: paris('2026-04-01') } as unknown as ClasCommand;
    expectRejected(await run(noData, actors.system), 'INVALID_INPUT', 'R-INPUT');
    const badId = { ...commands.enrol('child-01'), data: { collectifId: 'has spaces' } } as unknown as ClasCommand;
    expectRejected(await run(badId, actors.system), 'INVALID_INPUT', 'R-INPUT');
    expect(await store.headPosition()).toBe(0);
  });

  it('R-CONV-SUPPORT: a convention request counts the operator’s approved years by replaying its projects', async () => {
    await seasonUpToCollectif();
    const next = { ...audeParameters(), schoolYear: '2027-2028', deadlines: { newApplication: '2027-08-05', renewal: '2027-06-28' } };
    await accepted({ ...commands.openCampaign(next as never), occurredAt: paris('2027-04-01') } as ClasCommand, actors.agent);
    const request = {
      type: 'RequestConvention',
      commandId: 'conv-1-request',
      occurredAt: paris('2027-05-10'),
      data: {
        conventionId: 'conv-1',
        operatorId: 'op-1',
        cafCode: CAF,
        projectIds: ['prj-1'],
        startSchoolYear: '2027-2028',
        years: 3,
        terms: { startDate: '2027-11-02', collectifs: 2, children: 20, weeks: 28 },
      },
    } as ClasCommand;
    const outcome = await run(request, actors.operator);
    expect(outcome).toMatchObject({
      ok: false,
      kind: 'rejected',
      rejection: { code: 'OPERATOR_NOT_SUPPORTED_LONG_ENOUGH', ruleId: 'R-CONV-SUPPORT', details: { priorApprovedSchoolYears: 1 } },
    });
    const unknownOperator = {
      ...request,
      commandId: 'conv-2-request',
      data: { ...(request.data as object), conventionId: 'conv-2', operatorId: 'op-404' },
    } as ClasCommand;
    expect(await run(unknownOperator, actors.system)).toEqual({ ok: false, kind: 'not_found', what: 'operator', id: 'op-404' });
  });
});
