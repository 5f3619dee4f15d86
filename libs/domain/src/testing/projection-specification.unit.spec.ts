import { describe, expect, it } from '@jest/globals';
import { projectionSpec } from './projection-specification.js';

type Ev = { key: string; n: number } | { key: string; when: Date };
const sum = {
  initial: (key: string): { key: string; total: number; at?: Date } => ({ key, total: 0 }),
  evolve: (s: { key: string; total: number; at?: Date }, e: Ev) => ('n' in e ? { ...s, total: s.total + e.n } : { ...s, at: e.when }),
  keysOf: (e: Ev) => [e.key],
};

describe('the given/then helper for folds', () => {
  it("folds the events of the first event's key and compares the state, ignoring key order", () => {
    projectionSpec(sum)
      .given([
        { key: 'a', n: 2 },
        { key: 'b', n: 5 },
        { key: 'a', n: 3 },
      ])
      .then({ total: 5, key: 'a' });
    expect(
      projectionSpec(sum).given(
        [
          { key: 'a', n: 2 },
          { key: 'b', n: 5 },
        ],
        'b',
      ).state,
    ).toEqual({ key: 'b', total: 5 });
  });

  it('fails when the state differs or is not plain JSON', () => {
    expect(() =>
      projectionSpec(sum)
        .given([{ key: 'a', n: 2 }])
        .then({ key: 'a', total: 3 }),
    ).toThrow('unexpected state');
    expect(() =>
      projectionSpec(sum)
        .given([{ key: 'a', when: new Date(0) }])
        .then({ key: 'a', total: 0 }),
    ).toThrow('state is not plain JSON');
  });
});
