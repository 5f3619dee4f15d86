import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventStore, EventStoreConfig } from '@clas/event-store';
import { deriveCampaign, type CampaignJob, type CampaignResult } from './clas-rebuild-campaign.js';

/** Runs campaign jobs of a rebuild: in this thread, or spread over worker threads. */
export interface CampaignRunner {
  /** Jobs worth keeping in flight. */
  readonly parallelism: number;
  run(job: CampaignJob): Promise<CampaignResult>;
  close(): Promise<void>;
}

export class InProcessCampaignRunner implements CampaignRunner {
  readonly parallelism = 1;
  constructor(private readonly store: EventStore) {}
  run(job: CampaignJob): Promise<CampaignResult> {
    return deriveCampaign(this.store, job);
  }
  async close(): Promise<void> {}
}

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

/** Old-space limit of a worker (MB): it holds one campaign's states and rows, well under this. */
export const DEFAULT_WORKER_HEAP_MB = 128;
/** Young generation (MB): the events of one project, parsed then dropped once folded. */
const WORKER_YOUNG_SPACE_MB = 16;

interface Pending {
  resolve(result: CampaignResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * N worker threads, each with its own event-store connection (the store must be shareable: a
 * file or a server, not ':memory:'). A job goes to the least busy worker; a worker that fails
 * or dies rejects its jobs, which fails the rebuild.
 */
export class WorkerCampaignRunner implements CampaignRunner {
  private readonly pending = new Map<number, Pending & { slot: Slot }>();
  private nextId = 0;

  private constructor(private readonly slots: Slot[]) {
    for (const slot of slots) {
      slot.worker.on('message', (message: { id: number; result?: CampaignResult; error?: string }) => {
        const job = this.pending.get(message.id);
        if (job === undefined) return;
        this.pending.delete(message.id);
        slot.busy--;
        if (message.error !== undefined) job.reject(new Error(`rebuild worker: ${message.error}`));
        else job.resolve(message.result!);
      });
      const fail = (error: Error) => {
        for (const [id, job] of this.pending) {
          if (job.slot !== slot) continue;
          this.pending.delete(id);
          job.reject(error);
        }
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => fail(new Error(`rebuild worker exited with code ${code}`)));
    }
  }

  get parallelism(): number {
    return this.slots.length;
  }

  /** `execArgv` absent: the threads inherit this process's Node options (Node's default). */
  static async start(count: number, store: EventStoreConfig, script: URL, execArgv?: readonly string[], heapMb = DEFAULT_WORKER_HEAP_MB): Promise<WorkerCampaignRunner> {
    const slots = await Promise.all(
      Array.from({ length: count }, async () => {
        // A bounded heap: a worker holds one campaign at a time, and without a limit V8 lets the
        // heap grow far past that before collecting (the rebuild's peak RSS is the sum of them).
        const worker = new Worker(script, { workerData: { store }, ...(execArgv && { execArgv: [...execArgv] }), resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MB } });
        await new Promise<void>((resolve, reject) => {
          const onMessage = (message: unknown) => {
            if (message !== 'ready') return;
            worker.off('message', onMessage);
            worker.off('error', reject);
            resolve();
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
        });
        return { worker, busy: 0 };
      }),
    );
    return new WorkerCampaignRunner(slots);
  }

  run(job: CampaignJob): Promise<CampaignResult> {
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = ++this.nextId;
    slot.busy++;
    return new Promise<CampaignResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            slot.worker.once('exit', () => resolve());
            slot.worker.postMessage('close');
            setTimeout(() => void slot.worker.terminate(), 5_000).unref();
          }),
      ),
    );
  }
}
