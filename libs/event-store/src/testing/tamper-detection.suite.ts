// jest's injected globals, not @jest/globals (which throws when loaded outside jest): a lib's testing
// entry loads in any program, e.g. the fuzz CLI takes its clock and actors from two of them.
import { EventHasher, GENESIS_HASH } from '../chain-hash.js';
import type { EventStore } from '../event-store.port.js';
import { LogSealer } from '../log-sealer.js';
import { verifyLog } from '../log-verification.js';
import { SealKeyring } from '../seal.js';
import type { ChainRecord } from '../tamper-evidence.port.js';
import { FakeClock } from './fake-clock.js';
import { chainRecords, testSealSigner, visible } from './tamper-evidence.contract.js';

/** Direct access to a SQL store's tables, around the store: what an attacker with the database file or a DBA login can do. */
export interface LogTamperer {
  /** One statement on the store's tables (`events`, `seals`), `?` placeholders. */
  run(sql: string, ...params: unknown[]): Promise<void>;
  /** Writes a row as the store would, but around it (hash: hex, stored as bytes; PostgreSQL also needs a transaction id). */
  insertEvent(record: ChainRecord): Promise<void>;
}

export interface TamperTarget {
  store: EventStore;
  tamper: LogTamperer;
  close(): Promise<void>;
}

const signer = testSealSigner();
const keyring = new SealKeyring([signer.publicKey]);
const verify = (store: EventStore) => verifyLog(store, { keyring });

/**
 * Edits of the stored log, made directly in the database, each of which `clas verify` must
 * report with the first broken position and stream (issue 11 §5). Shared by the SQLite and
 * PostgreSQL int specs, which give raw access to their tables.
 */
