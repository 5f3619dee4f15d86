import type { StoredEvent } from './envelope.js';
import type { ReadAllOptions, ReadAllPage, SubscribeOptions, Subscription } from './event-store.port.js';
import type { ChangeSignal, WaitHandle } from './change-signal.js';

export interface SubscriptionSource {
  readAllPage(options: ReadAllOptions): Promise<ReadAllPage>;
  signal: ChangeSignal;
  pollIntervalMs: number;
}

/**
 * Catch-up and live are one loop over `readAllPage`: the position only moves forward to
 * the page's `nextAfter`, and the store guarantees no event ever appears at or below a
 * position already read, so the switch to live can neither skip nor repeat an event.
 * The consumer pulls; nothing is read ahead of it beyond one page.
 */
export function createSubscription(
  source: SubscriptionSource,
  options: SubscribeOptions = {},
  onClose: (subscription: Subscription) => void = () => undefined,
): Subscription {
  let closed = false;
  const waitHandle: WaitHandle = {};
  const pageOptions: ReadAllOptions = {
    pageSize: options.pageSize ?? 500,
    ...(options.filter?.types !== undefined && { types: options.filter.types }),
    ...(options.filter?.streamPrefix !== undefined && { streamPrefix: options.filter.streamPrefix }),
  };

  async function* run(): AsyncGenerator<StoredEvent> {
    let after = options.after ?? 0;
    while (!closed) {
      const generation = source.signal.current;
      const page = await source.readAllPage({ ...pageOptions, after, limit: pageOptions.pageSize });
      for (const event of page.events) {
        if (closed) return;
        yield event;
      }
      after = page.nextAfter;
      if (page.isEnd && !closed) await source.signal.wait(generation, source.pollIntervalMs, waitHandle);
    }
  }

  const iterator = run();
  const subscription: Subscription = {
    [Symbol.asyncIterator]: () => iterator,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      waitHandle.wake?.();
      onClose(subscription);
      await iterator.return(undefined);
    },
  };
  return subscription;
}
