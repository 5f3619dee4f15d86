import { describe, expect, it } from '@jest/globals';
import { LogSealer, sealPeriodically, type SealOutcome } from './log-sealer.js';
import { verifyLog } from './log-verification.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { newEvent } from './testing/event-store.contract.js';
import { testSealSigner } from './testing/tamper-evidence.contract.js';

describe('sealing in the background (the API)', () => {
  it('seals new events at each interval, one run at a time, and once more when closed', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    const outcomes: Array<SealOutcome | { status: 'failed' }> = [];
    const sealing = sealPeriodically(new LogSealer(store, testSealSigner()), 20, (outcome) => outcomes.push(outcome));
    await store.append('s', [newEvent('A'), newEvent('B')], 'no_stream');
    for (let waited = 0; (await store.lastSeal()) === null; waited += 10) {
      if (waited > 10_000) throw new Error('no seal after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await store.lastSeal()).toMatchObject({ index: 1, events: 2 });
    // Written just before shutdown: the last run seals it.
    await store.append('s', [newEvent('C')], 1);
    await sealing.close();
    expect(await store.lastSeal()).toMatchObject({ events: 3 });
    expect(outcomes.filter((o) => o.status === 'sealed').length).toBeGreaterThanOrEqual(2);
    expect(outcomes.every((o) => o.status === 'sealed' || o.status === 'up-to-date')).toBe(true);
    const count = outcomes.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(outcomes).toHaveLength(count);
    expect(await verifyLog(store, { keyring: null })).toMatchObject({ ok: true, unsealed: { events: 0 } });
    await store.close();
  });

  it('reports a failed run and keeps going', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    await store.append('s', [newEvent('A')], 'no_stream');
    let failures = 0;
    const flaky = new LogSealer(
      {
        readChainPage: (options) => store.readChainPage(options),
        readChainRecord: (streamId, version) => store.readChainRecord(streamId, version),
        readSeals: (options) => store.readSeals(options),
        lastSeal: (options) => store.lastSeal(options),
        headPosition: () => store.headPosition(),
        appendSeal: async (seal) => {
          if (failures++ === 0) throw new Error('database restarting');
          return store.appendSeal(seal);
        },
      },
      testSealSigner(),
    );
    const outcomes: string[] = [];
    const sealing = sealPeriodically(flaky, 10, (outcome) => outcomes.push(outcome.status));
    for (let waited = 0; (await store.lastSeal()) === null; waited += 10) {
      if (waited > 10_000) throw new Error('no seal after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await sealing.close();
    expect(outcomes[0]).toBe('failed');
    expect(outcomes).toContain('sealed');
    await store.close();
  });
});
