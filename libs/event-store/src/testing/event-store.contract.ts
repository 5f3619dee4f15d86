// jest's injected globals, not @jest/globals (which throws when loaded outside jest): a lib's testing
// entry loads in any program, e.g. the fuzz CLI takes its clock and actors from two of them.
import type { NewEvent, StoredEvent } from '../envelope.js';
import { ConcurrencyError, EventStoreError, RecordedTooLateError } from '../errors.js';
import type { EventStore, EventStoreOptions, Upcaster } from '../event-store.port.js';
import { FakeClock } from './fake-clock.js';
import { tamperEvidenceContract, visible } from './tamper-evidence.contract.js';

/** Builds a fresh, empty store; the contract closes it after each test. */
export type EventStoreFactory = (options?: EventStoreOptions) => Promise<EventStore>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newEvent(type: string, data: unknown = {}, metadata: Partial<NewEvent['metadata']> = {}): NewEvent {
  return { type, data, occurredAt: '2026-09-01T07:00:00.000Z', metadata: { actor: 'tester', role: 'system', ...metadata } };
}

function events(count: number, type = 'Happened', from = 0): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { n: from + i }));
}

/**
 * The events of one command as the command bus writes them: every event carries the commandId
 * and the command's fingerprint (actor, commandType, payloadHash — command-fingerprint.ts).
 */
function command(commandId: string, fingerprint: Partial<NewEvent['metadata']> = {}, count = 2): NewEvent[] {
  return events(count).map((e) => ({
    ...e,
    metadata: { ...e.metadata, actor: 'op-a', commandId, commandType: 'RecordSession', payloadHash: 'sha256:one', ...fingerprint },
  }));
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function expectError(promise: Promise<unknown>, code: EventStoreError['code']): Promise<EventStoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EventStoreError);
  expect((error as EventStoreError).code).toBe(code);
  return error as EventStoreError;
}

function expectStrictlyIncreasing(positions: number[]): void {
  for (let i = 1; i < positions.length; i++) expect(positions[i]! > positions[i - 1]!).toBe(true);
}

