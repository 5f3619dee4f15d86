import { describe, expect, it } from '@jest/globals';
import { makeEvent, webhooksStreamId } from '@clas/domain';
import { SqliteEventStore } from '@clas/event-store';
import { SettableClock, writeNationalLog } from '../../../../bench/generator/index.js';
import { ReadDatabase } from '../read-models/read-database.js';
import { dumpTables } from '../read-models/table-dump.js';
import { clasReadModelProjection } from './clas-read-models.projection.js';
import { Projector } from './engine/projector.js';
import { rebuildReadModels } from './rebuild.command.js';

/**
 * Issue 13 §4 adds the stream `webhooks-<caf>` to the log: the read models have nothing to
 * fold from it (nor the directory: no question looks a Caf's subscriptions up there), but the
 * projector and a rebuild must pass over it and agree.
 */
describe('read models over a log with webhook subscriptions', () => {
  it('the projector and a rebuild pass over the subscription facts, to the same tables', async () => {
    const clock = new SettableClock();
    const store = new SqliteEventStore({ path: ':memory:', clock });
    await writeNationalLog(store, clock, { cafs: 1, collectifsPerCaf: 2, years: 1, seed: 3 });
    const [first] = await store.readAllPage({ after: 0, limit: 1 }).then((p) => p.events);
    const cafCode = first!.metadata.caf as string;
    const subscribed = makeEvent(
      'WebhookSubscribed',
      { cafCode, subscriptionId: 'erp', url: 'https://erp.example.org/', eventTypes: ['AdvancePaid'], subscribedOn: '2027-07-01' as never },
      '2027-07-01T08:00:00.000Z',
    );
    await store.append(
      webhooksStreamId(cafCode),
      [{ ...subscribed, metadata: { actor: 'agent', role: 'caf_agent', caf: cafCode } }],
      'no_stream',
    );

    const live = await ReadDatabase.open({ url: ':memory:' });
    await new Projector(store, live, clasReadModelProjection(), { batchSize: 500 }).catchUp();
    const rebuilt = await ReadDatabase.open({ url: ':memory:' });
    await rebuildReadModels({ store, readDb: rebuilt, projection: clasReadModelProjection() });

    const tables = ['rm_stream_directory', 'rm_project_status', 'rm_departmental_totals'];
    const liveTables = await dumpTables(live, tables);
    expect(liveTables.rm_stream_directory).not.toContainEqual(expect.objectContaining({ kind: 'webhooks' }));
    expect(liveTables.rm_project_status.length).toBeGreaterThan(0);
    expect(await dumpTables(rebuilt, tables)).toEqual(liveTables);
    await live.close();
    await rebuilt.close();
    await store.close();
  }, 120_000);
});
