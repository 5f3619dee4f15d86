import type { RecordedEvent } from '@clas/domain';
import type { EventStore, EventStoreConfig } from '@clas/event-store';
import type { KeyedFold } from '../../core/keyed-fold.js';
import type { StoredFoldState } from '../../read-models/fold-state.repository.js';
import type { ReadDatabase, SqlExecutor } from '../../read-models/read-database.js';

/** What a derivation sees of the batch being committed. */
export interface BatchView {
  /** The batch's events, in global order. */
  readonly events: readonly RecordedEvent[];
  /** Global position the checkpoint moves to with this batch. */
  readonly lastPosition: number;
  /** Fold name → keys whose state changed since the last derivation (this batch, or every deferred one). */
  readonly touched: ReadonlyMap<string, ReadonlySet<string>>;
  /** States after the batch (working set, then cache, then database; `initial` with position 0 when unknown). */
  states<S>(fold: KeyedFold<S>, keys: readonly string[]): Promise<Map<string, StoredFoldState<S>>>;
  /** Every key the fold has a state for after the batch. */
  keysOf(fold: KeyedFold<unknown>): Promise<string[]>;
}

/**
 * A set of folds stored together, plus the answer tables derived from their states. One
 * checkpoint covers the whole set: states, answers and checkpoint move in one transaction.
 */
export interface ReadModelProjection {
  /** Checkpoint name. */
  readonly name: string;
  /** Bump when the derivation or its tables change: truncate-and-replay (README-read-models.md). */
  readonly version: number;
  readonly folds: readonly KeyedFold<unknown>[];
  /** Answer tables this projection owns (emptied on a replay). */
  readonly tables: readonly string[];
  /** Writes the answer rows of the touched keys, inside the batch's transaction. */
  derive(batch: BatchView, db: ReadDatabase, tx: SqlExecutor): Promise<void>;
  /**
   * Folds whose states are NOT kept in rm_fold_state: when the projector needs one that is not
   * in its cache it replays the key's streams from the log (fold name → replayer). For states
   * too big to store cheaply (the project fold holds a season's sessions and attendance).
   */
  readonly replayed?: Readonly<Record<string, StateReplayer>>;
  /**
   * Rows some events add whatever the derivation schedule, written in every commit and emptied
   * with the tables (the Clas stream directory, which the derivation itself reads).
   */
  readonly eventRows?: EventRows<unknown>;
  /**
   * A rebuild faster than a replay of the log in global order (rebuildReadModels uses it when
   * present): typically one owner at a time, so memory holds one owner's states, not the log's.
   */
  readonly rebuild?: (context: RebuildContext) => Promise<void>;
}

/** A table with at most one row per event, collected as the events are folded. */
export interface EventRows<Row> {
  rowOf(event: RecordedEvent): Row | null;
  writer(db: ReadDatabase): { save(tx: SqlExecutor, rows: readonly Row[]): Promise<void>; clear(tx: SqlExecutor): Promise<void> };
}

/** What a replayer reads from. */
export interface ReplayContext {
  readonly store: EventStore;
  readonly db: ReadDatabase;
  readonly executor: SqlExecutor;
  /** Only events at or before this global position (the projector's position). */
  readonly upTo: number;
}

/** States of `keys` as of `upTo`, replayed from the log; keys with no event are left out. */
export type StateReplayer = (keys: readonly string[], context: ReplayContext) => Promise<Map<string, StoredFoldState<unknown>>>;

/** Worker threads a rebuild may use. */
export interface RebuildWorkers {
  count: number;
  /** Each worker opens its own connection with this configuration. */
  store: EventStoreConfig;
  /** Node options of the threads (absent: inherited). */
  execArgv?: readonly string[];
  /** Old-space limit of each thread, MB. */
  heapMb?: number;
}

/** What a projection's own rebuild gets from rebuildReadModels (which emptied the tables first). */
export interface RebuildContext {
  readonly store: EventStore;
  readonly db: ReadDatabase;
  /** Fold every event up to this position, no further. */
  readonly head: number;
  readonly signal?: AbortSignal;
  /** Worker threads the rebuild may use, each opening `store` (absent: in this thread). */
  readonly workers?: RebuildWorkers;
  /** Reports events applied so far (for the progress bar). */
  progress(eventsApplied: number): void;
  /** Says how many worker threads the rebuild runs on (reported in the result). */
  usedWorkers?(count: number): void;
  /** Must be called inside the LAST transaction: moves the checkpoint to `head`. */
  commitCheckpoint(tx: SqlExecutor): Promise<void>;
}

/**
 * The signature a checkpoint carries while a projection's own rebuild runs: no projection has
 * it, so a rebuild stopped anywhere (crash, kill -9, Ctrl-C) leaves a checkpoint that start()
 * refuses, never tables taken for finished ones.
 */
export function rebuildingSignature(projection: ReadModelProjection): string {
  return `${projectionSignature(projection)}#rebuilding`;
}

/** "campaign@1,project@2|answers@3": any fold or derivation bump changes it. */
export function projectionSignature(projection: ReadModelProjection): string {
  const replayed = projection.replayed ?? {};
  const folds = [...projection.folds].map((f) => `${f.name}@${f.version}${f.name in replayed ? '~replayed' : ''}`).sort();
  return `${folds.join(',')}|${projection.name}@${projection.version}`;
}
