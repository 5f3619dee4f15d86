import { LogSealer, SealKeyring, sealSignerFromPem, verifyLog, type EventStore } from '@clas/event-store';
import { generateKeyPairSync } from 'node:crypto';
import type { Runner } from './runner.js';
import { streamEvents, streamId, type Workload } from './workload.js';

/** The event store, through the EventStore port only. */
export function storeRunner(label: string, store: EventStore, workload: Workload): Runner {
  return {
    label,
    async appendStream(s) {
      await store.append(streamId(s), streamEvents(s, workload.eventsPerStream), 'no_stream');
    },
    async readAll(rss) {
      let read = 0;
      let last = 0;
      for await (const event of store.readAll({ pageSize: 1000 })) {
        if (event.globalPosition <= last) throw new Error(`${label}: global order broken at ${event.globalPosition}`);
        last = event.globalPosition;
        if (++read % 100_000 === 0) rss.sample();
      }
      return read;
    },
    async readStream(s) {
      return (await store.readStream(streamId(s))).length;
    },
    async sealAndVerify() {
      const signer = sealSignerFromPem(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
      let t = performance.now();
      const sealed = await new LogSealer(store, signer).seal();
      const sealSeconds = (performance.now() - t) / 1000;
      if (sealed.status !== 'sealed') throw new Error(`${label}: seal ${sealed.status}`);
      t = performance.now();
      const summary = await verifyLog(store, { keyring: new SealKeyring([signer.publicKey]) });
      const verifySeconds = (performance.now() - t) / 1000;
      if (!summary.ok) throw new Error(`${label}: verify broke: ${summary.break?.message}`);
      return { sealed: sealed.events, sealSeconds, verified: summary.events, verifySeconds };
    },
    close: () => store.close(),
  };
}
