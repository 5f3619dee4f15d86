import type { RecordedEvent } from '@clas/domain';
import type { EventStore, StoredEvent } from '@clas/event-store';
import type { KeyedFold } from '../../core/keyed-fold.js';
import { CheckpointRepository, type Checkpoint } from '../../read-models/checkpoint.repository.js';
import { DirtyKeyRepository } from '../../read-models/dirty-key.repository.js';
import type { ReadDatabase, SqlExecutor } from '../../read-models/read-database.js';
import { FoldWorkingSet } from './fold-working-set.js';
import { forEachLiveBatch } from './live-batches.js';
import {
  projectionSignature,
  rebuildingSignature,
  type BatchView,
  type EventRows,
  type ReadModelProjection,
} from './read-model-projection.js';

export interface ProjectorOptions {
  /** Most events per batch (one transaction). Default 5 000. */
  batchSize?: number;
  /** Live mode: a partial batch is committed after this long. Default 50 ms. */
  batchMs?: number;
  /**
   * Clean fold states kept in memory (LRU, all folds together), trimmed after each commit.
   * States changed since the last commit are never evicted. Default 50 000.
   */
  cacheSize?: number;
  /**
   * Commit (states of the changed keys + directory rows + dirty keys or answers + checkpoint,
   * in one transaction) at most this often (ms); between commits the changed states live only
   * in memory. 0 (default): every batch. A rebuild commits every minute and at the end: each
   * key's state is serialised once per commit instead of once per batch. The checkpoint is
   * always in the transaction of the states it covers, so a crash loses or doubles nothing.
   */
  flushIntervalMs?: number;
  /**
   * Derive answers at most this often (ms); between derivations the touched keys are marked
   * dirty (rm_dirty_key, same transaction). 0 (default): every batch. A rebuild uses Infinity:
   * each key's answers are derived once, after the last batch.
   */
  deriveIntervalMs?: number;
  now?: () => Date;
}

export interface BatchReport {
  batchNumber: number;
  events: number;
  /** Checkpoint after the batch. */
  position: number;
  keys: number;
  durationMs: number;
}

/**
 * Folds the log into stored read models. Per batch: route events to fold keys, load the
 * missing states (LRU, then rm_fold_state) and evolve them IN PLACE (the projector owns its
 * cached states, see KeyedFold). Per commit (every batch, or every `flushIntervalMs`): in ONE
 * transaction upsert the states changed since the last commit, the stream directory rows, the
 * derived answers (or the dirty keys) and the checkpoint. A crash anywhere before the commit
 * leaves the previous checkpoint with the previous rows; after it, both moved together: nothing
 * is lost, nothing applied twice. A failure drops the whole cache (the states may be half
 * evolved) and rewinds to the committed checkpoint: the next catch-up reloads from the database.
 */
