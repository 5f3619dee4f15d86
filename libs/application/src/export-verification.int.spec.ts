import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EventHasher, GENESIS_HASH, LogSealer, SealKeyring, createEventStore, type EventStore, type NewEvent } from '@clas/event-store';
import { testSealSigner } from '@clas/event-store/testing';
import { verifyExport } from './export-verification.js';
import { chainRecordOf, exportLine, exportLog, restoreLog, type ExportedEvent } from './log-export.js';

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return out;
}

const event = (type: string, data: unknown): NewEvent => ({
  type,
  data,
  occurredAt: '2026-10-05T08:00:00.000Z',
  metadata: { actor: 'op-11', role: 'operator', caf: '11' },
});
const signer = testSealSigner();
const keyring = new SealKeyring([signer.publicKey]);

/**
 * An export checked by a third party with the public key alone (issue 11 §5): no database, the
 * file only. Each edit of the file is reported with the first broken position and stream.
 */
describe('an export carries the chains and the seals: verifiable with the public key alone', () => {
  let store: EventStore;
  let lines: string[];

  beforeEach(async () => {
    store = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    await store.append('project-1', [event('Filed', { amount: 120_000 }), event('Examined', {})], 'no_stream');
    await store.append('collectif-1', [event('Opened', { label: 'Atelier – été' })], 'no_stream');
    await new LogSealer(store, signer).seal();
    await store.append('project-1', [event('Approved', { amount: 90_000 })], 1);
    await store.append('collectif-1', [event('SessionHeld', { minutes: 90 })], 0);
    await new LogSealer(store, signer).seal();
    await store.append('project-1', [event('Paid', { amount: 45_000 })], 2);
    lines = await collect(exportLog(store));
  });
  afterEach(async () => {
    await store.close();
  });

  const positionOf = (line: string): number => (JSON.parse(line) as { globalPosition: number }).globalPosition;
  const verify = (file: string[], ring = keyring) => verifyExport(file, { keyring: ring });

  it('writes each seal right after the event at its upTo; the intact file verifies, its unsealed tail is reported', async () => {
    expect(
      lines.map((l) => ('seal' in JSON.parse(l) ? `seal ${(JSON.parse(l) as { seal: { index: number } }).seal.index}` : positionOf(l))),
    ).toEqual([1, 2, 3, 'seal 1', 4, 5, 'seal 2', 6]);
    expect(await verify(lines)).toMatchObject({
      ok: true,
      events: 6,
      streams: 2,
      seals: { checked: 2, signatures: 'checked', last: { index: 2, upTo: 5, events: 5 } },
      unsealed: { events: 1, firstPosition: 6, lastPosition: 6 },
      break: null,
    });
  });

  it('an edited event: hash mismatch at its position and stream', async () => {
    const edited = lines.map((l) => (l.includes('"Approved"') ? l.replace('90000', '190000') : l));
    expect((await verify(edited)).break).toMatchObject({ problem: 'hash_mismatch', position: 4, streamId: 'project-1', streamVersion: 2 });
  });

  it('a deleted event line: a version gap at the next event of its stream, or the seal covering it', async () => {
    const deleted = lines.filter((l) => !l.includes('"Filed"'));
    expect((await verify(deleted)).break).toMatchObject({ problem: 'version_gap', position: 2, streamId: 'project-1', streamVersion: 1 });
    // The last event of a two-event append, which carries the append's hash: the append ends without it.
    const inAppend = lines.filter((l) => !l.includes('"Examined"'));
    expect((await verify(inAppend)).break).toMatchObject({ problem: 'missing_hash', position: 1, streamId: 'project-1', streamVersion: 0 });
    // The last event of a stream has no successor to reveal it: the seal does (4 events where it signed 5).
    const lastOfStream = lines.filter((l) => !l.includes('"SessionHeld"'));
    const summary = await verify(lastOfStream);
    expect(summary.break).toMatchObject({ problem: 'seal_mismatch', position: 4, seal: { index: 2, upTo: 5 } });
    expect(summary.break!.message).toContain('4 events where the seal signed 5');
  });

  it('an inserted event line, chained correctly and renumbered: the seal covering it breaks', async () => {
    // A new stream needs no previous hash: the forger computes a perfect chain for it.
    const template = chainRecordOf(JSON.parse(lines[0]!) as ExportedEvent);
    const fields = {
      ...template,
      globalPosition: 4,
      streamId: 'project-9',
      streamVersion: 0,
      eventId: 'forged',
      data: '{"amount":1000000}',
    };
    const forged = exportLine({ ...fields, hash: new EventHasher().hashAppend(GENESIS_HASH, 'project-9', [fields]).toString('hex') });
    const shifted = (line: string) => line.replace(/^\{"globalPosition":(\d+)/, (_, p: string) => `{"globalPosition":${Number(p) + 1}`);
    // Events 4 and 5 become 5 and 6; seal 2 (up to 5) stays right after the event now numbered 5.
    const file = [...lines.slice(0, 4), forged, shifted(lines[4]!), lines[6]!, shifted(lines[5]!), shifted(lines[7]!)];
    expect(file.map((l) => ('seal' in JSON.parse(l) ? 'seal' : positionOf(l)))).toEqual([1, 2, 3, 'seal', 4, 5, 'seal', 6, 7]);
    expect((await verify(file)).break).toMatchObject({
      problem: 'seal_mismatch',
      position: 4,
      seal: { index: 2, fromPosition: 4, upTo: 5 },
    });
  });

  it('reordered lines: the positions go back, named', async () => {
    // Positions 4 and 5: one-event appends of two streams.
    const swapped = [...lines.slice(0, 4), lines[5]!, lines[4]!, ...lines.slice(6)];
    expect((await verify(swapped)).break).toMatchObject({ problem: 'position_order', position: 4, streamId: 'project-1' });
  });

  it('an edited seal, a seal moved after later events, a missing seal, another key: all reported', async () => {
    const sealAt = lines.findIndex((l) => l.startsWith('{"seal"'));
    const edited = lines.map((l, i) => (i === sealAt ? l.replace('"events":3', '"events":2') : l));
    expect((await verify(edited)).break).toMatchObject({ problem: 'seal_signature', seal: { index: 1 } });
    const moved = [...lines.slice(0, sealAt), lines[sealAt + 1]!, lines[sealAt]!, ...lines.slice(sealAt + 2)];
    expect((await verify(moved)).break).toMatchObject({ problem: 'seal_sequence', seal: { index: 1 } });
    const missing = lines.filter((_, i) => i !== sealAt);
    expect((await verify(missing)).break).toMatchObject({ problem: 'seal_sequence', seal: { index: 2 } });
    expect((await verify(lines, new SealKeyring([testSealSigner().publicKey]))).break).toMatchObject({ problem: 'seal_unknown_key' });
  });

  it('a file of the first format (no hashes) is reported as unchained at its first event; a garbled line is an error naming it', async () => {
    const old = lines.filter((l) => !l.startsWith('{"seal"')).map((l) => JSON.stringify({ ...(JSON.parse(l) as object), hash: undefined }));
    expect((await verify(old)).break).toMatchObject({ problem: 'missing_hash', position: 1 });
    await expect(verify([lines[0]!, '{"nothing": true}'])).rejects.toThrow('line 2: neither an exported event nor a seal');
    await expect(verify([lines[0]!, '{oops'])).rejects.toThrow('line 2: malformed JSON');
  });

  it('keeps stored JSON text that JSON.stringify would not write, so its hash stays checkable', () => {
    const record = { ...chainRecordOf(JSON.parse(lines[0]!) as ExportedEvent), data: '{"amount": 120000}' };
    const line = JSON.parse(exportLine(record)) as ExportedEvent;
    expect(line).toMatchObject({ data: { amount: 120_000 }, storedData: '{"amount": 120000}' });
    expect(line.storedMetadata).toBeUndefined();
    expect(chainRecordOf(line)).toEqual(record);
    expect(new EventHasher().hashAppend(GENESIS_HASH, record.streamId, [chainRecordOf(line)])).toEqual(
      new EventHasher().hashAppend(GENESIS_HASH, record.streamId, [record]),
    );
  });

  it('restores through the seal lines: the events come back, the seals are the export’s own', async () => {
    const fresh = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    try {
      expect(await restoreLog(lines, fresh)).toMatchObject({ events: 6, duplicates: 0 });
      expect(await fresh.readSeals()).toEqual([]);
      expect((await fresh.readStream('project-1')).map((e) => e.type)).toEqual(['Filed', 'Examined', 'Approved', 'Paid']);
    } finally {
      await fresh.close();
    }
  });
});
