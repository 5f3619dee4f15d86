import { Worker } from 'node:worker_threads';
import type { JobRunner } from './job-runner.js';

/** Young generation of a worker (MB): the data of one job's current item, parsed then dropped. */
const WORKER_YOUNG_SPACE_MB = 16;

/** The messages between a pool and its workers (worker-jobs.ts is the other side). */
export type ToWorker<J> = { id: number; job: J } | 'close';
export type FromWorker<R> = 'ready' | { id: number; result?: R; error?: string };

interface Slot {
  worker: Worker;
  busy: number;
}

interface Pending<R> {
  resolve(result: R): void;
  reject(error: Error): void;
  slot: Slot;
}

export interface WorkerPoolOptions {
  /** Threads to start. */
  count: number;
  /** The worker script (it calls `serveJobs`). */
  script: URL;
  /** What each worker opens at start (e.g. its own event-store connection). */
  workerData: unknown;
  /** Absent: the threads inherit this process's Node options (Node's default). */
  execArgv?: readonly string[] | undefined;
  /** Old-space limit of a worker (MB): bounded, or V8 lets each heap grow far past what one job needs. */
  heapMb: number;
}

/**
 * N worker threads. A job goes to the least busy worker; a worker that fails or dies rejects
 * its jobs (which fails the rebuild), and its answers go back to the job that asked.
 */
export class WorkerPool<J, R> implements JobRunner<J, R> {
  private readonly pending = new Map<number, Pending<R>>();
  private nextId = 0;

  private constructor(private readonly slots: Slot[]) {
    for (const slot of slots) {
      slot.worker.on('message', (message: FromWorker<R>) => {
        if (message === 'ready') return;
        const job = this.pending.get(message.id);
        if (job === undefined) return;
        this.pending.delete(message.id);
        slot.busy--;
        if (message.error !== undefined) job.reject(new Error(`rebuild worker: ${message.error}`));
        else job.resolve(message.result as R);
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

  get threads(): number {
    return this.slots.length;
  }

  static async start<J, R>(options: WorkerPoolOptions): Promise<WorkerPool<J, R>> {
    const slots = await Promise.all(
      Array.from({ length: options.count }, async () => {
        const worker = new Worker(options.script, {
          workerData: options.workerData,
          ...(options.execArgv && { execArgv: [...options.execArgv] }),
          resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MB },
        });
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
    return new WorkerPool<J, R>(slots);
  }

  run(job: J): Promise<R> {
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = ++this.nextId;
    slot.busy++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, job } satisfies ToWorker<J>);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            slot.worker.once('exit', () => resolve());
            slot.worker.postMessage('close' satisfies ToWorker<J>);
            setTimeout(() => void slot.worker.terminate(), 5_000).unref();
          }),
      ),
    );
  }
}