/** The behaviour every EventStore adapter must show; run by each adapter's int spec. */
export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    const open: EventStore[] = [];
    async function store(options?: EventStoreOptions): Promise<EventStore> {
      const created = await factory(options);
      open.push(created);
      return created;
    }
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    describe('append and read a stream', () => {
      it('stores events in order with versions, positions, store-clock recordedAt, generated ids', async () => {
        const clock = new FakeClock('2026-09-01T08:00:00.000Z');
        const es = await store({ clock });
        expect(await es.streamVersion('project-1')).toBe(-1);
        expect(await es.readStream('project-1')).toEqual([]);
        expect(await es.headPosition()).toBe(0);

        const first = await es.append('project-1', events(3), 'no_stream');
        expect(first.nextExpectedVersion).toBe(2);
        expect(first.duplicate).toBe(false);
        expect(first.positions).toHaveLength(3);
        expectStrictlyIncreasing(first.positions);
        expect(first.positions[0]).toBeGreaterThanOrEqual(1);
        clock.advance(1000);
        const second = await es.append('project-1', [{ ...newEvent('Other', { x: 1 }), schemaVersion: 4 }], 2);
        expect(second.nextExpectedVersion).toBe(3);
        expect(second.positions[0]! > first.positions[2]!).toBe(true);

        const read = await es.readStream('project-1');
        expect(read.map((e) => e.streamVersion)).toEqual([0, 1, 2, 3]);
        expect(read.map((e) => e.globalPosition)).toEqual([...first.positions, ...second.positions]);
        expect(read.map((e) => e.eventId)).toEqual([...first.eventIds, ...second.eventIds]);
        expect(read[0]!.eventId).toMatch(UUID);
        expect(read[0]).toMatchObject({
          streamId: 'project-1',
          type: 'Happened',
          schemaVersion: 1,
          data: { n: 0 },
          occurredAt: '2026-09-01T07:00:00.000Z',
          recordedAt: '2026-09-01T08:00:00.000Z',
          metadata: { actor: 'tester', role: 'system' },
        });
        expect(read[3]).toMatchObject({ type: 'Other', schemaVersion: 4, recordedAt: '2026-09-01T08:00:01.000Z' });
        expect(await es.streamVersion('project-1')).toBe(3);
        await visible(es, second.positions[0]!);
        expect(await es.headPosition()).toBe(second.positions[0]);
        expect((await es.readStream('project-1', { fromVersion: 1, toVersion: 2 })).map((e) => e.streamVersion)).toEqual([1, 2]);
        expect(await es.readStream('project-2')).toEqual([]);
        await es.ping();
      });

      it('ignores a recordedAt smuggled in by the caller', async () => {
        const clock = new FakeClock('2026-09-02T00:00:00.000Z');
        const es = await store({ clock });
        const smuggled = { ...newEvent('Happened'), recordedAt: '1999-01-01T00:00:00.000Z' } as NewEvent;
        await es.append('s', [smuggled], 'any');
        expect((await es.readStream('s'))[0]!.recordedAt).toBe('2026-09-02T00:00:00.000Z');
      });

      it('checks the expected version: no_stream, a number, -1, any', async () => {
        const es = await store();
        await es.append('s', events(2), -1);
        const conflict = await expectError(es.append('s', events(1), 'no_stream'), 'CONCURRENCY_CONFLICT');
        expect(conflict).toBeInstanceOf(ConcurrencyError);
        expect((conflict as ConcurrencyError).actualVersion).toBe(1);
        expect(((await expectError(es.append('s', events(1), 0), 'CONCURRENCY_CONFLICT')) as ConcurrencyError).actualVersion).toBe(1);
        expect(((await expectError(es.append('new', events(1), 3), 'CONCURRENCY_CONFLICT')) as ConcurrencyError).actualVersion).toBe(-1);
        expect((await es.append('s', events(1), 'any')).nextExpectedVersion).toBe(2);
        expect((await es.append('s', events(1), 2)).nextExpectedVersion).toBe(3);
        expect(await es.streamVersion('new')).toBe(-1);
      });

      it('an empty append checks the version and writes nothing', async () => {
        const es = await store();
        await es.append('s', events(2), 'no_stream');
        expect(await es.append('s', [], 1)).toMatchObject({ nextExpectedVersion: 1, positions: [], duplicate: false });
        await expectError(es.append('s', [], 0), 'CONCURRENCY_CONFLICT');
        // Positions only promise to increase (EventStoreDB's are byte offsets), so compare with the last event's.
        const last = (await es.readStream('s'))[1]!.globalPosition;
        await visible(es, last);
        expect(await es.headPosition()).toBe(last);
      });

      it('refuses a bad stream id or expected version with INVALID_EVENT', async () => {
        const es = await store();
        await expectError(es.append('', events(1), 'any'), 'INVALID_EVENT');
        for (const bad of [-2, 1.5, Number.NaN, 'latest', null]) {
          await expectError(es.append('s', events(1), bad as never), 'INVALID_EVENT');
        }
        await expectError(es.readStream(''), 'INVALID_EVENT');
        expect(await es.headPosition()).toBe(0);
      });

      it('lets exactly one of two racing writers win; the loser learns the actual version', async () => {
        const es = await store();
        for (let round = 0; round < 5; round++) {
          const stream = `race-${round}`;
          await es.append(stream, events(1), 'no_stream');
          const outcomes = await Promise.allSettled([es.append(stream, events(2, 'A'), 0), es.append(stream, events(3, 'B'), 0)]);
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          const winner = (won[0] as PromiseFulfilledResult<{ nextExpectedVersion: number }>).value;
          expect(lost[0]!.reason).toBeInstanceOf(ConcurrencyError);
          expect((lost[0]!.reason as ConcurrencyError).actualVersion).toBe(winner.nextExpectedVersion);
          const stored = await es.readStream(stream);
          expect(stored).toHaveLength(1 + winner.nextExpectedVersion);
          expect(new Set(stored.slice(1).map((e) => e.type)).size).toBe(1);
        }
      });

      it('keeps ten concurrent writers with expected "any" on one stream gap-free', async () => {
        const es = await store();
        await Promise.all(Array.from({ length: 10 }, (_, i) => es.append('busy', events(3, `W${i}`), 'any')));
        const stored = await es.readStream('busy');
        expect(stored.map((e) => e.streamVersion)).toEqual(Array.from({ length: 30 }, (_, i) => i));
        expectStrictlyIncreasing(stored.map((e) => e.globalPosition));
      });
    });

    describe('idempotent retries', () => {
      it('re-appending the same eventIds is a no-op returning the original result', async () => {
        const es = await store();
        const batch = events(3).map((e, i) => ({ ...e, eventId: `00000000-0000-4000-8000-00000000000${i}` }));
        const original = await es.append('s', batch, 'no_stream');
        await es.append('s', events(1), 2);
        // The expected version no longer matches, yet the retry is recognised.
        const retry = await es.append('s', batch, 'no_stream');
        expect(retry).toEqual({ ...original, duplicate: true });
        expect(await es.streamVersion('s')).toBe(3);
        // A partial overlap is not a retry: refused, nothing written.
        await expectError(es.append('s', [batch[0]!, newEvent('X')], 'any'), 'INVALID_EVENT');
        await expectError(es.append('s', [newEvent('X'), batch[1]!], 'any'), 'INVALID_EVENT');
        await expectError(es.append('other', batch, 'any'), 'INVALID_EVENT');
        expect(await es.streamVersion('s')).toBe(3);
        expect(await es.streamVersion('other')).toBe(-1);
        await expectError(es.append('s', [batch[0]!, batch[0]!], 'any'), 'INVALID_EVENT');
      });

      it('an append retrying a stored command (same stream, type, actor, payload) is a no-op returning the original result', async () => {
        const es = await store();
        const original = await es.append('s', command('cmd-1'), 'no_stream');
        await es.append('s', events(1), 'any');
        // The expected version no longer matches, yet the retry is recognised.
        const retry = await es.append('s', command('cmd-1'), 'no_stream');
        expect(retry).toEqual({ ...original, duplicate: true });
        expect(await es.streamVersion('s')).toBe(2);
      });

      it('a commandId reused by another command is refused with COMMAND_ID_REUSED naming what differs; nothing is appended', async () => {
        const es = await store();
        await es.append('t', events(1), 'no_stream');
        const original = await es.append('s', command('cmd-k'), 'no_stream');
        await visible(es, original.positions.at(-1)!);
        const head = await es.headPosition();
        const cases: [string, NewEvent[], string[]][] = [
          ['t', command('cmd-k'), ['stream']],
          ['s', command('cmd-k', { commandType: 'CancelSession' }), ['type']],
          ['s', command('cmd-k', { actor: 'op-b' }), ['actor']],
          ['s', command('cmd-k', { payloadHash: 'sha256:other' }), ['payload']],
          ['t', command('cmd-k', { actor: 'op-b', payloadHash: 'sha256:other' }), ['stream', 'actor', 'payload']],
          [
            'u',
            command('cmd-k', { commandType: 'CancelSession', actor: 'op-b', payloadHash: 'sha256:other' }),
            ['stream', 'type', 'actor', 'payload'],
          ],
        ];
        for (const [stream, reused, differs] of cases) {
          for (const expected of ['any', 'no_stream', 0] as const) {
            const error = await expectError(es.append(stream, reused, expected), 'COMMAND_ID_REUSED');
            expect(error.details).toEqual({ commandId: 'cmd-k', differs });
          }
        }
        expect(await es.headPosition()).toBe(head);
        expect(await es.streamVersion('t')).toBe(0);
        expect(await es.streamVersion('u')).toBe(-1);
        expect(await es.streamVersion('s')).toBe(1);
        // The true retry is still recognised after the refusals.
        expect(await es.append('s', command('cmd-k'), 'any')).toEqual({ ...original, duplicate: true });
      });

      it('a command recorded before fingerprints existed is matched on what it carries: stream and actor', async () => {
        const es = await store();
        const legacy = events(1).map((e) => ({ ...e, metadata: { ...e.metadata, actor: 'op-a', commandId: 'cmd-old' } }));
        const original = await es.append('s', legacy, 'no_stream');
        expect(await es.append('s', command('cmd-old'), 'any')).toEqual({ ...original, duplicate: true });
        expect(
          (await expectError(es.append('s', command('cmd-old', { actor: 'op-b' }), 'any'), 'COMMAND_ID_REUSED')).details,
        ).toMatchObject({ differs: ['actor'] });
        expect((await expectError(es.append('t', command('cmd-old'), 'any'), 'COMMAND_ID_REUSED')).details).toMatchObject({
          differs: ['stream'],
        });
        expect(await es.streamVersion('s')).toBe(0);
      });

      it('refuses a commandType or payloadHash that is not a non-empty string', async () => {
        const es = await store();
        for (const bad of [{ commandType: '' }, { commandType: 7 }, { payloadHash: '' }, { payloadHash: {} }]) {
          await expectError(es.append('s', command('cmd-bad', bad as Partial<NewEvent['metadata']>), 'any'), 'INVALID_EVENT');
        }
        expect(await es.headPosition()).toBe(0);
      });

      it('findCommand answers the append that executed a commandId: stream, versions, ids, positions, first metadata; null when unknown', async () => {
        const es = await store();
        expect(await es.findCommand('cmd-f')).toBeNull();
        await es.append('s', events(1), 'no_stream');
        const original = await es.append('s', command('cmd-f', {}, 3), 0);
        await es.append('s', events(1), 'any');
        await expectError(es.append('t', command('cmd-f'), 'any'), 'COMMAND_ID_REUSED');
        const found = await es.findCommand('cmd-f');
        expect(found).toEqual({
          commandId: 'cmd-f',
          streamId: 's',
          firstVersion: 1,
          lastVersion: 3,
          eventIds: original.eventIds,
          positions: original.positions,
          metadata: expect.objectContaining({ actor: 'op-a', commandId: 'cmd-f', commandType: 'RecordSession', payloadHash: 'sha256:one' }),
        });
        expect(await es.findCommand('cmd-unknown')).toBeNull();
      });

      it('concurrent retries of one command write it once, whatever version they expect', async () => {
        const es = await store();
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) => es.append('s', command('cmd-race'), i % 2 === 0 ? 'no_stream' : 'any')),
        );
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        const original = results.find((r) => !r.duplicate)!;
        for (const r of results) expect(r).toEqual({ ...original, duplicate: r.duplicate });
        expect(await es.streamVersion('s')).toBe(1);
        await visible(es, original.positions[1]!);
        expect(await es.headPosition()).toBe(original.positions[1]);
      });

      it('concurrent appends of one commandId to two streams: one is written, its twins answer it, the others are refused', async () => {
        const es = await store();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) => es.append(`s-${i % 2}`, command('cmd-split'), 'any')),
        );
        const written = outcomes.flatMap((o) => (o.status === 'fulfilled' && !o.value.duplicate ? [o.value] : []));
        expect(written).toHaveLength(1);
        const winner = written[0]!;
        outcomes.forEach((outcome, i) => {
          if (`s-${i % 2}` === winner.streamId) {
            expect(outcome).toMatchObject({ status: 'fulfilled', value: { positions: winner.positions } });
          } else {
            expect(outcome.status).toBe('rejected');
            const reason = (outcome as PromiseRejectedResult).reason as EventStoreError;
            expect(reason).toBeInstanceOf(EventStoreError);
            expect(reason.code).toBe('COMMAND_ID_REUSED');
            expect(reason.details).toEqual({ commandId: 'cmd-split', differs: ['stream'] });
          }
        });
        expect(await es.streamVersion(winner.streamId === 's-0' ? 's-1' : 's-0')).toBe(-1);
        await visible(es, winner.positions[1]!);
        expect(await es.headPosition()).toBe(winner.positions[1]);
      });
    });

    it('reads a stream as known at a recordedAt instant (fake clock)', async () => {
      const clock = new FakeClock('2026-09-01T00:00:00.000Z');
      const es = await store({ clock });
      await es.append('p', events(2), 'no_stream');
      clock.set('2026-10-01T00:00:00.000Z');
      await es.append('p', events(1), 1);
      clock.set('2026-11-01T00:00:00.000Z');
      await es.append('p', events(1), 2);
      expect((await es.readStream('p', { recordedUpTo: '2026-08-31T23:59:59.999Z' })).length).toBe(0);
      expect((await es.readStream('p', { recordedUpTo: '2026-09-01T00:00:00.000Z' })).length).toBe(2);
      expect((await es.readStream('p', { recordedUpTo: '2026-10-15T00:00:00.000Z' })).map((e) => e.streamVersion)).toEqual([0, 1, 2]);
      expect((await es.readStream('p', { recordedUpTo: '2030-01-01T00:00:00.000Z' })).length).toBe(4);
      expect((await es.readStream('p', { recordedUpTo: '2026-10-15T00:00:00.000Z', fromVersion: 1 })).length).toBe(2);
    });

    describe('the recording instant (R-LIFE-RECEIPT)', () => {
      it('now() is the instant an append made now is recorded at: the store clock, not the caller', async () => {
        const clock = new FakeClock('2026-08-05T21:59:00.000Z');
        const es = await store({ clock });
        expect(es.now()).toBe('2026-08-05T21:59:00.000Z');
        await es.append('p', events(1), 'no_stream');
        clock.advance(30_000);
        expect(es.now()).toBe('2026-08-05T21:59:30.000Z');
        await es.append('p', events(1), 0);
        expect((await es.readStream('p')).map((e) => e.recordedAt)).toEqual(['2026-08-05T21:59:00.000Z', '2026-08-05T21:59:30.000Z']);
      });

      it('recordedNotAfter: an append the store would record later is refused, nothing written; up to it, it is recorded', async () => {
        const clock = new FakeClock('2026-08-05T21:59:59.999Z');
        const es = await store({ clock });
        const endOfDay = '2026-08-05T21:59:59.999Z';
        const first = await es.append('p', events(1), 'no_stream', { recordedNotAfter: endOfDay });
        clock.advance(1);
        const refused = await expectError(es.append('p', events(1), 0, { recordedNotAfter: endOfDay }), 'RECORDED_TOO_LATE');
        expect(refused).toBeInstanceOf(RecordedTooLateError);
        expect(refused.details).toEqual({ recordedAt: '2026-08-05T22:00:00.000Z', recordedNotAfter: endOfDay });
        expect(await es.streamVersion('p')).toBe(0);
        await visible(es, first.positions[0]!);
        expect(await es.headPosition()).toBe(first.positions[0]);
        await expectError(es.append('p', events(1), 0, { recordedNotAfter: 'tomorrow' }), 'INVALID_EVENT');
      });
    });

    describe('the global log', () => {
      // 100 streams × 100 events = 10 000, types alternating, two stream families.
      async function fill(es: EventStore): Promise<number[]> {
        const positions: number[] = [];
        for (let s = 0; s < 100; s++) {
          const family = s % 4 === 0 ? 'beta' : 'alpha';
          const batch = Array.from({ length: 100 }, (_, i) => newEvent(i % 3 === 0 ? 'Rare' : 'Common', { s, i }));
          positions.push(...(await es.append(`${family}-${s}`, batch, 'no_stream')).positions);
        }
        return positions;
      }

      it('pages across 10 000 events in global order, with type and stream-prefix filters', async () => {
        const es = await store();
        const written = await fill(es);
        expect(written).toHaveLength(10_000);

        const all = await collect(es.readAll());
        expect(all.map((e) => e.globalPosition)).toEqual(written);
        expect((await collect(es.readAll({ pageSize: 333 }))).map((e) => e.globalPosition)).toEqual(written);
        expect((await collect(es.readAll({ after: written[4999]!, limit: 1500, pageSize: 400 }))).map((e) => e.globalPosition)).toEqual(
          written.slice(5000, 6500),
        );

        const byPages: number[] = [];
        let after = 0;
        let pages = 0;
        for (;;) {
          const page = await es.readAllPage({ after, limit: 777 });
          byPages.push(...page.events.map((e) => e.globalPosition));
          after = page.nextAfter;
          pages++;
          if (page.isEnd) break;
        }
        expect(byPages).toEqual(written);
        expect(pages).toBe(Math.ceil(10_000 / 777));
        expect(after).toBe(written[written.length - 1]);

        const rare = all.filter((e) => e.type === 'Rare').map((e) => e.globalPosition);
        expect((await collect(es.readAll({ types: ['Rare'], pageSize: 250 }))).map((e) => e.globalPosition)).toEqual(rare);
        const beta = all.filter((e) => e.streamId.startsWith('beta-')).map((e) => e.globalPosition);
        expect((await collect(es.readAll({ streamPrefix: 'beta-', pageSize: 300 }))).map((e) => e.globalPosition)).toEqual(beta);
        const both = all.filter((e) => e.type === 'Rare' && e.streamId.startsWith('beta-')).map((e) => e.globalPosition);
        const filteredPages: number[] = [];
        after = 0;
        for (;;) {
          const page = await es.readAllPage({ after, limit: 100, types: ['Rare'], streamPrefix: 'beta-' });
          filteredPages.push(...page.events.map((e) => e.globalPosition));
          expect(page.nextAfter).toBeGreaterThanOrEqual(after);
          after = page.nextAfter;
          if (page.isEnd) break;
        }
        expect(filteredPages).toEqual(both);
        // A filtered page at the end moves past everything scanned, matched or not.
        expect(after).toBe(written[written.length - 1]);
        expect(await es.readAllPage({ after, types: ['Nothing'] })).toEqual({ events: [], nextAfter: after, isEnd: true });
        expect((await es.readAllPage({ streamPrefix: 'gamma-' })).events).toEqual([]);
        expect((await es.readAllPage({ types: [] })).isEnd).toBe(true);
      }, 60_000);

      it('a subscription catches up then goes live under concurrent appends: nothing lost, nothing twice, in order', async () => {
        const es = await store({ pollIntervalMs: 50 });
        for (let s = 0; s < 10; s++) await es.append(`pre-${s}`, events(50), 'no_stream');
        const subscription = es.subscribe({ pageSize: 64 });
        const filtered = es.subscribe({ after: 0, filter: { streamPrefix: 'live-', types: ['Live'] } });
        const writers = (async () => {
          const results = await Promise.all(
            Array.from({ length: 4 }, async (_, w) => {
              const positions: number[] = [];
              for (let k = 0; k < 25; k++) {
                positions.push(...(await es.append(`live-${w}`, events(5, k % 2 === 0 ? 'Live' : 'Other'), 'any')).positions);
                if (k % 5 === 0) await new Promise((r) => setTimeout(r, 5));
              }
              return positions;
            }),
          );
          return results.flat();
        })();
        const seen: StoredEvent[] = [];
        for await (const event of subscription) {
          seen.push(event);
          if (seen.length === 500 + 500) break;
        }
        const livePositions = await writers;
        expect(seen.map((e) => e.globalPosition)).toEqual([...seen.map((e) => e.globalPosition)].sort((a, b) => a - b));
        expectStrictlyIncreasing(seen.map((e) => e.globalPosition));
        const all = (await collect(es.readAll())).map((e) => e.globalPosition);
        expect(seen.map((e) => e.globalPosition)).toEqual(all);
        expect(livePositions.every((p) => all.includes(p))).toBe(true);

        const expectedFiltered = (await collect(es.readAll({ streamPrefix: 'live-', types: ['Live'] }))).map((e) => e.globalPosition);
        const got: number[] = [];
        for await (const event of filtered) {
          got.push(event.globalPosition);
          if (got.length === expectedFiltered.length) break;
        }
        expect(got).toEqual(expectedFiltered);
      }, 30_000);

      it('a live subscription wakes on a new append, resumes after a position, and ends on close()', async () => {
        const es = await store({ pollIntervalMs: 10_000 });
        const first = await es.append('s', events(3), 'no_stream');
        const subscription = es.subscribe({ after: first.positions[1]! });
        const iterator = subscription[Symbol.asyncIterator]();
        expect((await iterator.next()).value).toMatchObject({ streamVersion: 2 });
        const next = iterator.next();
        const started = Date.now();
        await es.append('s', events(1), 2);
        // Woken by the store's own notification, well before the 10 s poll.
        expect((await next).value).toMatchObject({ streamVersion: 3 });
        expect(Date.now() - started).toBeLessThan(5_000);
        const pending = iterator.next();
        await subscription.close();
        expect((await pending).done).toBe(true);
      });
    });

    describe('payloads', () => {
      it('round-trips unicode: emoji, accents, NUL, quotes and backslashes', async () => {
        const es = await store();
        const data = {
          text: 'Élève à l’école — naïve café 😀👩🏽‍🏫 日本語',
          nul: 'before\u0000after',
          escapes: '"quoted" \\ back\\slash \n\t',
          nested: [{ 'clé 🔑': 'valeur' }, null, true, 0.1, -0, 1e21],
        };
        await es.append('unicode-é-😀', [newEvent('Unicode', data, { actor: 'Zoë 🧑‍💼' })], 'no_stream');
        const [read] = await es.readStream('unicode-é-😀');
        expect(read!.data).toEqual(JSON.parse(JSON.stringify(data)));
        expect(read!.metadata.actor).toBe('Zoë 🧑‍💼');
        expect((await collect(es.readAll()))[0]!.data).toEqual(JSON.parse(JSON.stringify(data)));
      });

      it('accepts an event just under the size limit and refuses one byte more (UTF-8 bytes)', async () => {
        const es = await store();
        const metadata = { actor: 'tester', role: 'system' };
        const overhead = Buffer.byteLength(JSON.stringify(metadata)) + Buffer.byteLength(JSON.stringify({ s: '' }));
        // 'é' is two UTF-8 bytes: the limit counts bytes, not characters.
        const fits = { s: 'é'.repeat((1_048_576 - overhead) / 2) };
        const result = await es.append('big', [{ type: 'Big', data: fits, occurredAt: '2026-09-01T00:00:00.000Z', metadata }], 'no_stream');
        expect(result.positions).toHaveLength(1);
        expect((await es.readStream('big'))[0]!.data).toEqual(fits);
        const tooBig = { s: `${fits.s}x` };
        const error = await expectError(
          es.append('big', [newEvent('Small'), { type: 'Big', data: tooBig, occurredAt: '2026-09-01T00:00:00.000Z', metadata }], 'any'),
          'EVENT_TOO_LARGE',
        );
        expect(error.details).toMatchObject({ bytes: 1_048_577, maxEventBytes: 1_048_576 });
        expect(await es.streamVersion('big')).toBe(0);
      });

      it('honours a configured limit', async () => {
        const es = await store({ maxEventBytes: 200 });
        await es.append('s', [newEvent('Ok', { s: 'x'.repeat(100) })], 'any');
        await expectError(es.append('s', [newEvent('Big', { s: 'x'.repeat(200) })], 'any'), 'EVENT_TOO_LARGE');
        expect(await es.streamVersion('s')).toBe(0);
      });

      it('refuses data JSON cannot carry faithfully, writing nothing', async () => {
        const es = await store();
        const cycle: Record<string, unknown> = { a: 1 };
        cycle.self = cycle;
        const bad: unknown[] = [
          { n: 10n },
          { f: () => 1 },
          cycle,
          undefined,
          { x: Number.NaN },
          { x: [1, Number.POSITIVE_INFINITY] },
          { s: Symbol('s') },
          { m: new Map([[1, 2]]) },
          [1, undefined],
          () => 1,
        ];
        for (const data of bad) {
          // Spread, not newEvent(type, data): a default parameter would replace `undefined`.
          await expectError(es.append('s', [newEvent('Ok'), { ...newEvent('Bad'), data }], 'any'), 'INVALID_EVENT');
        }
        await expectError(es.append('s', [newEvent('Bad', {}, { causationId: (() => 1) as never })], 'any'), 'INVALID_EVENT');
        await expectError(es.append('s', [{ ...newEvent('Bad'), type: '' }], 'any'), 'INVALID_EVENT');
        await expectError(es.append('s', [{ ...newEvent('Bad'), occurredAt: 'yesterday' }], 'any'), 'INVALID_EVENT');
        await expectError(es.append('s', [{ ...newEvent('Bad'), schemaVersion: 0 }], 'any'), 'INVALID_EVENT');
        await expectError(es.append('s', [{ ...newEvent('Bad'), metadata: null as never }], 'any'), 'INVALID_EVENT');
        expect(await es.streamVersion('s')).toBe(-1);
        expect(await es.headPosition()).toBe(0);
        expect(await collect(es.readAll())).toEqual([]);
        // Absent properties are simply absent, as in any JSON view of the object.
        await es.append('s', [newEvent('Ok', { kept: 1, dropped: undefined, at: new Date('2026-01-01T00:00:00.000Z') })], 'any');
        expect((await es.readStream('s'))[0]!.data).toEqual({ kept: 1, at: '2026-01-01T00:00:00.000Z' });
      });
    });

    describe('upcasting at read time', () => {
      const upcasters: Upcaster[] = [
        {
          type: 'Enrolled',
          fromSchemaVersion: 1,
          upcast: (e) => ({ ...e, schemaVersion: 2, data: { ...(e.data as object), school: 'unknown' } }),
        },
        {
          type: 'Enrolled',
          fromSchemaVersion: 2,
          upcast: (e) => ({ ...e, type: 'ChildEnrolled', schemaVersion: 1, data: { ...(e.data as object), v3: true } }),
        },
      ];

      it('applies the chain in readStream, readAll, readAllPage and subscribe; newer events pass untouched', async () => {
        const es = await store({ upcasters });
        await es.append(
          'c',
          [
            { ...newEvent('Enrolled', { child: 'a' }) },
            { ...newEvent('Enrolled', { child: 'b', school: 'X' }), schemaVersion: 2 },
            newEvent('Other', { y: 1 }),
          ],
          'no_stream',
        );
        const expected = [
          { type: 'ChildEnrolled', schemaVersion: 1, data: { child: 'a', school: 'unknown', v3: true } },
          { type: 'ChildEnrolled', schemaVersion: 1, data: { child: 'b', school: 'X', v3: true } },
          { type: 'Other', schemaVersion: 1, data: { y: 1 } },
        ];
        expect(await es.readStream('c')).toMatchObject(expected);
        expect(await collect(es.readAll())).toMatchObject(expected);
        expect((await es.readAllPage()).events).toMatchObject(expected);
        const subscription = es.subscribe();
        const seen: StoredEvent[] = [];
        for await (const event of subscription) {
          seen.push(event);
          if (seen.length === 3) break;
        }
        expect(seen).toMatchObject(expected);
      });

      it('leaves stored events as written (a store without the upcasters reads them raw)', async () => {
        const plain = await store();
        await plain.append('c', [newEvent('Enrolled', { child: 'a' })], 'no_stream');
        expect((await plain.readStream('c'))[0]).toMatchObject({ type: 'Enrolled', schemaVersion: 1, data: { child: 'a' } });
      });

      it('refuses an upcaster that does not move the version', async () => {
        const es = await store({ upcasters: [{ type: 'Loop', fromSchemaVersion: 1, upcast: (e) => e }] });
        await es.append('l', [newEvent('Loop')], 'no_stream');
        await expectError(es.readStream('l'), 'INVALID_EVENT');
      });
    });

    describe('restore from an export', () => {
      it('keeps the original recordedAt and marks metadata.restored', async () => {
        const clock = new FakeClock('2027-01-01T00:00:00.000Z');
        const es = await store({ clock });
        const batch = [
          { ...newEvent('Old', { a: 1 }), eventId: '11111111-1111-4111-8111-111111111111' },
          { ...newEvent('Old', { a: 2 }), eventId: '22222222-2222-4222-8222-222222222222' },
        ];
        const restoreRecordedAt = new Map([
          ['11111111-1111-4111-8111-111111111111', '2025-03-01T10:00:00.000Z'],
          ['22222222-2222-4222-8222-222222222222', '2025-03-02T10:00:00.000Z'],
        ]);
        await es.append('r', batch, 'no_stream', { restoreRecordedAt });
        const read = await es.readStream('r');
        expect(read.map((e) => e.recordedAt)).toEqual(['2025-03-01T10:00:00.000Z', '2025-03-02T10:00:00.000Z']);
        expect(read.every((e) => e.metadata.restored === true)).toBe(true);
        expect(read.map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId));
        // Without the restore option, recordedAt comes from the clock and nobody may claim "restored".
        await es.append('r', [newEvent('New')], 1);
        expect((await es.readStream('r'))[2]).toMatchObject({ recordedAt: '2027-01-01T00:00:00.000Z' });
        expect((await es.readStream('r'))[2]!.metadata.restored).toBeUndefined();
        await expectError(es.append('r', [newEvent('Fake', {}, { restored: true })], 'any'), 'INVALID_EVENT');
        await expectError(es.append('r', [newEvent('NoId')], 'any', { restoreRecordedAt }), 'INVALID_EVENT');
        expect(await es.streamVersion('r')).toBe(2);
      });
    });

    tamperEvidenceContract(store);

    it('refuses calls after close()', async () => {
      const es = await factory();
      await es.close();
      await expectError(es.readStream('s'), 'STORE_UNAVAILABLE');
      await expectError(es.append('s', events(1), 'any'), 'STORE_UNAVAILABLE');
      await es.close();
    });
  });
}
