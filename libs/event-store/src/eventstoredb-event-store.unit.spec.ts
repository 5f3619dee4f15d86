import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from './envelope.js';
import { ConcurrencyError, type EventStoreError } from './errors.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { commandEventId } from './eventstoredb-mapping.js';
import { commandKey } from './eventstoredb-idempotency.js';
import { eventStoreContract, newEvent } from './testing/event-store.contract.js';
import { FakeEventStoreDbClient } from './testing/fake-eventstoredb-client.js';

// The whole port contract, through the adapter, over an in-memory EventStoreDB stand-in —
// one shared "server", each store in its own namespace, exactly as the int spec runs it
// against a real server (eventstoredb-event-store.int.spec.ts).
const sharedServer = new FakeEventStoreDbClient();
let namespaces = 0;
eventStoreContract(
  'eventstoredb (fake client, namespaced)',
  async (options) => new EventStoreDbEventStore(sharedServer, { ...options, streamNamespace: `contract-${namespaces++}.` }),
);

const fastBackoff = { initialMs: 1, maxMs: 4, factor: 2 };

async function take(iterator: AsyncIterator<StoredEvent>, count: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  while (out.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describe('EventStoreDbEventStore over a fake client', () => {
  it('resubscribes after a drop mid-stream, from the last delivered position: nothing lost, nothing twice', async () => {
    const client = new FakeEventStoreDbClient();
    const drops: number[] = [];
    const store = new EventStoreDbEventStore(client, {
      resubscribeBackoff: fastBackoff,
      onSubscriptionDropped: (_e, attempt) => drops.push(attempt),
    });
    for (let s = 0; s < 5; s++)
      await store.append(
        `p-${s}`,
        Array.from({ length: 10 }, (_, i) => newEvent('E', { s, i })),
        'no_stream',
      );
    const subscription = store.subscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    const seen = await take(iterator, 17);
    client.dropSubscriptions();
    // Written while the subscription is down: must arrive after the resubscription.
    await store.append('p-9', [newEvent('AfterDrop')], 'no_stream');
    seen.push(...(await take(iterator, 34)));
    const after = iterator.next();
    client.dropSubscriptions();
    client.dropSubscriptions();
    await store.append('p-9', [newEvent('Live')], 0);
    seen.push((await after).value as StoredEvent);

    const all: number[] = [];
    for await (const event of store.readAll()) all.push(event.globalPosition);
    expect(seen.map((e) => e.globalPosition)).toEqual(all);
    expect(seen.at(-1)).toMatchObject({ type: 'Live' });
    expect(drops.length).toBeGreaterThanOrEqual(2);
    expect(client.subscriptionsOpened).toBeGreaterThanOrEqual(3);
    await subscription.close();
    expect(client.openSubscriptions).toBe(0);
    await store.close();
  });

  it('drops what a server re-delivers at the resubscription point (at-least-once start)', async () => {
    const client = new FakeEventStoreDbClient();
    client.redeliverStart = true;
    const store = new EventStoreDbEventStore(client, { resubscribeBackoff: fastBackoff });
    await store.append(
      's',
      Array.from({ length: 6 }, () => newEvent('E')),
      'no_stream',
    );
    const subscription = store.subscribe({ after: (await store.readStream('s'))[1]!.globalPosition });
    const iterator = subscription[Symbol.asyncIterator]();
    const first = await take(iterator, 2);
    client.dropSubscriptions();
    const rest = await take(iterator, 2);
    expect([...first, ...rest].map((e) => e.streamVersion)).toEqual([2, 3, 4, 5]);
    await subscription.close();
    await store.close();
  });

  it('keeps retrying with growing delays while the server stays away, then resumes', async () => {
    const client = new FakeEventStoreDbClient();
    const delays: number[] = [];
    const store = new EventStoreDbEventStore(client, {
      resubscribeBackoff: { initialMs: 2, maxMs: 16, factor: 2 },
      onSubscriptionDropped: (_e, _a, d) => delays.push(d),
    });
    await store.append('s', [newEvent('A')], 'no_stream');
    const subscription = store.subscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    await take(iterator, 1);
    const pending = iterator.next();
    client.unreachable = true;
    client.dropSubscriptions();
    await new Promise((resolve) => setTimeout(resolve, 80));
    client.unreachable = false;
    await store.append('s', [newEvent('B')], 0);
    expect((await pending).value).toMatchObject({ type: 'B' });
    expect(delays.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...delays)).toBeLessThanOrEqual(16);
    expect(delays[2]!).toBeGreaterThanOrEqual(4);
    await subscription.close();
    await store.close();
  });

  it('maps expected versions to revisions and reports the actual version of a conflict', async () => {
    const store = new EventStoreDbEventStore(new FakeEventStoreDbClient());
    await store.append('s', [newEvent('A'), newEvent('B')], 'no_stream');
    const conflict = await store.append('s', [newEvent('C')], 5).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ConcurrencyError);
    expect((conflict as ConcurrencyError).actualVersion).toBe(1);
    expect(((await store.append('t', [newEvent('C')], 0).catch((e: unknown) => e)) as ConcurrencyError).actualVersion).toBe(-1);
    await store.close();
  });

  it('gives command events deterministic ids, so EventStoreDB itself sees a retried write as a duplicate', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    const command = [newEvent('A', {}, { commandId: 'cmd-7' }), newEvent('B', {}, { commandId: 'cmd-7' })];
    const result = await store.append('s', command, 'no_stream');
    expect(result.eventIds).toEqual([commandEventId('cmd-7', 0), commandEventId('cmd-7', 1)]);
    // The raw write, as a crashed holder's retry would send it: ESDB answers success, writes nothing.
    const raw = (await client.readStream('s', { from: 'start', maxCount: 10, direction: 'forwards' })).map((e) => ({
      id: e.id,
      type: e.type,
      data: e.data,
      metadata: e.metadata,
    }));
    await client.append('s', raw, 'no_stream');
    expect(await store.streamVersion('s')).toBe(1);
    await store.close();
  });

  it('settles a reservation abandoned by a crashed writer once its lease is over', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { idempotencyLeaseMs: 50 });
    const key = commandKey('cmd-crashed');
    // A writer reserved the command, then died before appending anything.
    await client.append(
      key.stream,
      [
        {
          id: crypto.randomUUID(),
          type: 'clas.KeyReserved',
          data: { streamId: 's', eventIds: [commandEventId('cmd-crashed', 0)], reservedAt: Date.now() },
          metadata: {},
        },
      ],
      'no_stream',
    );
    const started = Date.now();
    const result = await store.append('s', [newEvent('A', {}, { commandId: 'cmd-crashed' })], 'no_stream');
    expect(result.duplicate).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(await store.streamVersion('s')).toBe(0);
    // And a crashed writer whose events did land: the retry finds them and answers the original.
    const key2 = commandKey('cmd-landed');
    const landed = await store.append('t', [newEvent('B', {}, { commandId: 'other' })], 'no_stream');
    await client.append(
      key2.stream,
      [
        {
          id: crypto.randomUUID(),
          type: 'clas.KeyReserved',
          data: { streamId: 't', eventIds: landed.eventIds, reservedAt: Date.now() - 1_000 },
          metadata: {},
        },
      ],
      'no_stream',
    );
    const retry = await store.append('t', [newEvent('B', {}, { commandId: 'cmd-landed' })], 'any');
    expect(retry).toEqual({ ...landed, duplicate: true });
    await store.close();
  });

  it('findCommand settles a reservation abandoned past its lease, as an append meeting it would', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { idempotencyLeaseMs: 50 });
    const reserve = (commandId: string, streamId: string, eventIds: string[]) =>
      client.append(
        commandKey(commandId).stream,
        [{ id: crypto.randomUUID(), type: 'clas.KeyReserved', data: { streamId, eventIds, reservedAt: Date.now() - 1_000 }, metadata: {} }],
        'no_stream',
      );
    // A crashed holder whose events landed: found, with the first event's metadata.
    const landed = await store.append('t', [newEvent('B', {}, { actor: 'op-a', commandType: 'Do', payloadHash: 'sha256:1' })], 'no_stream');
    await reserve('cmd-landed', 't', landed.eventIds);
    expect(await store.findCommand('cmd-landed')).toEqual({
      commandId: 'cmd-landed',
      streamId: 't',
      firstVersion: 0,
      lastVersion: 0,
      eventIds: landed.eventIds,
      positions: landed.positions,
      metadata: { actor: 'op-a', role: 'system', commandType: 'Do', payloadHash: 'sha256:1' },
    });
    // One whose events never landed: released, so the key is free again.
    await reserve('cmd-lost', 'u', [commandEventId('cmd-lost', 0)]);
    expect(await store.findCommand('cmd-lost')).toBeNull();
    expect((await store.append('u', [newEvent('C', {}, { commandId: 'cmd-lost' })], 'no_stream')).duplicate).toBe(false);
    await store.close();
  });

  it('keeps envelope fields in ESDB metadata and reads events written by other tools', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    await store.append('s', [{ ...newEvent('A', { x: 1 }, { caf: '11', correlationId: 'c' }), schemaVersion: 3 }], 'no_stream');
    const [raw] = await client.readStream('s', { from: 'start', maxCount: 1, direction: 'forwards' });
    expect(raw!.metadata).toMatchObject({
      clas: 1,
      schemaVersion: 3,
      occurredAt: '2026-09-01T07:00:00.000Z',
      metadata: { caf: '11', correlationId: 'c' },
    });
    await client.append('foreign', [{ id: crypto.randomUUID(), type: 'Other', data: { y: 2 }, metadata: { source: 'tool' } }], 'any');
    const [foreign] = await store.readStream('foreign');
    expect(foreign).toMatchObject({ type: 'Other', schemaVersion: 1, data: { y: 2 }, metadata: { actor: 'unknown', role: 'system' } });
    expect(foreign!.recordedAt).toBe(foreign!.occurredAt);
    await store.close();
  });

  it('refuses reserved stream names, non-UUID caller ids, and maps an oversized append', async () => {
    const client = new FakeEventStoreDbClient();
    client.maxAppendBytes = 100;
    const store = new EventStoreDbEventStore(client);
    for (const stream of ['$all', 'clas-idempotency-x']) {
      expect(await store.append(stream, [newEvent('A')], 'any').catch((e: EventStoreError) => e.code)).toBe('INVALID_EVENT');
    }
    expect(await store.append('s', [{ ...newEvent('A'), eventId: 'not-a-uuid' }], 'any').catch((e: EventStoreError) => e.code)).toBe(
      'INVALID_EVENT',
    );
    expect(await store.append('s', [newEvent('A', { s: 'x'.repeat(200) })], 'any').catch((e: EventStoreError) => e.code)).toBe(
      'EVENT_TOO_LARGE',
    );
    await store.close();
  });

  it('skips system and idempotency events in the log and its head', async () => {
    const client = new FakeEventStoreDbClient();
    client.systemEventEvery = 1;
    const store = new EventStoreDbEventStore(client);
    const result = await store.append('s', [newEvent('A', {}, { commandId: 'c1' })], 'no_stream');
    const all: StoredEvent[] = [];
    for await (const event of store.readAll()) all.push(event);
    expect(all.map((e) => e.type)).toEqual(['A']);
    expect(await store.headPosition()).toBe(result.positions[0]);
    await store.close();
  });

  it('reports an unreachable server as STORE_UNAVAILABLE', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    client.unreachable = true;
    expect(await store.ping().catch((e: EventStoreError) => e.code)).toBe('STORE_UNAVAILABLE');
    expect(await store.readStream('s').catch((e: EventStoreError) => e.code)).toBe('STORE_UNAVAILABLE');
    await store.close();
  });
});
