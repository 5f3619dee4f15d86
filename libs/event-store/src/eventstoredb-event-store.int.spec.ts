import { describe, expect, it } from '@jest/globals';
import { createEventStore } from './create-event-store.js';
import { eventStoreContract, newEvent } from './testing/event-store.contract.js';

const url = process.env.CLAS_ESDB_URL;

if (url === undefined || url === '') {
  // CI has no EventStoreDB server: skip loudly rather than fail (docker-compose's `tests` service sets it).
  const reason =
    '\n*** EventStoreDB event-store contract SKIPPED: CLAS_ESDB_URL is not set. ***\n' +
    '*** Set it, e.g. CLAS_ESDB_URL=esdb://127.0.0.1:2113?tls=false (docker compose up eventstore) ***\n';
  // console.warn as asked; jest hides console output of an all-skipped file, so stderr too.
  console.warn(reason);
  process.stderr.write(reason);
  describe.skip('EventStoreDbEventStore (CLAS_ESDB_URL not set)', () => {
    it('runs the contract against EventStoreDB', () => undefined);
  });
} else {
  const connectionString = url;
  // One server has one $all: each store of the contract gets its own stream namespace, the
  // way the PostgreSQL suite gives each its own schema.
  const run = crypto.randomUUID().slice(0, 8);
  let stores = 0;
  eventStoreContract('eventstoredb', (options) =>
    createEventStore({ kind: 'eventstoredb', connectionString, streamNamespace: `t${run}-${stores++}.`, ...options }),
  );

  describe('EventStoreDbEventStore on a real server', () => {
    it('fails fast with STORE_UNAVAILABLE when the server is unreachable', async () => {
      const started = Date.now();
      await expect(
        createEventStore({ kind: 'eventstoredb', connectionString: 'esdb://127.0.0.1:1?tls=false', connectTimeoutMs: 1_000 }),
      ).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      });
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('reads back what it wrote through a catch-up subscription', async () => {
      const store = await createEventStore({ kind: 'eventstoredb', connectionString });
      const stream = `int-${crypto.randomUUID()}`;
      const head = await store.headPosition();
      await store.append(stream, [newEvent('IntA'), newEvent('IntB')], 'no_stream');
      const subscription = store.subscribe({ after: head, filter: { streamPrefix: stream } });
      const seen: string[] = [];
      for await (const event of subscription) {
        seen.push(event.type);
        if (seen.length === 2) break;
      }
      expect(seen).toEqual(['IntA', 'IntB']);
      await store.close();
    });
  });
}
