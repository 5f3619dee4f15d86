import type { RecordedEvent } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import type { StoredFoldState } from '../read-models/fold-state.repository.js';
import type { ReadDatabase, SqlExecutor } from '../read-models/read-database.js';

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
}

/** "campaign@1,project@2|answers@3": any fold or derivation bump changes it. */
export function projectionSignature(projection: ReadModelProjection): string {
  const folds = [...projection.folds].map((f) => `${f.name}@${f.version}`).sort();
  return `${folds.join(',')}|${projection.name}@${projection.version}`;
}
