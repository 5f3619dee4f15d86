import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type EventStore, createEventStore } from '@clas/event-store';
import type { ClasCommand } from './clas-command.js';
import { ClasCommandBus } from './clas-command-bus.js';
import { type ImportLineReport, importCommands } from './import-commands.js';
import { exportLog, restoreLog } from './log-export.js';
import type { CommandBus } from './command-bus.port.js';
import { actors, approvedInMeeting, commands, paris } from './testing/season.fixtures.js';
import { StoryClock } from './testing/story-clock.js';

const line = (command: ClasCommand): string => JSON.stringify(command);

async function* linesOf(text: string): AsyncIterable<string> {
  for (const l of text.split('\n')) yield l;
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return out;
}

describe('NDJSON import, export and restore', () => {
  let store: EventStore;
  let bus: CommandBus;

  beforeEach(async () => {
    const clock = new StoryClock();
    store = await createEventStore({ kind: 'sqlite', path: ':memory:', clock });
    bus = clock.receiving(new ClasCommandBus(store));
  });
  afterEach(async () => {
    await store.close();
  });

  it('imports a file line by line: accepted, rejected, duplicate and invalid lines, each all-or-nothing', async () => {
    const register = commands.registerOperator('op-1');
    const file = [
      line(commands.openCampaign()),
      line(register),
      line(commands.fileApplication('prj-1')),
      '',
      line(commands.fileApplication('prj-late', paris('2026-08-10'))),
      line(register),
      '{"type": "FileApplication", "commandId": ',
      JSON.stringify({ type: 'PayEverybody', commandId: 'z-1', occurredAt: paris('2026-06-01'), data: {} }),
      JSON.stringify({ ...commands.registerOperator('op-2'), data: { operatorId: 'op-2', cafCode: '11', name: '', kind: 'association' } }),
      '[1, 2]',
    ].join('\n');
    const reports: ImportLineReport[] = [];
    const totals = await importCommands(linesOf(file), bus, actors.system, (r) => reports.push(r), { correlationId: 'import-run-1' });

    expect(totals).toEqual({ lines: 9, accepted: 3, rejected: 1, duplicate: 1, invalid: 4 });
    expect(reports.map((r) => [r.line, r.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'accepted'],
      [5, 'rejected'],
      [6, 'duplicate'],
      [7, 'invalid'],
      [8, 'invalid'],
      [9, 'invalid'],
      [10, 'invalid'],
    ]);
    expect(reports[3]!.reason).toContain('R-LIFE-1 FILED_AFTER_DEADLINE');
    expect(reports[5]!.reason).toMatch(/^malformed JSON/);
    expect(reports[6]!.reason).toContain('unknown command type "PayEverybody"');
    expect(reports[7]!.reason).toContain('name');
    // Three accepted lines, three events; the import's correlation id is on each.
    const events = await collect(exportLog(store));
    expect(events).toHaveLength(3);
    expect(events.map((e) => (JSON.parse(e) as { metadata: { correlationId: string } }).metadata.correlationId)).toEqual([
      'import-run-1',
      'import-run-1',
      'import-run-1',
    ]);
  });

  it('R-IDEMPOTENCY: a line reusing a commandId for another command is rejected with the reason; nothing is appended; a true retry stays a duplicate', async () => {
    const register = commands.registerOperator('op-1');
    const file = [
      line(commands.openCampaign()),
      line(register),
      // Another operator registered under the same commandId: another stream, another payload.
      line({ ...commands.registerOperator('op-2'), commandId: register.commandId } as ClasCommand),
      line(register),
    ].join('\n');
    const reports: ImportLineReport[] = [];
    const totals = await importCommands(linesOf(file), bus, actors.system, (r) => reports.push(r));
    expect(totals).toEqual({ lines: 4, accepted: 2, rejected: 1, duplicate: 1, invalid: 0 });
    expect(reports[2]).toMatchObject({ line: 3, status: 'rejected', commandId: register.commandId, type: 'RegisterOperator' });
    expect(reports[2]!.reason).toMatch(
      /^R-IDEMPOTENCY COMMAND_ID_REUSED: commandId register-\d+ was already used for another command \(different target, payload\)/,
    );
    expect(reports[2]!.outcome).toMatchObject({ rejection: { details: { differs: ['stream', 'payload'] } } });
    expect(await store.streamVersion('operator-op-2')).toBe(-1);
    expect(await collect(exportLog(store))).toHaveLength(2);
  });

  it('refuses impossible instants and too deep lines as invalid lines (R-INPUT), never a crash, nothing appended for them', async () => {
    // Written as text: JSON.stringify itself recurses and would overflow on such a value.
    const nested = (levels: number): string => '{"a":'.repeat(levels) + '"leaf"' + '}'.repeat(levels);
    const register = commands.registerOperator('op-1');
    const file = [
      line(commands.openCampaign()),
      JSON.stringify({ ...register, occurredAt: '2026-02-30T10:00:00Z' }),
      JSON.stringify({ ...register, occurredAt: '2026-13-01T10:00:00Z' }),
      JSON.stringify({ ...register, occurredAt: '9999-12-31T10:00:00Z' }),
      JSON.stringify({ ...register, data: { ...register.data, surplus: '@' } }).replace('"@"', nested(5_000)),
      '['.repeat(200_000) + ']'.repeat(200_000),
      '{"type":"RegisterOperator","x":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}',
    ].join('\n');
    const reports: ImportLineReport[] = [];
    const totals = await importCommands(linesOf(file), bus, actors.system, (r) => reports.push(r));

    expect(totals).toEqual({ lines: 7, accepted: 1, rejected: 0, duplicate: 0, invalid: 6 });
    for (const report of reports.slice(1, 4))
      expect(report.reason).toContain(
        'R-INPUT INVALID_INPUT: occurredAt: must be an ISO-8601 instant with a zone, a real date in years 1900–2199',
      );
    expect(reports[4]).toMatchObject({
      status: 'invalid',
      commandId: register.commandId,
      reason: 'a line must not nest objects or arrays more than 32 levels deep',
    });
    expect(reports[5]!.reason).toBe('a line must be a JSON object { type, commandId, occurredAt, data }');
    expect(reports[6]!.reason).toBe('a line must not nest objects or arrays more than 32 levels deep');
    expect(await collect(exportLog(store))).toHaveLength(1);
  });

  it('R-INPUT: a payload is checked against its schema before any decider, with the words and field path the API gives', async () => {
    const register = commands.registerOperator('op-1');
    const file = [
      line(commands.openCampaign()),
      JSON.stringify({ ...register, data: { ...register.data, cafCode: '99' } }),
      JSON.stringify({ ...register, data: { ...register.data, surplus: 1 } }),
    ].join('\n');
    const reports: ImportLineReport[] = [];
    const totals = await importCommands(linesOf(file), bus, actors.system, (r) => reports.push(r));

    expect(totals).toMatchObject({ accepted: 1, invalid: 2 });
    expect(reports[1]!.reason).toBe('R-INPUT INVALID_INPUT: cafCode: must be the code of a département (e.g. "11", "2A", "974")');
    expect(reports[2]!.reason).toBe('R-INPUT INVALID_INPUT: surplus: is not an accepted field');
    expect(await collect(exportLog(store))).toHaveLength(1);
  });

  it('export → restore into a fresh store gives the same envelopes (recordedAt kept, marked restored), and a second restore writes nothing', async () => {
    await importCommands(
      [
        commands.openCampaign(),
        commands.registerOperator('op-1'),
        commands.fileApplication('prj-1'),
        commands.openExamination('prj-1'),
        ...approvedInMeeting('prj-1'),
        commands.openCollectif(),
      ].map(line),
      bus,
      actors.system,
    );
    const enrol = commands.enrol('child-01');
    await bus.execute({ command: enrol, actor: actors.operator });
    const exported = await collect(exportLog(store));
    expect(exported).toHaveLength(8);

    const fresh = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    try {
      const totals = await restoreLog(exported, fresh);
      expect(totals).toEqual({ events: 8, appends: 8, duplicates: 0 });
      const restored = (await collect(exportLog(fresh))).map((l) => JSON.parse(l) as { metadata: Record<string, unknown>; hash: string });
      const original = exported.map((l) => JSON.parse(l) as { metadata: Record<string, unknown>; hash: string });
      expect(restored.map((e) => e.metadata.restored)).toEqual(original.map(() => true));
      // The restored log has chains of its own: metadata.restored is part of what they hash.
      expect(restored.map(({ metadata: { restored: _r, ...metadata }, hash: _h, ...rest }) => ({ ...rest, metadata }))).toEqual(
        original.map(({ hash: _h, ...rest }) => rest),
      );
      expect(restored.map((e) => e.hash)).not.toContain(original[0]!.hash);

      const head = await fresh.headPosition();
      expect(await restoreLog(exported, fresh)).toEqual({ events: 8, appends: 8, duplicates: 8 });
      expect(await fresh.headPosition()).toBe(head);
      // The restored store keeps commandIds: retrying an old command is still a no-op.
      const retried = await new ClasCommandBus(fresh).execute({ command: enrol, actor: actors.operator });
      expect(retried).toMatchObject({ ok: true, duplicate: true, streamVersion: 1, positions: [8] });
    } finally {
      await fresh.close();
    }
  });
});
