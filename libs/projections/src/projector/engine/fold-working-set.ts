import type { RecordedEvent } from '@clas/domain';
import type { EventStore } from '@clas/event-store';
import type { KeyedFold } from '../../core/keyed-fold.js';
import { FoldStateRepository, type StoredFoldState } from '../../read-models/fold-state.repository.js';
import type { ReadDatabase, SqlExecutor } from '../../read-models/read-database.js';
import type { StateReplayer } from './read-model-projection.js';
import { StateCache } from './state-cache.js';
import { applyStored, initialStored } from './stored-fold.js';

const SEPARATOR = '\u0000';

interface Changed {
  fold: KeyedFold<unknown>;
  key: string;
  stored: StoredFoldState<unknown>;
}

/**
 * The fold states a projector owns (generic over the folds): an LRU in front of rm_fold_state
 * (or of a replayer, for folds whose states are not stored), the states changed since the last
 * commit (pinned in the cache until committed), and the batch step: route the events to their
 * keys, load the missing states in one query per fold, evolve them IN PLACE (see KeyedFold).
 */
export class FoldWorkingSet {
  private readonly states: FoldStateRepository;
  private readonly cache: StateCache<StoredFoldState<unknown>>;
  private readonly routes: ReadonlyArray<{ fold: KeyedFold<unknown>; types: ReadonlySet<string> }>;
  private readonly changed = new Map<string, Changed>();
  /**
   * After a replay from 0 every state this process has not written is known to be initial,
   * so a cache miss on a new key needs no SELECT (most misses during a rebuild).
   */
  private replayedFromStart = false;
  private readonly written = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadDatabase,
    folds: readonly KeyedFold<unknown>[],
    private readonly replayers: Readonly<Record<string, StateReplayer>>,
    readonly capacity: number,
  ) {
    this.states = new FoldStateRepository(db);
    this.cache = new StateCache(capacity);
    this.routes = folds.map((fold) => ({ fold, types: new Set(fold.eventTypes) }));
  }

  get stats(): { size: number; hits: number; misses: number } {
    return { size: this.cache.size, hits: this.cache.hits, misses: this.cache.misses };
  }

  /** States changed since the last commit. */
  get changedCount(): number {
    return this.changed.size;
  }

  /** Resuming from `position`: from 0, every state not written since is initial. */
  resumeFrom(position: number): void {
    this.replayedFromStart = position === 0;
  }

  /** Every stored state deleted, in `tx`. */
  async clear(tx: SqlExecutor): Promise<void> {
    await this.states.clear(
      tx,
      this.routes.map((r) => r.fold.name),
    );
  }

  /** After a reset (tables emptied): nothing cached, nothing written, every state initial. */
  forget(): void {
    this.discard();
    this.written.clear();
    this.replayedFromStart = true;
  }

  /** After a failure the cached states may be half evolved: drop them all (and the changes). */
  discard(): void {
    this.cache.clear();
    this.changed.clear();
  }

  /**
   * Evolves the states of the keys `events` touch; `upTo` is the position the states are at
   * before the batch (what a replayer folds up to). Returns fold name → keys touched.
   */
  async apply(events: readonly RecordedEvent[], upTo: number): Promise<Map<string, Set<string>>> {
    const touched = new Map<string, Set<string>>();
    for (const { fold, types } of this.routes) {
      // Route first, so the missing states of the whole batch load in one query per chunk.
      const routed: Array<[RecordedEvent, string[]]> = [];
      const needed = new Set<string>();
      for (const event of events) {
        if (!types.has(event.type)) continue;
        const keys = fold.keysOf(event);
        if (keys.length === 0) continue;
        routed.push([event, keys]);
        for (const key of keys) needed.add(key);
      }
      if (routed.length === 0) continue;
      const base = await this.committedStates(fold, needed, this.db, upTo);
      for (const key of needed) {
        let stored = base.get(key);
        if (stored === undefined) base.set(key, (stored = initialStored(fold, key)));
        const composite = fold.name + SEPARATOR + key;
        // The cache holds the live (owned) state; changed states are pinned until committed.
        this.cache.set(composite, stored);
        this.changed.set(composite, { fold, key, stored });
      }
      for (const [event, keys] of routed) for (const key of keys) applyStored(fold, base.get(key)!, event);
      touched.set(fold.name, needed);
    }
    return touched;
  }

  /** Writes the changed states of the stored folds, in `tx` (a replayed fold's states are not stored). */
  async save(tx: SqlExecutor): Promise<void> {
    const byFold = new Map<KeyedFold<unknown>, Map<string, StoredFoldState<unknown>>>();
    for (const { fold, key, stored } of this.changed.values()) {
      let states = byFold.get(fold);
      if (states === undefined) byFold.set(fold, (states = new Map()));
      states.set(key, stored);
    }
    for (const { fold } of this.routes) {
      const states = byFold.get(fold);
      if (states !== undefined && this.replayers[fold.name] === undefined) await this.states.save(tx, fold, states);
    }
  }

  /** The transaction of `save` committed: the changes are the database's now; trim the cache. */
  committed(): void {
    if (this.replayedFromStart) for (const composite of this.changed.keys()) this.written.add(composite);
    this.changed.clear();
    this.cache.trim();
  }

  /** States of `keys` as they are now (cache, then database or replayer; initial when unknown). */
  async current<S>(
    fold: KeyedFold<S>,
    keys: readonly string[],
    executor: SqlExecutor,
    upTo: number,
  ): Promise<Map<string, StoredFoldState<S>>> {
    const result = new Map<string, StoredFoldState<S>>();
    const found = await this.committedStates(fold as KeyedFold<unknown>, keys, executor, upTo);
    for (const key of keys) result.set(key, (found.get(key) as StoredFoldState<S> | undefined) ?? initialStored(fold, key));
    return result;
  }

  /** Every key the fold has a stored state for. */
  keysOf(fold: KeyedFold<unknown>, executor: SqlExecutor): Promise<string[]> {
    if (this.replayers[fold.name] !== undefined) throw new Error(`keysOf: the states of fold "${fold.name}" are replayed, not stored`);
    return this.states.keys(executor, fold);
  }

  /** States of `keys`: cache, then one bulk SELECT (or one replay) for the rest. */
  private async committedStates(
    fold: KeyedFold<unknown>,
    keys: Iterable<string>,
    executor: SqlExecutor,
    upTo: number,
  ): Promise<Map<string, StoredFoldState<unknown>>> {
    const found = new Map<string, StoredFoldState<unknown>>();
    const missing: string[] = [];
    for (const key of keys) {
      const composite = fold.name + SEPARATOR + key;
      const cached = this.cache.get(composite);
      if (cached !== undefined) found.set(key, cached);
      else if (!this.replayedFromStart || this.written.has(composite)) missing.push(key);
    }
    if (missing.length > 0) {
      const replayer = this.replayers[fold.name];
      const loaded =
        replayer === undefined
          ? await this.states.load(executor, fold, missing)
          : await replayer(missing, { store: this.store, db: this.db, executor, upTo });
      for (const [key, stored] of loaded) found.set(key, stored);
    }
    return found;
  }
}
