import type { StoredEvent } from './envelope.js';
import { EventStoreError } from './errors.js';
import type { ReadAllOptions, ReadAllPage } from './event-store.port.js';

export const DEFAULT_PAGE_SIZE = 1000;

/** Events one readAllPage call returns at most: `limit`, else `pageSize`, else 1000. */
export function pageLimit(options: ReadAllOptions): number {
  const limit = options.limit ?? options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new EventStoreError('INVALID_EVENT', `invalid page size ${limit}`);
  const after = options.after ?? 0;
  if (!Number.isSafeInteger(after) || after < 0) throw new EventStoreError('INVALID_EVENT', `invalid position ${after}`);
  return limit;
}

/**
 * readAll for every adapter: pages of `pageSize` until the visible end or `limit`.
 * A hand-written iterator rather than an async generator: within a page each `next()` is an
 * already-resolved promise, which keeps a million-event scan close to the raw driver's speed.
 */
export function readAllPages(
  readPage: (options: ReadAllOptions) => Promise<ReadAllPage>,
  options: ReadAllOptions,
): AsyncIterable<StoredEvent> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  return {
    [Symbol.asyncIterator](): AsyncIterator<StoredEvent> {
      let remaining = options.limit ?? Number.POSITIVE_INFINITY;
      let after = options.after ?? 0;
      let buffer: StoredEvent[] = [];
      let index = 0;
      let ended = remaining <= 0;
      const done: IteratorResult<StoredEvent> = { done: true, value: undefined };
      const fill = async (): Promise<IteratorResult<StoredEvent>> => {
        while (!ended) {
          const page = await readPage({ ...options, after, limit: Math.min(pageSize, remaining) });
          remaining -= page.events.length;
          after = page.nextAfter;
          ended = page.isEnd || remaining <= 0;
          buffer = page.events;
          index = 0;
          if (buffer.length > 0) return { done: false, value: buffer[index++]! };
        }
        return done;
      };
      return {
        next: () => (index < buffer.length ? Promise.resolve({ done: false, value: buffer[index++]! }) : fill()),
        return: async () => {
          ended = true;
          buffer = [];
          return done;
        },
      };
    },
  };
}
