import type { EventStore } from '@clas/event-store';
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
    close: () => store.close(),
  };
}
