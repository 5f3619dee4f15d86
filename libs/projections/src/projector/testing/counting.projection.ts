import type { RecordedEvent } from '@clas/domain';
import type { KeyedFold } from '../../core/keyed-fold.js';
import type { ReadDatabase, SqlExecutor } from '../../read-models/read-database.js';
import { streamDirectoryRows } from '../../read-models/stream-directory.writer.js';
import type { BatchView, EventRows, ReadModelProjection } from '../engine/read-model-projection.js';

/** A small fold for the projector's own tests: per project, how many events and of which types. */
export interface CountState {
  events: number;
  positionSum: number;
  types: Record<string, number>;
}

export const countingFold: KeyedFold<CountState> = {
  name: 'test-count',
  version: 1,
  eventTypes: ['Counted', 'Doubled'],
  keysOf: (event: RecordedEvent) => {
    const projectId = (event.data as { projectId?: string }).projectId;
    return projectId === undefined ? [] : [projectId];
  },
  initial: () => ({ events: 0, positionSum: 0, types: {} }),
  evolve: (state, event) => ({
    events: state.events + (event.type === 'Doubled' ? 2 : 1),
    positionSum: state.positionSum + event.globalPosition,
    types: { ...state.types, [event.type]: (state.types[event.type] ?? 0) + 1 },
  }),
};

export const COUNT_TABLE = 'test_project_counts';

export async function createCountTable(db: ReadDatabase): Promise<void> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS ${db.table(COUNT_TABLE)} (project_id varchar(100) PRIMARY KEY, events integer NOT NULL, campaign_total integer NOT NULL, last_position bigint NOT NULL)`,
  );
}

/**
 * Derives one row per touched project, with a figure that depends on OTHER keys' states too
 * (the total of its campaign), so a replay that skipped or doubled a batch shows up.
 */
export function countingProjection(version = 1): ReadModelProjection {
  return {
    name: 'test-counting',
    version,
    folds: [countingFold as KeyedFold<unknown>],
    tables: [COUNT_TABLE],
    eventRows: streamDirectoryRows as EventRows<unknown>,
    async derive(batch: BatchView, db: ReadDatabase, tx: SqlExecutor): Promise<void> {
      const touched = [...(batch.touched.get(countingFold.name) ?? [])];
      if (touched.length === 0) return;
      const all = await batch.keysOf(countingFold as KeyedFold<unknown>);
      const states = await batch.states(countingFold, all);
      let total = 0;
      for (const s of states.values()) total += s.state.events;
      await db.upsert(
        tx,
        COUNT_TABLE,
        ['project_id', 'events', 'campaign_total', 'last_position'],
        ['project_id'],
        all.map((key) => [key, states.get(key)!.state.events, total, batch.lastPosition]),
      );
    },
  };
}
