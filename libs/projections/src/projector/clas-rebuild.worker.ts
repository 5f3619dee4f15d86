import { workerData } from 'node:worker_threads';
import { CLAS_UPCASTERS } from '@clas/domain';
import { createEventStore, type EventStoreConfig } from '@clas/event-store';
import { deriveCampaign, type CampaignJob, type CampaignResult } from './clas-rebuild-campaign.js';
import { serveJobs } from './engine/worker-jobs.js';

/**
 * A rebuild worker thread (campaign-runner.ts): opens its own connection to the event store and
 * derives the campaigns the main thread sends, one job per campaign.
 */
// The main thread sends the store's configuration without its upcasters (functions cannot cross to a thread).
const store = await createEventStore({ ...(workerData as { store: EventStoreConfig }).store, upcasters: CLAS_UPCASTERS });
serveJobs<CampaignJob, CampaignResult>({ work: (job) => deriveCampaign(store, job), close: () => store.close() });
