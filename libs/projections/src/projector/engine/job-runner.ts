/**
 * Runs the jobs of a rebuild (generic: a job and its result are whatever the projection's
 * rebuild sends, plain data that crosses a thread boundary).
 */
export interface JobRunner<J, R> {
  /** Jobs worth keeping in flight. */
  readonly parallelism: number;
  /** Worker threads doing the work; 0 when it runs in this thread. */
  readonly threads: number;
  run(job: J): Promise<R>;
  close(): Promise<void>;
}

/** The jobs in this thread, one at a time. */
export class InProcessJobRunner<J, R> implements JobRunner<J, R> {
  readonly parallelism = 1;
  readonly threads = 0;
  constructor(private readonly work: (job: J) => Promise<R>) {}
  run(job: J): Promise<R> {
    return this.work(job);
  }
  async close(): Promise<void> {}
}
