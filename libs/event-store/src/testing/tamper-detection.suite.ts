import { afterEach, describe, expect, it } from '@jest/globals';
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
  /** Writes a row as the store would, but around it (PostgreSQL also needs its transaction id). */
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

    /** 11 sealed events over streams a, b, c, then 4 unsealed ones (a, c, and a new stream d). */
    async function sealedLog(): Promise<TamperTarget & { records: ChainRecord[]; sealedUpTo: number }> {
      const target = await open();
      targets.push(target);
      const clock = new FakeClock('2026-09-01T08:00:00.000Z');
      const es = target.store;
      const event = (type: string, n: number) => ({ type, data: { n, label: 'séance' }, occurredAt: '2026-09-01T07:00:00.000Z', metadata: { actor: 'op-1', role: 'operator' } });
      let n = 0;
      let last = 0;
      for (const [stream, count] of [['a', 3], ['b', 2], ['c', 1], ['a', 1], ['b', 2], ['c', 2]] as const) {
        last = (await es.append(stream, Array.from({ length: count }, () => event(`${stream.toUpperCase()}Happened`, n++)), 'any')).positions.at(-1)!;
      }
      await visible(es, last);
      const sealed = await new LogSealer(es, signer, clock).seal();
      expect(sealed).toMatchObject({ status: 'sealed', events: 11 });
      for (const stream of ['a', 'c', 'd', 'd']) last = (await es.append(stream, [event('Later', n++)], 'any')).positions[0]!;
      await visible(es, last);
      const records = await chainRecords(es);
      expect(records).toHaveLength(15);
      expect(await verify(es)).toMatchObject({ ok: true, events: 15, seals: { checked: 1 }, unsealed: { events: 4 } });
      return { ...target, records, sealedUpTo: sealed.seal!.upTo };
    }

    const at = (records: ChainRecord[], streamId: string, version: number): ChainRecord => records.find((r) => r.streamId === streamId && r.streamVersion === version)!;

    describe('an edited event', () => {
      it('data changed: a hash mismatch at its position, naming its stream', async () => {
        const { store, tamper, records } = await sealedLog();
        const victim = at(records, 'b', 1);
        await tamper.run('UPDATE events SET data = ? WHERE global_position = ?', '{"n":4,"label":"séance annulée"}', victim.globalPosition);
        expect(await verify(store)).toMatchObject({
          ok: false,
          break: { problem: 'hash_mismatch', position: victim.globalPosition, streamId: 'b', streamVersion: 1 },
        });
      });

      it('backdated (recordedAt) after the last seal: still a hash mismatch, from the chain alone', async () => {
        const { store, tamper, records } = await sealedLog();
        const victim = at(records, 'd', 0);
        await tamper.run('UPDATE events SET recorded_at = ? WHERE global_position = ?', '2026-06-30T10:00:00.000Z', victim.globalPosition);
        expect((await verify(store)).break).toMatchObject({ problem: 'hash_mismatch', position: victim.globalPosition, streamId: 'd', streamVersion: 0 });
      });

      it('data changed and its stream re-chained by the editor: the seal covering it breaks', async () => {
        const { store, tamper, records, sealedUpTo } = await sealedLog();
        const victim = at(records, 'a', 1);
        const edited = { ...victim, data: '{"n":1,"label":"rewritten"}' };
        await tamper.run('UPDATE events SET data = ? WHERE global_position = ?', edited.data, victim.globalPosition);
        // The chain has no key: anyone can recompute a stream's hashes after an edit.
        const hasher = new EventHasher();
        let previous = GENESIS_HASH;
        for (const record of records.filter((r) => r.streamId === 'a')) {
          previous = hasher.next(previous, 'a', record.globalPosition === victim.globalPosition ? edited : record);
          await tamper.run('UPDATE events SET hash = ? WHERE global_position = ?', previous, record.globalPosition);
        }
        expect((await verify(store)).break).toMatchObject({ problem: 'seal_mismatch', position: records[0]!.globalPosition, seal: { index: 1, upTo: sealedUpTo } });
      });
    });

    describe('a deleted event', () => {
      it('in the middle of a stream: a version gap at the next event of that stream', async () => {
        const { store, tamper, records } = await sealedLog();
        await tamper.run('DELETE FROM events WHERE global_position = ?', at(records, 'a', 2).globalPosition);
        const next = at(records, 'a', 3);
        expect((await verify(store)).break).toMatchObject({ problem: 'version_gap', position: next.globalPosition, streamId: 'a', streamVersion: 3 });
      });

      it('the last event of a stream, under a seal: the seal no longer matches (one event missing)', async () => {
        const { store, tamper, records } = await sealedLog();
        await tamper.run('DELETE FROM events WHERE global_position = ?', at(records, 'b', 3).globalPosition);
        const summary = await verify(store);
        expect(summary.break).toMatchObject({ problem: 'seal_mismatch', seal: { index: 1 } });
        expect(summary.break!.message).toContain('10 events where the seal signed 11');
      });
    });

    describe('an inserted event', () => {
      it('forged with a made-up hash: a hash mismatch at its position', async () => {
        const { store, tamper, records } = await sealedLog();
        const forged: ChainRecord = { ...at(records, 'c', 3), globalPosition: records.at(-1)!.globalPosition + 1, streamVersion: 4, eventId: '0190f0a0-0000-7000-8000-00000000f0f0', data: '{"n":99}', hash: Buffer.alloc(32, 1) };
        await tamper.insertEvent(forged);
        expect((await verify(store)).break).toMatchObject({ problem: 'hash_mismatch', position: forged.globalPosition, streamId: 'c', streamVersion: 4 });
      });

      it('forged into sealed history with a correct chain hash: the seal covering it breaks', async () => {
        const { store, tamper, records } = await sealedLog();
        // Stream b ends at position p within the sealed range; the forger makes room right after it.
        const last = at(records, 'b', 3);
        const hole = last.globalPosition + 1;
        await tamper.run('UPDATE events SET global_position = -(global_position + 1) WHERE global_position >= ?', hole);
        await tamper.run('UPDATE events SET global_position = -global_position WHERE global_position < 0');
        const fields = { ...last, globalPosition: hole, streamVersion: 4, eventId: '0190f0a0-0000-7000-8000-00000000f0f1', data: '{"n":42,"label":"paid twice"}' };
        await tamper.insertEvent({ ...fields, hash: new EventHasher().next(last.hash!, 'b', fields) });
        expect((await verify(store)).break).toMatchObject({ problem: 'seal_mismatch', seal: { index: 1 } });
      });
    });

    describe('reordered events', () => {
      it('two events of one stream swapped: broken at the first of them, naming the stream', async () => {
        const { store, tamper, records } = await sealedLog();
        const first = at(records, 'a', 0);
        const second = at(records, 'a', 1);
        await tamper.run('UPDATE events SET global_position = ? WHERE global_position = ?', -1, first.globalPosition);
        await tamper.run('UPDATE events SET global_position = ? WHERE global_position = ?', first.globalPosition, second.globalPosition);
        await tamper.run('UPDATE events SET global_position = ? WHERE global_position = ?', second.globalPosition, -1);
        expect((await verify(store)).break).toMatchObject({ problem: 'version_gap', position: first.globalPosition, streamId: 'a', streamVersion: 1 });
      });

      it('two events of different streams swapped: each stream is in order, the seal breaks', async () => {
        const { store, tamper, records } = await sealedLog();
        // c v0 and a v3 are neighbours in the log; swapped, each stream still reads in order.
        const c = at(records, 'c', 0);
        const a = at(records, 'a', 3);
        await tamper.run('UPDATE events SET global_position = ? WHERE global_position = ?', -1, c.globalPosition);
        await tamper.run('UPDATE events SET global_position = ? WHERE global_position = ?', c.globalPosition, a.globalPosition);
        await tamper.run('UPDATE events SET global_position = ? WHERE global_position = ?', a.globalPosition, -1);
        expect((await verify(store)).break).toMatchObject({ problem: 'seal_mismatch', position: records[0]!.globalPosition, seal: { index: 1 } });
      });
    });

    describe('a tampered seal', () => {
      it('a seal edited to cover less: its signature no longer holds', async () => {
        const { store, tamper, sealedUpTo } = await sealedLog();
        await tamper.run('UPDATE seals SET up_to = ?, event_count = ? WHERE seal_index = 1', sealedUpTo - 1, 10);
        expect((await verify(store)).break).toMatchObject({ problem: 'seal_signature', seal: { index: 1 } });
      });

      it('a seal deleted from the middle of the seal chain: the next one does not follow', async () => {
        const { store, tamper } = await sealedLog();
        await new LogSealer(store, signer).seal();
        const more = await store.append('e', [{ type: 'More', data: {}, occurredAt: '2026-09-01T07:00:00.000Z', metadata: { actor: 'op-1', role: 'operator' } }], 'no_stream');
        await visible(store, more.positions[0]!);
        await new LogSealer(store, signer).seal();
        await tamper.run('DELETE FROM seals WHERE seal_index = 2');
        expect((await verify(store)).break).toMatchObject({ problem: 'seal_sequence', seal: { index: 3 } });
      });
    });
  });
}
