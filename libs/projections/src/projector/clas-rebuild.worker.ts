import { workerData } from 'node:worker_threads';
import { createEventStore, type EventStoreConfig } from '@clas/event-store';
import { deriveCampaign, type CampaignJob, type CampaignResult } from './clas-rebuild-campaign.js';
import { serveJobs } from './engine/worker-jobs.js';

/**
 * A rebuild worker thread (campaign-runner.ts): opens its own connection to the event store and
 * derives the campaigns the main thread sends, one job per campaign.
 */
const store = await createEventStore((workerData as { store: EventStoreConfig }).store);
serveJobs<CampaignJob, CampaignResult>({ work: (job) => deriveCampaign(store, job), close: () => store.close() });
