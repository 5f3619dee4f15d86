import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EventStore, EventStoreConfig } from '@clas/event-store';
import { deriveCampaign, type CampaignJob, type CampaignResult } from './clas-rebuild-campaign.js';
import { InProcessJobRunner, type JobRunner } from './engine/job-runner.js';
import { WorkerPool } from './engine/worker-pool.js';

/** The Clas rebuild's jobs: one campaign each (the engine's pool, this projection's job). */
export type CampaignRunner = JobRunner<CampaignJob, CampaignResult>;

/** Old-space limit of a worker (MB): it holds one campaign's states and rows, well under this. */
export const DEFAULT_WORKER_HEAP_MB = 128;

/**
 * The worker script beside this module: the compiled one, or — running from TypeScript sources
 * (jest) — the .ts one, which only a thread started with a TypeScript loader (`execArgv`) can
 * run. Null when neither applies: the rebuild then stays in process.
 */
export function rebuildWorkerScript(execArgv: readonly string[] = []): URL | null {
  const compiled = new URL('./clas-rebuild.worker.js', import.meta.url);
  if (import.meta.url.endsWith('.js')) return existsSync(fileURLToPath(compiled)) ? compiled : null;
  const source = new URL('./clas-rebuild.worker.ts', import.meta.url);
  return execArgv.length > 0 && existsSync(fileURLToPath(source)) ? source : null;
}

export function inProcessCampaignRunner(store: EventStore): CampaignRunner {
  return new InProcessJobRunner((job: CampaignJob) => deriveCampaign(store, job));
}

/** Worker threads, each with its own event-store connection (the store must be shareable: a file or a server, not ':memory:'). */
export function startCampaignWorkers(
  count: number,
  store: EventStoreConfig,
  script: URL,
  execArgv?: readonly string[],
  heapMb = DEFAULT_WORKER_HEAP_MB,
): Promise<CampaignRunner> {
  // Upcasters are functions, which a worker cannot receive: the worker adds the domain's own (CLAS_UPCASTERS).
  const { upcasters: _functions, ...cloneable } = store;
  return WorkerPool.start<CampaignJob, CampaignResult>({ count, script, workerData: { store: cloneable }, execArgv, heapMb });
}
