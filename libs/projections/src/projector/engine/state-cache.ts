/**
 * A bounded LRU of fold states, in front of rm_fold_state. The projector OWNS these states: a
 * batch evolves them in place, so entries changed since the last commit must stay (`set`
 * never evicts) and are only trimmed to `capacity` by `trim()` after a commit, when every
 * entry matches the database again. A failed batch clears the whole cache (Projector).
 * Map keeps insertion order: re-inserting on hit makes the first key the least recently used.
 */
export class StateCache<V> {
  private readonly entries = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Inserts or refreshes `key` as the most recently used entry (no eviction here). */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
  }

  /** Evicts the least recently used entries down to the capacity. */
  trim(): void {
    if (this.entries.size <= this.capacity) return;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
