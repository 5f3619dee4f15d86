// jest's injected globals, not @jest/globals (which throws when loaded outside jest): a lib's testing
// entry loads in any program, e.g. the fuzz CLI takes its clock and actors from two of them.
import { generateKeyPairSync } from 'node:crypto';
import type { NewEvent } from '../envelope.js';
import type { EventStore, EventStoreOptions } from '../event-store.port.js';
import { EventHasher, GENESIS_HASH } from '../chain-hash.js';
import { LogSealer } from '../log-sealer.js';
import { verifyLog, type VerifiableLog } from '../log-verification.js';
import { SealKeyring, sealSignerFromPem, type SealSigner } from '../seal.js';
import type { ChainRecord } from '../tamper-evidence.port.js';
import { FakeClock } from './fake-clock.js';

/** A fresh Ed25519 seal key, as `clas` generates into the data directory. */
export function testSealSigner(): SealSigner {
  return sealSignerFromPem(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
}

/**
 * Waits until `position` is visible to log readers. PostgreSQL shows only rows below the oldest
 * transaction still open in the whole cluster (postgres-schema.ts), so another session's open
 * transaction delays what a seal or a verification can see.
 */
export async function visible(store: EventStore, position: number): Promise<void> {
  for (let waited = 0; (await store.headPosition()) < position; waited += 20) {
    if (waited > 20_000) throw new Error(`position ${position} still not visible after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function chainRecords(store: EventStore): Promise<ChainRecord[]> {
  const records: ChainRecord[] = [];
  let after = 0;
  for (;;) {
    const page = await store.readChainPage({ after, limit: 250 });
    records.push(...page.records);
    if (page.isEnd) return records;
    after = page.nextAfter;
  }
}

const event = (type: string, data: unknown = {}, metadata: Partial<NewEvent['metadata']> = {}): NewEvent => ({
  type,
  data,
  occurredAt: '2026-09-01T07:00:00.000Z',
  metadata: { actor: 'tester', role: 'system', ...metadata },
});

/**
 * The tamper-evidence part of the port contract (README.md "Tamper evidence"): every event is
 * chained, seals cover the global order, and both survive concurrent writers and sealers.
 * Run inside eventStoreContract, with its store factory (stores closed after each test).
 */
export function tamperEvidenceContract(store: (options?: EventStoreOptions) => Promise<EventStore>): void {
  describe('tamper evidence (hash chains and seals)', () => {
    it('chains every append to the previous one of its stream, and shows the log exactly as readAll does', async () => {
      const es = await store({ clock: new FakeClock('2026-09-01T08:00:00.000Z') });
      await es.append('a', [event('A', { n: 1, text: 'Élève 😀' }), event('A', { n: 2 })], 'no_stream');
      await es.append('b', [event('B', { nested: [1, null, { clé: true }] }, { commandId: 'cmd-b' })], 'no_stream');
      await es.append('a', [{ ...event('A', { n: 3 }), schemaVersion: 2 }], 'any');
      const restored = await es.append(
        'r',
        [{ ...event('Old', { kept: true }), eventId: '33333333-3333-4333-8333-333333333333' }],
        'no_stream',
        { restoreRecordedAt: new Map([['33333333-3333-4333-8333-333333333333', '2025-01-01T00:00:00.000Z']]) },
      );
      await visible(es, restored.positions[0]!);
      const records = await chainRecords(es);
      const events: unknown[] = [];
      for await (const stored of es.readAll()) events.push(stored);
      // The chain view is the log readAll shows, field for field, with the stored JSON text.
      expect(records.map((r) => ({ ...r, hash: undefined, data: JSON.parse(r.data), metadata: JSON.parse(r.metadata) }))).toEqual(
        events.map((e) => ({ ...(e as object), hash: undefined })),
      );
      // One link per append: its last event carries SHA-256(previous append's hash || its events), the others none.
      const hasher = new EventHasher();
      const previous = new Map<string, Buffer>();
      let at = 0;
      for (const [streamId, count] of [
        ['a', 2],
        ['b', 1],
        ['a', 1],
        ['r', 1],
      ] as const) {
        const append = records.slice(at, (at += count));
        const expected = hasher.hashAppend(previous.get(streamId) ?? GENESIS_HASH, streamId, append);
        expect(append.map((r) => r.hash)).toEqual(append.map((_, i) => (i === count - 1 ? expected.toString('hex') : null)));
        previous.set(streamId, expected);
      }
      expect(await es.readChainRecord('a', 1)).toEqual(records[1]);
      expect(await es.readChainRecord('a', 7)).toBeNull();
      const summary = await verifyLog(es, { keyring: null });
      expect(summary).toMatchObject({
        ok: true,
        events: 5,
        streams: 3,
        break: null,
        unsealed: { events: 5, firstPosition: records[0]!.globalPosition },
      });
    });

    it('seals the visible head, checks the seals with the public key, reports the unsealed tail, and resumes from a seal', async () => {
      const es = await store({ clock: new FakeClock('2026-09-01T08:00:00.000Z') });
      const signer = testSealSigner();
      const keyring = new SealKeyring([signer.publicKey]);
      const sealer = new LogSealer(es, signer, new FakeClock('2026-09-02T00:00:00.000Z'));
      expect(await sealer.seal()).toMatchObject({ status: 'up-to-date', seal: null });
      for (let s = 0; s < 5; s++) await es.append(`s-${s}`, [event('E', { s }), event('E', { s, i: 1 })], 'no_stream');
      await visible(es, (await es.readStream('s-4'))[1]!.globalPosition);
      const first = await sealer.seal();
      expect(first).toMatchObject({
        status: 'sealed',
        events: 10,
        seal: { index: 1, upTo: await es.headPosition(), events: 10, keyId: signer.keyId, sealedAt: '2026-09-02T00:00:00.000Z' },
      });
      expect(await sealer.seal()).toMatchObject({ status: 'up-to-date', seal: { index: 1 } });
      await es.append('s-0', [event('E', { late: true })], 1);
      await visible(es, (await es.append('s-9', [event('E')], 'no_stream')).positions[0]!);
      expect(await verifyLog(es, { keyring })).toMatchObject({
        ok: true,
        events: 12,
        seals: { checked: 1, signatures: 'checked', last: { index: 1 } },
        unsealed: { events: 2 },
      });
      const second = await sealer.seal();
      expect(second).toMatchObject({ status: 'sealed', events: 2, seal: { index: 2, events: 12 } });
      expect(await es.readSeals()).toEqual([first.seal, second.seal]);
      expect(await es.lastSeal()).toEqual(second.seal);
      expect(await es.lastSeal({ below: second.seal!.upTo })).toEqual(first.seal);
      expect(await verifyLog(es, { keyring })).toMatchObject({ ok: true, events: 12, seals: { checked: 2 }, unsealed: { events: 0 } });
      // Resuming after seal 1: the streams met again are linked to their sealed events.
      const resumed = await verifyLog(es, { keyring, from: second.seal!.upTo });
      expect(resumed).toMatchObject({ ok: true, after: first.seal!.upTo, events: 2, seals: { checked: 1, resumedFrom: { index: 1 } } });
      const stranger = await verifyLog(es, { keyring: new SealKeyring([testSealSigner().publicKey]) });
      expect(stranger).toMatchObject({ ok: false, break: { problem: 'seal_unknown_key', seal: { index: 1 } } });
    });

    it('lets one of two racing sealers write each seal; the other reports the winner', async () => {
      const es = await store();
      for (let s = 0; s < 3; s++) await visible(es, (await es.append(`s-${s}`, [event('E')], 'no_stream')).positions[0]!);
      // Both sealers have built seal 1 before either stores it: the store alone settles the race.
      let arrived = 0;
      let release: () => void = () => undefined;
      const bothReady = new Promise<void>((resolve) => (release = resolve));
      const racing: VerifiableLog = {
        readChainPage: (options) => es.readChainPage(options),
        readChainRecord: (streamId, version) => es.readChainRecord(streamId, version),
        readSeals: (options) => es.readSeals(options),
        lastSeal: (options) => es.lastSeal(options),
        headPosition: () => es.headPosition(),
        appendSeal: async (seal) => {
          if (++arrived === 2) release();
          await bothReady;
          return es.appendSeal(seal);
        },
      };
      const outcomes = await Promise.all([new LogSealer(racing, testSealSigner()).seal(), new LogSealer(racing, testSealSigner()).seal()]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['sealed', 'sealed-elsewhere']);
      const seals = await es.readSeals();
      expect(seals).toHaveLength(1);
      expect(outcomes.find((o) => o.status === 'sealed-elsewhere')!.seal).toEqual(seals[0]);
      expect(await verifyLog(es, { keyring: null })).toMatchObject({ ok: true, seals: { checked: 1 } });
    });

    it('keeps every chain whole under concurrent writers, on one stream and on many', async () => {
      const es = await store();
      const results = await Promise.all([
        ...Array.from({ length: 8 }, (_, i) => es.append('shared', [event(`W${i}`), event(`W${i}`)], 'any')),
        ...Array.from({ length: 8 }, (_, i) => es.append(`own-${i}`, [event('O', { i })], 'no_stream')),
      ]);
      await visible(es, Math.max(...results.flatMap((r) => r.positions)));
      await new LogSealer(es, testSealSigner()).seal();
      expect(await verifyLog(es, { keyring: null })).toMatchObject({
        ok: true,
        events: 24,
        streams: 9,
        seals: { checked: 1 },
        unsealed: { events: 0 },
      });
    });

    it('never shows seals as events: readAll, pages, the head and subscriptions hold the appended events only', async () => {
      const es = await store();
      const written = (await es.append('s', [event('A'), event('B')], 'no_stream')).positions;
      await visible(es, written[1]!);
      await new LogSealer(es, testSealSigner()).seal();
      const later = (await es.append('t', [event('C')], 'no_stream')).positions;
      await visible(es, later[0]!);
      await new LogSealer(es, testSealSigner()).seal();
      const all: number[] = [];
      for await (const stored of es.readAll()) all.push(stored.globalPosition);
      expect(all).toEqual([...written, ...later]);
      expect(await es.headPosition()).toBe(later[0]);
      expect((await es.readAllPage({ after: later[0]! })).events).toEqual([]);
      const subscription = es.subscribe();
      const seen: string[] = [];
      for await (const stored of subscription) {
        seen.push(stored.type);
        if (seen.length === 3) break;
      }
      expect(seen).toEqual(['A', 'B', 'C']);
    });
  });
}
