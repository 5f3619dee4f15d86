import { describe, expect, it } from '@jest/globals';
import { splitByWeights } from './departmental-breakdown.js';
import { formatProgress } from './progress-bar.js';
import { StateCache } from './state-cache.js';

describe('splitByWeights (dashboard rows add up to the Caf totals, to the cent)', () => {
  it('splits in proportion and keeps the exact sum, negative amounts included', () => {
    expect(splitByWeights(1_000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(splitByWeights(281_190, [2, 1])).toEqual([187_460, 93_730]);
    expect(splitByWeights(-7, [1, 1])).toEqual([-4, -3]);
    for (const [amount, weights] of [[99_999, [3, 5, 7]], [1, [1, 1, 1, 1]], [0, [2, 3]]] as const) {
      expect(splitByWeights(amount, weights).reduce((s, x) => s + x, 0)).toBe(amount);
    }
    expect(splitByWeights(500, [0, 0])).toEqual([0, 0]);
  });
});

describe('StateCache (LRU in front of rm_fold_state)', () => {
  it('evicts the least recently used entries on trim (after a commit), a hit refreshing it', () => {
    const cache = new StateCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    // Entries changed since the last commit are pinned: set never evicts.
    expect(cache.size).toBe(3);
    cache.trim();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect({ size: cache.size, hits: cache.hits, misses: cache.misses }).toEqual({ size: 2, hits: 3, misses: 1 });
  });
});

describe('formatProgress (rebuild progress line)', () => {
  it('shows the bar, position/head, rate and ETA', () => {
    expect(formatProgress({ position: 250, head: 1_000, events: 250, elapsedMs: 1_000, eventsPerSec: 250, etaSeconds: 3, done: false }, 10)).toBe(
      '[###-------]  25.0% 250/1,000 250 ev/s ETA 00:03',
    );
  });
});
