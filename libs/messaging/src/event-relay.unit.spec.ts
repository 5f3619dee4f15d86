import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createEventStore, type EventStore, type NewEvent } from '@clas/event-store';
import { EventRelay, type EventRelayOptions } from './event-relay.js';
import { PersonalDataError } from './personal-data-guard.js';
import { InMemoryRelayCheckpointStore, type RelayCheckpointStore } from './relay-checkpoint.js';
import { SqliteRelayCheckpointStore } from './sqlite-relay-checkpoint-store.js';
import { FakePublisher } from './testing/fake-publisher.js';

const fast = { initialMs: 1, maxMs: 5, factor: 2 };

function event(type: string, data: unknown = {}): NewEvent {
  return { type, data, occurredAt: '2026-09-01T07:00:00.000Z', metadata: { actor: 'tester', role: 'system', caf: '11' } };
}

class RecordingLogger {
  readonly lines: { msg: string; fields: Record<string, unknown>; level: string }[] = [];
  event(msg: string, fields: Record<string, unknown>, level = 'log'): void {
    this.lines.push({ msg, fields, level });
  }
}

describe('EventRelay (SQLite store, fake publisher)', () => {
  const open: EventStore[] = [];
  async function storeWith(streams: number, perStream: number): Promise<EventStore> {
    const store = await createEventStore({ kind: 'sqlite', path: ':memory:', pollIntervalMs: 20 });
    open.push(store);
    // Interleaved appends, so per-key order is not simply global order of one stream.
    for (let i = 0; i < perStream; i++) {
      for (let s = 0; s < streams; s++) await store.append(`project-${s}`, [event('Tick', { s, i })], i - 1);
    }
    return store;
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  function relay(
    store: EventStore,
    publisher: FakePublisher,
    checkpoints: RelayCheckpointStore,
    extra: Partial<EventRelayOptions> = {},
  ): EventRelay {
    return new EventRelay({ store, publisher, checkpoints, batchSize: 7, lingerMs: 5, backoff: fast, ...extra });
  }

  it('publishes every event once, keyed by stream, in per-stream order, with the envelope headers', async () => {
    const store = await storeWith(3, 10);
    const publisher = new FakePublisher();
    const checkpoints = new InMemoryRelayCheckpointStore();
    const running = relay(store, publisher, checkpoints, { topic: 'test.events' });
    const done = running.run();
    await publisher.waitForAcked(30);
    await running.stop();
    await done;

    expect(publisher.acked).toHaveLength(30);
    const first = publisher.acked[0]!;
    const stored = (await store.readStream('project-0'))[0]!;
    expect(first).toEqual({
      topic: 'test.events',
      key: 'project-0',
      value: JSON.stringify(stored),
      headers: {
        type: 'Tick',
        schemaVersion: '1',
        eventId: stored.eventId,
        globalPosition: String(stored.globalPosition),
        occurredAt: stored.occurredAt,
        recordedAt: stored.recordedAt,
        caf: '11',
      },
    });
    for (let s = 0; s < 3; s++) {
      const versions = publisher.acked
        .filter((m) => m.key === `project-${s}`)
        .map((m) => (JSON.parse(m.value) as { streamVersion: number }).streamVersion);
      expect(versions).toEqual(Array.from({ length: 10 }, (_, i) => i));
    }
    expect(Math.max(...publisher.batches)).toBeLessThanOrEqual(7);
    expect(await checkpoints.load('kafka-relay')).toBe(await store.headPosition());
  });

  it('moves the checkpoint only after the broker acknowledged the batch', async () => {
    const store = await storeWith(1, 5);
    const publisher = new FakePublisher();
    let answer!: () => void;
    publisher.gate = new Promise((resolve) => (answer = resolve));
    const checkpoints = new InMemoryRelayCheckpointStore();
    const running = relay(store, publisher, checkpoints);
    const done = running.run();
    while (publisher.attempts === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(checkpoints.saved).toEqual([]);
    publisher.gate = null;
    answer();
    await publisher.waitForAcked(5);
    await running.stop();
    await done;
    expect(checkpoints.saved).toEqual([await store.headPosition()]);
  });

  it('retries a refused batch with backoff, never skipping it, and logs each failure', async () => {
    const store = await storeWith(2, 5);
    const publisher = new FakePublisher();
    publisher.failNext = 4;
    const checkpoints = new InMemoryRelayCheckpointStore();
    const logger = new RecordingLogger();
    const running = relay(store, publisher, checkpoints, { logger });
    const done = running.run();
    await publisher.waitForAcked(10);
    await running.stop();
    await done;
    expect(publisher.acked.map((m) => m.headers.globalPosition)).toEqual((await collectPositions(store)).map(String));
    const failures = logger.lines.filter((l) => l.msg === 'relay.publish_failed');
    expect(failures.map((l) => l.fields.attempt)).toEqual([0, 1, 2, 3]);
    expect(failures.every((l) => l.level === 'warn')).toBe(true);
  });

  it('after a crash between ack and checkpoint, a restart re-sends at most that batch and loses nothing', async () => {
    const store = await storeWith(4, 10);
    const publisher = new FakePublisher();
    const inner = new InMemoryRelayCheckpointStore();
    let saves = 0;
    // The process "dies" while saving its third checkpoint: the broker has the batch, the checkpoint does not.
    const crashing: RelayCheckpointStore = {
      load: (name) => inner.load(name),
      save: async (name, position) => {
        if (++saves === 3) throw new Error('killed');
        await inner.save(name, position);
      },
      close: async () => undefined,
    };
    await expect(relay(store, publisher, crashing).run()).rejects.toThrow('killed');
    const beforeRestart = publisher.acked.length;
    expect(beforeRestart).toBe(21);

    await store.append('project-9', [event('AfterRestart')], 'no_stream');
    const restarted = relay(store, publisher, inner);
    const done = restarted.run();
    await publisher.waitForAcked(beforeRestart + 41 - 14);
    await restarted.stop();
    await done;

    const ids = publisher.acked.map((m) => m.headers.eventId!);
    const all = await collectIds(store);
    expect(new Set(ids)).toEqual(new Set(all));
    // Duplicates: exactly the unacknowledged-checkpoint batch (7 events), nothing more.
    expect(ids.length - new Set(ids).size).toBe(7);
    expect(await inner.load('kafka-relay')).toBe(await store.headPosition());
  });

  it('refuses, logs and stops at an event carrying personal data; what came before is published', async () => {
    const store = await storeWith(1, 3);
    await store.append(
      'operator-1',
      [event('OperatorRegistered', { operatorId: 'o-1', Email: 'x@example.org', phone: '0102' })],
      'no_stream',
    );
    await store.append('project-0', [event('Tick')], 2);
    const publisher = new FakePublisher();
    const checkpoints = new InMemoryRelayCheckpointStore();
    const logger = new RecordingLogger();
    const error = await relay(store, publisher, checkpoints, { logger })
      .run()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PersonalDataError);
    expect((error as PersonalDataError).fields).toEqual(['Email', 'phone']);
    expect(publisher.acked.map((m) => m.headers.type)).toEqual(['Tick', 'Tick', 'Tick']);
    expect(await checkpoints.load('kafka-relay')).toBe((await store.readStream('project-0'))[2]!.globalPosition);
    expect(logger.lines.find((l) => l.msg === 'relay.refused')).toMatchObject({
      level: 'error',
      fields: { streamId: 'operator-1', fields: ['Email', 'phone'] },
    });
    expect(JSON.stringify(logger.lines)).not.toContain('x@example.org');
    // A custom list replaces the default one.
    const lenient = new FakePublisher();
    const rerun = relay(store, lenient, new InMemoryRelayCheckpointStore(), { forbiddenFields: ['nir'] });
    const done = rerun.run();
    await lenient.waitForAcked(5);
    await rerun.stop();
    await done;
  });

  it('goes live: events appended while running are published', async () => {
    const store = await storeWith(1, 1);
    const publisher = new FakePublisher();
    const running = relay(store, publisher, new InMemoryRelayCheckpointStore());
    const done = running.run();
    await publisher.waitForAcked(1);
    await store.append('project-0', [event('Late')], 0);
    await publisher.waitForAcked(2);
    expect(publisher.acked[1]!.headers.type).toBe('Late');
    await running.stop();
    await done;
  });
});

describe('SqliteRelayCheckpointStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clas-relay-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one position per relay name across reopen', async () => {
    const path = join(dir, 'nested', 'checkpoint.sqlite');
    const first = new SqliteRelayCheckpointStore(path);
    expect(await first.load('kafka-relay')).toBe(0);
    await first.save('kafka-relay', 42);
    await first.save('kafka-relay', 4_503_599_627_370_496);
    await first.save('other', 7);
    await first.close();
    const reopened = new SqliteRelayCheckpointStore(path);
    expect(await reopened.load('kafka-relay')).toBe(4_503_599_627_370_496);
    expect(await reopened.load('other')).toBe(7);
    await reopened.close();
  });
});

async function collectPositions(store: EventStore): Promise<number[]> {
  const out: number[] = [];
  for await (const e of store.readAll()) out.push(e.globalPosition);
  return out;
}

async function collectIds(store: EventStore): Promise<string[]> {
  const out: string[] = [];
  for await (const e of store.readAll()) out.push(e.eventId);
  return out;
}
