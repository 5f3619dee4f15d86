import type { EventStore } from '@clas/event-store';
import { streamDirectoryContract } from '../testing/stream-directory.contract.js';
import { InMemoryStreamDirectory } from './in-memory-stream-directory.js';

const inMemory = (pageSize?: number) => async (store: EventStore) => ({
  directory: new InMemoryStreamDirectory(store, pageSize),
  settle: async () => undefined,
  close: async () => undefined,
});

streamDirectoryContract('in memory', inMemory());
/** Pages of 2 events: an opening event at a page's edge is neither skipped nor read twice. */
streamDirectoryContract('in memory, pages of 2', inMemory(2));
