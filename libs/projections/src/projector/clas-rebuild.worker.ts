import { parentPort, workerData } from 'node:worker_threads';
import { createEventStore, type EventStoreConfig } from '@clas/event-store';
import { deriveCampaign, type CampaignJob } from './clas-rebuild-campaign.js';

/**
 * A rebuild worker thread (campaign-runner.ts): opens its own connection to the event store and
 * derives the campaigns the main thread sends, one message per campaign. Errors go back as
 * messages; the main thread fails the rebuild with them.
 */
const port = parentPort;
if (port === null) throw new Error('clas-rebuild.worker must run in a worker thread');
const store = await createEventStore((workerData as { store: EventStoreConfig }).store);
port.on('message', (message: { id: number; job: CampaignJob } | 'close') => {
  if (message === 'close') {
    void store.close().then(() => port.close());
    return;
  }
  deriveCampaign(store, message.job).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) }),
  );
});
port.postMessage('ready');
