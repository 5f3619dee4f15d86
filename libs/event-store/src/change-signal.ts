/**
 * Wakes live subscriptions when new events may be visible. A generation counter (read
 * before a page, compared after) means a notification that lands between "read an empty
 * page" and "start waiting" is never lost.
 */
export class ChangeSignal {
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.generation;
  }

  notify(): void {
    this.generation++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /**
   * Resolves on a notification newer than `since`, after `timeoutMs` (poll fallback), or
   * when the caller invokes `handle.wake` (its own close), whichever comes first.
   */
  wait(since: number, timeoutMs: number, handle: WaitHandle): Promise<void> {
    if (this.generation !== since) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        handle.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      handle.wake = done;
    });
  }
}

/** Lets the waiter's owner end one wait early without leaving listeners behind. */
export interface WaitHandle {
  wake?: (() => void) | undefined;
}
