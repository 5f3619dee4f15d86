import { describe, expect, it } from '@jest/globals';
import type { Explanation } from '@clas/domain';
import { storedExplanation } from './clas-answer-rows.js';
import { splitByWeights } from './departmental-breakdown.js';
import { formatProgress } from './progress-bar.js';
import { StateCache } from './engine/state-cache.js';

describe('splitByWeights (dashboard rows add up to the Caf totals, to the cent)', () => {
  it('splits in proportion and keeps the exact sum, negative amounts included', () => {
    expect(splitByWeights(1_000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(splitByWeights(281_190, [2, 1])).toEqual([187_460, 93_730]);
    expect(splitByWeights(-7, [1, 1])).toEqual([-4, -3]);
    for (const [amount, weights] of [
      [99_999, [3, 5, 7]],
      [1, [1, 1, 1, 1]],
      [0, [2, 3]],
    ] as const) {
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
    expect(
      formatProgress({ position: 250, head: 1_000, events: 250, elapsedMs: 1_000, eventsPerSec: 250, etaSeconds: 3, done: false }, 10),
    ).toBe('[###-------]  25.0% 250/1,000 250 ev/s ETA 00:03');
  });
});

describe('storedExplanation (rm_project_status.explanation)', () => {
  const week = (isoWeek: string, counts: boolean, reasons: string[] = []): Explanation => ({
    ruleId: 'R-PS-WEEK',
    inputs: { isoWeek },
    sourceEventIds: [`s-${isoWeek}`, 'enrol-1', 'enrol-2'],
    output: { counts, reasons },
  });
  const tree: Explanation = {
    ruleId: 'R-PS-ACTUAL',
    inputs: { collectifs: 1 },
    sourceEventIds: ['decision'],
    output: { payable: 100 },
    children: [
      {
        ruleId: 'R-PS-WEEK',
        inputs: { collectifId: 'A' },
        sourceEventIds: ['s-W01', 's-W02', 'enrol-1', 'enrol-2'],
        output: { weeksOfActivity: 1, minWeeks: 27, compliant: false },
        children: [week('2026-W01', true), week('2026-W02', false, ['sessions 60 min do not meet the weekly rhythm'])],
      },
      { ruleId: 'R-PS-80', inputs: {}, sourceEventIds: ['application'], output: { reduction: 0 } },
    ],
  };

  it('R-PS-EXPLAIN: keeps every node with its rule, inputs, output and event ids, and lists the weeks that did not count instead of every week', () => {
    const stored = storedExplanation(tree)!;
    expect(stored.ruleId).toBe('R-PS-ACTUAL');
    expect(stored.sourceEventIds).toEqual(['decision']);
    const [weeks, eighty] = stored.children!;
    expect(weeks).toEqual({
      ruleId: 'R-PS-WEEK',
      inputs: { collectifId: 'A' },
      sourceEventIds: ['s-W01', 's-W02', 'enrol-1', 'enrol-2'],
      output: {
        weeksOfActivity: 1,
        minWeeks: 27,
        compliant: false,
        weeksNotCounted: [{ isoWeek: '2026-W02', reasons: ['sessions 60 min do not meet the weekly rhythm'] }],
      },
    });
    expect(eighty).toEqual(tree.children![1]);
    expect(storedExplanation(null)).toBeNull();
    // The input is not modified (answers are shared with the caller).
    expect(tree.children![0]!.children).toHaveLength(2);
  });
});
