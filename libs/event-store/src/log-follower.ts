import type { StoredEvent } from './envelope.js';
import type { EventStore } from './event-store.port.js';

/**
 * Keeps an in-memory index in step with the log: each `catchUp()` reads the events of the given
 * types appended since the previous one and hands them to `apply`, in global order. Used by the
 * indexes that must answer with what was just written (read-your-writes): the stream directory,
 * the owners of person ids.
 *
 * Catch-ups run one after the other, so each caller waits for a scan that started after its
 * call; a failed scan does not poison the next callers, who retry from the same position. When
 * nothing was appended since the last scan (the usual case), a catch-up is one head lookup.
 */
export class LogFollower {
  private checkpoint = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Pick<EventStore, 'headPosition' | 'readAllPage'>,
    private readonly types: readonly string[],
    private readonly apply: (event: StoredEvent) => void,
    private readonly pageSize = 1000,
  ) {}

  /** Last global position scanned. */
  get position(): number {
    return this.checkpoint;
  }

  catchUp(): Promise<void> {
    const run = this.queue.then(() => this.scan());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async scan(): Promise<void> {
    if (this.checkpoint > 0 && (await this.store.headPosition()) <= this.checkpoint) return;
    for (;;) {
      const page = await this.store.readAllPage({
        after: this.checkpoint,
        types: this.types,
        limit: this.pageSize,
        pageSize: this.pageSize,
      });
      for (const event of page.events) this.apply(event);
      this.checkpoint = Math.max(this.checkpoint, page.nextAfter);
      if (page.isEnd || page.events.length === 0) return;
    }
  }
}