export class Projector {
  private readonly checkpoints: CheckpointRepository;
  private readonly dirtyKeys: DirtyKeyRepository;
  private readonly eventRows: ReturnType<EventRows<unknown>['writer']> | null;
  private readonly folds: FoldWorkingSet;
  private readonly signature: string;
  private readonly batchSize: number;
  private readonly batchMs: number;
  private readonly now: () => Date;
  private started = false;
  private batchNumber = 0;
  /** Position of the last event folded (committed or not), and of the last one committed. */
  private currentPosition = 0;
  private committedPosition = 0;
  /** Keys touched since the last derivation (committed ones mirror rm_dirty_key). */
  private pending = new Map<string, Set<string>>();
  /** `pending` as of the last commit: what a failure rewinds to. */
  private committedPending = new Map<string, Set<string>>();
  /** Keys touched since the last commit, per fold. */
  private touchedSinceCommit = new Map<string, Set<string>>();
  /** The projection's event rows (`eventRows`) since the last commit. */
  private rows: unknown[] = [];
  private uncommittedEvents = 0;
  private lastCommit = performance.now();
  private lastDerivation = performance.now();

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadDatabase,
    private readonly projection: ReadModelProjection,
    private readonly options: ProjectorOptions = {},
  ) {
    this.checkpoints = new CheckpointRepository(db);
    this.dirtyKeys = new DirtyKeyRepository(db);
    this.eventRows = projection.eventRows?.writer(db) ?? null;
    this.folds = new FoldWorkingSet(store, db, projection.folds, projection.replayed ?? {}, options.cacheSize ?? 50_000);
    this.signature = projectionSignature(projection);
    this.batchSize = options.batchSize ?? 5_000;
    this.batchMs = options.batchMs ?? 50;
    this.now = options.now ?? (() => new Date());
  }

  get position(): number {
    return this.currentPosition;
  }

  get cacheStats(): { size: number; hits: number; misses: number } {
    return this.folds.stats;
  }

  /**
   * True when the stored checkpoint was written by this projection's code (same version and
   * fold signature): start() then resumes from it; otherwise it would truncate and replay, and
   * a caller may prefer the projection's own rebuild first (apps/projector does).
   */
  async checkpointMatches(): Promise<boolean> {
    return this.isOwnCheckpoint(await this.checkpoints.read(this.db, this.projection.name));
  }

  private isOwnCheckpoint(checkpoint: Checkpoint | null): checkpoint is Checkpoint {
    return checkpoint !== null && checkpoint.version === this.projection.version && checkpoint.signature === this.signature;
  }

  /**
   * Reads the checkpoint. A checkpoint of another version or fold signature means the stored
   * rows were made by other code: truncate and replay (README-read-models.md, "Versions").
   */
  async start(): Promise<number> {
    const checkpoint = await this.checkpoints.read(this.db, this.projection.name);
    if (!this.isOwnCheckpoint(checkpoint)) {
      await this.reset();
    } else {
      this.currentPosition = checkpoint.position;
      this.committedPosition = checkpoint.position;
      this.folds.resumeFrom(checkpoint.position);
      this.pending = await this.dirtyKeys.load(this.db, this.projection.name);
      this.committedPending = cloneTouched(this.pending);
    }
    this.started = true;
    return this.currentPosition;
  }

  /**
   * Empties every table of the projection and puts the checkpoint at 0, in one transaction.
   * `rebuilding`: the checkpoint written in that same transaction carries the rebuild marker
   * (rebuildingSignature), so no instant exists where empty tables have a checkpoint that
   * looks valid while a projection's own rebuild is about to fill them out of global order.
   */
  async reset(options: { rebuilding?: boolean } = {}): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.folds.clear(tx);
      await this.eventRows?.clear(tx);
      for (const table of this.projection.tables) await tx.query(`DELETE FROM ${this.db.table(table)}`);
      await this.dirtyKeys.clear(tx, this.projection.name);
      await this.writeCheckpoint(tx, 0, options.rebuilding === true ? rebuildingSignature(this.projection) : this.signature);
    });
    this.discardUncommitted();
    this.folds.forget();
    this.pending = new Map();
    this.committedPending = new Map();
    this.currentPosition = 0;
    this.committedPosition = 0;
  }

  /** Applies every event up to `until` (default: the head when called). Returns the checkpoint. */
  async catchUp(options: { until?: number; signal?: AbortSignal; onBatch?: (report: BatchReport) => void } = {}): Promise<number> {
    if (!this.started) await this.start();
    const until = options.until ?? (await this.store.headPosition());
    while (this.currentPosition < until && options.signal?.aborted !== true) {
      const page = await this.store.readAllPage({
        after: this.currentPosition,
        limit: Math.min(this.batchSize, until - this.currentPosition),
      });
      if (page.events.length === 0) break;
      const last = page.events[page.events.length - 1]!.globalPosition;
      const report = await this.applyBatch(page.events, page.isEnd || last >= until);
      options.onBatch?.(report);
    }
    if (this.folds.changedCount > 0 || this.uncommittedEvents > 0) await this.guarded(() => this.commit(true, performance.now()));
    await this.derivePending();
    return this.currentPosition;
  }

  /** Derives the answers of keys left dirty (a deferred derivation, or one a crash interrupted). */
  async derivePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const touched = this.pending;
    await this.guarded(() =>
      this.db.transaction(async (tx) => {
        await this.projection.derive(this.batchView([], this.currentPosition, touched, tx), this.db, tx);
        await this.dirtyKeys.clear(tx, this.projection.name);
      }),
    );
    this.pending = new Map();
    this.committedPending = new Map();
    this.lastDerivation = performance.now();
  }

  /**
   * Catch-up, then live through the store's subscription until `signal` aborts; the batch in
   * progress is committed before returning (SIGTERM finishes the current batch).
   */
  async run(signal: AbortSignal, onBatch?: (report: BatchReport) => void): Promise<void> {
    await this.catchUp({ signal, ...(onBatch && { onBatch }) });
    if (signal.aborted) return;
    const subscription = this.store.subscribe({ after: this.currentPosition, pageSize: this.batchSize });
    try {
      const options = {
        batchSize: this.batchSize,
        batchMs: this.batchMs,
        signal,
        isNew: (e: StoredEvent) => e.globalPosition > this.currentPosition,
      };
      await forEachLiveBatch(subscription[Symbol.asyncIterator](), options, async (batch) => {
        const report = await this.applyBatch(batch, true);
        onBatch?.(report);
      });
    } finally {
      await subscription.close();
    }
  }

  /** Runs `work`; on failure drops every uncommitted effect (and the cache) before rethrowing. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.discardUncommitted();
      throw error;
    }
  }

  /**
   * After a failure the cached states may be half evolved: drop them all (the next batch
   * reloads committed states from rm_fold_state) and rewind to the committed checkpoint.
   */
  private discardUncommitted(): void {
    this.folds.discard();
    this.rows = [];
    this.uncommittedEvents = 0;
    this.touchedSinceCommit = new Map();
    this.pending = cloneTouched(this.committedPending);
    this.currentPosition = this.committedPosition;
  }

  private async applyBatch(events: readonly StoredEvent[], final: boolean): Promise<BatchReport> {
    return this.guarded(async () => {
      const started = performance.now();
      const batchNumber = ++this.batchNumber;
      const lastPosition = events[events.length - 1]!.globalPosition;
      const touched = await this.folds.apply(events as readonly RecordedEvent[], this.currentPosition);
      let keyCount = 0;
      for (const [fold, keys] of touched) {
        addAll(this.touchedSinceCommit, fold, keys);
        addAll(this.pending, fold, keys);
        keyCount += keys.size;
      }

      const rowOf = this.projection.eventRows?.rowOf;
      if (rowOf !== undefined) {
        for (const event of events) {
          const row = rowOf(event as RecordedEvent);
          if (row !== null) this.rows.push(row);
        }
      }
      this.currentPosition = lastPosition;
      this.uncommittedEvents += events.length;

      const now = performance.now();
      const flushInterval = this.options.flushIntervalMs ?? 0;
      // Changed states are pinned until committed: once they fill the cache, commit early so the
      // LRU can trim the states nobody touches any more (a finished school year's) instead of
      // keeping every state of the log in memory until the next flush.
      const full = this.folds.changedCount >= this.folds.capacity;
      if (flushInterval === 0 || final || full || now - this.lastCommit >= flushInterval) await this.commit(final, now);
      return { batchNumber, events: events.length, position: lastPosition, keys: keyCount, durationMs: performance.now() - started };
    });
  }

  /** One transaction: changed states, directory rows, answers or dirty keys, checkpoint. */
  private async commit(final: boolean, now: number): Promise<void> {
    const interval = this.options.deriveIntervalMs ?? 0;
    const derive = interval === 0 || (final && interval !== Number.POSITIVE_INFINITY) || now - this.lastDerivation >= interval;
    const position = this.currentPosition;
    const dirtyInDb = this.committedPending.size > 0;
    await this.db.transaction(async (tx) => {
      await this.folds.save(tx);
      await this.eventRows?.save(tx, this.rows);
      if (derive) {
        await this.projection.derive(this.batchView([], position, this.pending, tx), this.db, tx);
        if (dirtyInDb) await this.dirtyKeys.clear(tx, this.projection.name);
      } else {
        await this.dirtyKeys.mark(tx, this.projection.name, this.touchedSinceCommit);
      }
      await this.writeCheckpoint(tx, position);
    });
    // Committed.
    this.folds.committed();
    this.rows = [];
    this.uncommittedEvents = 0;
    this.touchedSinceCommit = new Map();
    if (derive) {
      this.pending = new Map();
      this.lastDerivation = performance.now();
    }
    this.committedPending = cloneTouched(this.pending);
    this.committedPosition = position;
    this.lastCommit = performance.now();
  }

  private batchView(
    events: readonly StoredEvent[],
    lastPosition: number,
    touched: ReadonlyMap<string, ReadonlySet<string>>,
    tx: SqlExecutor,
  ): BatchView {
    return {
      events: events as readonly RecordedEvent[],
      lastPosition,
      touched,
      // Changed states are pinned in the cache, so the cache (then the database) has them all.
      states: <S>(fold: KeyedFold<S>, keys: readonly string[]) => this.folds.current(fold, keys, tx, this.currentPosition),
      keysOf: (fold) => this.folds.keysOf(fold, tx),
    };
  }

  private async writeCheckpoint(tx: SqlExecutor, position: number, signature = this.signature): Promise<void> {
    await this.checkpoints.write(tx, {
      projection: this.projection.name,
      version: this.projection.version,
      signature,
      position,
      updatedAt: this.now().toISOString(),
    });
  }
}

function addAll(target: Map<string, Set<string>>, fold: string, keys: Iterable<string>): void {
  let set = target.get(fold);
  if (set === undefined) target.set(fold, (set = new Set()));
  for (const key of keys) set.add(key);
}

function cloneTouched(source: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const copy = new Map<string, Set<string>>();
  for (const [fold, keys] of source) copy.set(fold, new Set(keys));
  return copy;
}
