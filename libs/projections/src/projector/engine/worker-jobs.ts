import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './worker-pool.js';

/** What a worker thread does with the jobs a WorkerPool sends it. */
export interface JobServer<J, R> {
  work(job: J): Promise<R>;
  /** Called on the pool's 'close', before the thread's port closes. */
  close(): Promise<void>;
}

/**
 * The worker side of a WorkerPool: answers each job with its result or its error (as a
 * message: the pool fails the rebuild with it), then says 'ready'.
 */
export function serveJobs<J, R>(server: JobServer<J, R>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJobs must run in a worker thread');
  port.on('message', (message: ToWorker<J>) => {
    if (message === 'close') {
      void server.close().then(() => port.close());
      return;
    }
    server.work(message.job).then(
      (result) => port.postMessage({ id: message.id, result } satisfies FromWorker<R>),
      (error: unknown) =>
        port.postMessage({
          id: message.id,
          error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
        } satisfies FromWorker<R>),
    );
  });
  port.postMessage('ready' satisfies FromWorker<R>);
}