export function tamperDetectionSuite(name: string, open: () => Promise<TamperTarget>): void {
  describe(`tamper detection: ${name}`, () => {
    const targets: TamperTarget[] = [];
    afterEach(async () => {
      await Promise.all(targets.splice(0).map((t) => t.close()));
    });

    /**
     * Appends [a0 a1 a2] [b0 b1] [c0] [a3] [c1 c2] [b2] at positions 1..10, sealed; then [a4] [c3]
     * [d0] [d1], unsealed (positions are the SQL adapters', from 1).
     */
    async function sealedLog(): Promise<TamperTarget & { records: ChainRecord[]; sealedUpTo: number }> {
      const target = await open();
      targets.push(target);
      const clock = new FakeClock('2026-09-01T08:00:00.000Z');
      const es = target.store;
      const event = (type: string, n: number) => ({
        type,
        data: { n, label: 'séance' },
        occurredAt: '2026-09-01T07:00:00.000Z',
        metadata: { actor: 'op-1', role: 'operator' },
      });
      let n = 0;
      let last = 0;
      const append = async (stream: string, count: number) => {
        last = (
          await es.append(
            stream,
            Array.from({ length: count }, () => event(`${stream.toUpperCase()}Happened`, n++)),
            'any',
          )
        ).positions.at(-1)!;
      };
      for (const [stream, count] of [
        ['a', 3],
        ['b', 2],
        ['c', 1],
        ['a', 1],
        ['c', 2],
        ['b', 1],
      ] as const)
        await append(stream, count);
      await visible(es, last);
      const sealed = await new LogSealer(es, signer, clock).seal();
      expect(sealed).toMatchObject({ status: 'sealed', events: 10, seal: { upTo: 10 } });
      for (const stream of ['a', 'c', 'd', 'd']) await append(stream, 1);
      await visible(es, last);
      const records = await chainRecords(es);
      expect(records.map((r) => r.globalPosition)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      expect(await verify(es)).toMatchObject({ ok: true, events: 14, seals: { checked: 1 }, unsealed: { events: 4 } });
      return { ...target, records, sealedUpTo: sealed.seal!.upTo };
    }

    const at = (records: ChainRecord[], streamId: string, version: number): ChainRecord =>
      records.find((r) => r.streamId === streamId && r.streamVersion === version)!;
    /** Moves the events from `position` on one place up, leaving a free position (as a forger must). */
    const makeRoom = async (tamper: LogTamperer, position: number): Promise<void> => {
      await tamper.run('UPDATE events SET global_position = -(global_position + 1) WHERE global_position >= ?', position);
      await tamper.run('UPDATE events SET global_position = -global_position WHERE global_position < 0');
    };
    const swap = async (tamper: LogTamperer, first: number, second: number): Promise<void> => {
      await tamper.run('UPDATE events SET global_position = ? WHERE global_position = ?', -1, first);
      await tamper.run('UPDATE events SET global_position = ? WHERE global_position = ?', first, second);
      await tamper.run('UPDATE events SET global_position = ? WHERE global_position = ?', second, -1);
    };

    describe('an edited event', () => {
      it('data changed: a hash mismatch at its position, naming its stream', async () => {
        const { store, tamper, records } = await sealedLog();
        const victim = at(records, 'a', 3);
        await tamper.run('UPDATE events SET data = ? WHERE global_position = ?', '{"n":6,"label":"séance annulée"}', victim.globalPosition);
        expect((await verify(store)).break).toMatchObject({
          problem: 'hash_mismatch',
          position: victim.globalPosition,
          streamId: 'a',
          streamVersion: 3,
        });
      });

      it('inside an append of several events: the append holding it is named by its first position', async () => {
        const { store, tamper, records } = await sealedLog();
        await tamper.run('UPDATE events SET type = ? WHERE global_position = ?', 'BCancelled', at(records, 'b', 1).globalPosition);
        const summary = await verify(store);
        expect(summary.break).toMatchObject({
          problem: 'hash_mismatch',
          position: at(records, 'b', 0).globalPosition,
          streamId: 'b',
          streamVersion: 0,
        });
        expect(summary.break!.message).toContain('positions 4..5');
      });

      it('backdated (recordedAt) after the last seal: still a hash mismatch, from the chain alone', async () => {
        const { store, tamper, records } = await sealedLog();
        const victim = at(records, 'd', 0);
        await tamper.run('UPDATE events SET recorded_at = ? WHERE global_position = ?', '2026-06-30T10:00:00.000Z', victim.globalPosition);
        expect((await verify(store)).break).toMatchObject({
          problem: 'hash_mismatch',
          position: victim.globalPosition,
          streamId: 'd',
          streamVersion: 0,
        });
      });

      it('data changed and its stream re-chained by the editor: the seal covering it breaks', async () => {
        const { store, tamper, records, sealedUpTo } = await sealedLog();
        const victim = at(records, 'a', 1);
        const edited = { ...victim, data: '{"n":1,"label":"rewritten"}' };
        await tamper.run('UPDATE events SET data = ? WHERE global_position = ?', edited.data, victim.globalPosition);
        // The chain has no key: anyone can recompute a stream's hashes after an edit (appends: [a0 a1 a2] [a3] [a4]).
        const hasher = new EventHasher();
        let previous = GENESIS_HASH;
        for (const versions of [[0, 1, 2], [3], [4]]) {
          const append = versions.map((v) => (v === 1 ? edited : at(records, 'a', v)));
          previous = hasher.hashAppend(previous, 'a', append);
          await tamper.run('UPDATE events SET hash = ? WHERE global_position = ?', previous, append.at(-1)!.globalPosition);
        }
        expect((await verify(store)).break).toMatchObject({ problem: 'seal_mismatch', position: 1, seal: { index: 1, upTo: sealedUpTo } });
      });
    });

    describe('a deleted event', () => {
      it('an append in the middle of a stream: a version gap at the next event of that stream', async () => {
        const { store, tamper, records } = await sealedLog();
        await tamper.run('DELETE FROM events WHERE global_position = ?', at(records, 'c', 0).globalPosition);
        const next = at(records, 'c', 1);
        expect((await verify(store)).break).toMatchObject({
          problem: 'version_gap',
          position: next.globalPosition,
          streamId: 'c',
          streamVersion: 1,
        });
      });

      it('inside an append: a version gap within it', async () => {
        const { store, tamper, records } = await sealedLog();
        await tamper.run('DELETE FROM events WHERE global_position = ?', at(records, 'a', 1).globalPosition);
        expect((await verify(store)).break).toMatchObject({
          problem: 'version_gap',
          position: at(records, 'a', 2).globalPosition,
          streamId: 'a',
          streamVersion: 2,
        });
      });

      it('the last event of an append: the append ends without its hash, named by its first position', async () => {
        const { store, tamper, records } = await sealedLog();
        await tamper.run('DELETE FROM events WHERE global_position = ?', at(records, 'a', 2).globalPosition);
        expect((await verify(store)).break).toMatchObject({ problem: 'missing_hash', position: 1, streamId: 'a', streamVersion: 0 });
      });

      it('the last event of a stream, under a seal: the seal no longer matches (one event missing)', async () => {
        const { store, tamper, records } = await sealedLog();
        await tamper.run('DELETE FROM events WHERE global_position = ?', at(records, 'b', 2).globalPosition);
        const summary = await verify(store);
        expect(summary.break).toMatchObject({ problem: 'seal_mismatch', position: 1, seal: { index: 1 } });
        expect(summary.break!.message).toContain('9 events where the seal signed 10');
      });
    });

    describe('an inserted event', () => {
      it('forged with a made-up hash: a hash mismatch at its position', async () => {
        const { store, tamper, records } = await sealedLog();
        const forged: ChainRecord = {
          ...at(records, 'c', 3),
          globalPosition: 15,
          streamVersion: 4,
          eventId: '0190f0a0-0000-7000-8000-00000000f0f0',
          data: '{"n":99}',
          hash: 'ab'.repeat(32),
        };
        await tamper.insertEvent(forged);
        expect((await verify(store)).break).toMatchObject({ problem: 'hash_mismatch', position: 15, streamId: 'c', streamVersion: 4 });
      });

      it('forged into sealed history with a correct chain hash: the seal covering it breaks', async () => {
        const { store, tamper, records } = await sealedLog();
        // Between two appends, a new stream: its chain starts from zeros, so the forger gets it right.
        await makeRoom(tamper, 6);
        const fields = {
          ...at(records, 'b', 0),
          globalPosition: 6,
          streamId: 'e',
          streamVersion: 0,
          eventId: '0190f0a0-0000-7000-8000-00000000f0f1',
          data: '{"n":42,"label":"paid twice"}',
        };
        await tamper.insertEvent({ ...fields, hash: new EventHasher().hashAppend(GENESIS_HASH, 'e', [fields]).toString('hex') });
        const summary = await verify(store);
        expect(summary.break).toMatchObject({ problem: 'seal_mismatch', position: 1, seal: { index: 1, upTo: 10 } });
        expect(summary.break!.message).toContain('the same number of events, but not the same ones');
      });
    });

    describe('reordered events', () => {
      it('two events of one stream swapped: broken at the first of them, naming the stream', async () => {
        const { store, tamper } = await sealedLog();
        await swap(tamper, 1, 2);
        expect((await verify(store)).break).toMatchObject({ problem: 'version_gap', position: 1, streamId: 'a', streamVersion: 1 });
      });

      it('two appends of different streams swapped: each stream is in order, the seal breaks', async () => {
        const { store, tamper, records } = await sealedLog();
        // [c0] and [a3] are neighbours in the log; swapped, each stream still reads in order.
        await swap(tamper, at(records, 'c', 0).globalPosition, at(records, 'a', 3).globalPosition);
        expect((await verify(store)).break).toMatchObject({ problem: 'seal_mismatch', position: 1, seal: { index: 1 } });
      });
    });

    describe('a tampered seal', () => {
      it('a seal edited to cover less: its signature no longer holds', async () => {
        const { store, tamper, sealedUpTo } = await sealedLog();
        await tamper.run('UPDATE seals SET up_to = ?, event_count = ? WHERE seal_index = 1', sealedUpTo - 1, 9);
        expect((await verify(store)).break).toMatchObject({ problem: 'seal_signature', seal: { index: 1 } });
      });

      it('a seal deleted from the middle of the seal chain: the next one does not follow', async () => {
        const { store, tamper } = await sealedLog();
        await new LogSealer(store, signer).seal();
        const more = await store.append(
          'e',
          [{ type: 'More', data: {}, occurredAt: '2026-09-01T07:00:00.000Z', metadata: { actor: 'op-1', role: 'operator' } }],
          'no_stream',
        );
        await visible(store, more.positions[0]!);
        await new LogSealer(store, signer).seal();
        await tamper.run('DELETE FROM seals WHERE seal_index = 2');
        expect((await verify(store)).break).toMatchObject({ problem: 'seal_sequence', seal: { index: 3 } });
      });
    });
  });
}
