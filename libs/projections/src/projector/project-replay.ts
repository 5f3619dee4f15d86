import type { RecordedEvent } from '@clas/domain';
import type { EventStore } from '@clas/event-store';
import type { ProjectFoldState } from '../folds/project-state.js';
import { projectFold } from '../folds/project.fold.js';
import type { StoredFoldState } from '../read-models/fold-state.repository.js';
import type { ReadDatabase, SqlExecutor } from '../read-models/read-database.js';
import type { ReplayContext } from './engine/read-model-projection.js';
import { mergeByPosition } from '../core/keyed-fold.js';
import { foldStored } from './engine/stored-fold.js';

const CHUNK = 500;

/** Stream ids of each project (its own and its collectifs'), from the projector's directory table. */
export async function projectStreams(
  db: ReadDatabase,
  executor: SqlExecutor,
  projectIds: readonly string[],
): Promise<Map<string, string[]>> {
  const streams = new Map<string, string[]>();
  for (let start = 0; start < projectIds.length; start += CHUNK) {
    const chunk = projectIds.slice(start, start + CHUNK);
    const rows = await executor.query<{ stream_id: string; project_id: string }>(
      `SELECT "stream_id", "project_id" FROM ${db.table('rm_stream_directory')}
       WHERE "kind" IN ('project', 'collectif') AND "project_id" IN (${chunk.map((_, i) => db.p(i)).join(',')}) ORDER BY "stream_id"`,
      chunk,
    );
    for (const row of rows) {
      const list = streams.get(row.project_id);
      if (list === undefined) streams.set(row.project_id, [row.stream_id]);
      else list.push(row.stream_id);
    }
  }
  return streams;
}

/** Reads a project's streams and folds them up to `upTo` (state null when nothing applies), with the events read. */
export async function replayProject(
  store: EventStore,
  projectId: string,
  streamIds: readonly string[],
  upTo: number,
): Promise<{ stored: StoredFoldState<ProjectFoldState> | null; events: number }> {
  const streams = await Promise.all(streamIds.map((id) => store.readStream(id)));
  const events = mergeByPosition(streams as RecordedEvent[][]);
  return { stored: foldStored(projectFold, projectId, events, upTo), events: events.length };
}

/**
 * The project fold's states are not stored (a season of sessions and attendance per project
 * would make rm_fold_state the biggest table and its writes the rebuild's main cost): a state
 * the projector does not hold in memory is replayed from the project's streams, which the
 * stream directory lists (written in the same transaction as the checkpoint, so it is complete
 * up to it; a stream opened since the last commit touched its project, which is then cached).
 */
export async function replayProjects(keys: readonly string[], context: ReplayContext): Promise<Map<string, StoredFoldState<unknown>>> {
  const streams = await projectStreams(context.db, context.executor, keys);
  const states = new Map<string, StoredFoldState<unknown>>();
  for (const key of keys) {
    const ids = streams.get(key);
    if (ids === undefined) continue;
    const { stored } = await replayProject(context.store, key, ids, context.upTo);
    if (stored !== null) states.set(key, stored);
  }
  return states;
}
