import { describe, expect, it } from '@jest/globals';
import { MAX_NESTING_DEPTH, nestingDepthExceeds } from './nesting-depth.js';

const nested = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
};

describe('JSON nesting depth (R-INPUT)', () => {
  it('counts objects and arrays on the deepest path: a scalar is 0, {} is 1', () => {
    expect(nestingDepthExceeds(1, 0)).toBe(false);
    expect(nestingDepthExceeds({}, 0)).toBe(true);
    expect(nestingDepthExceeds({}, 1)).toBe(false);
    expect(nestingDepthExceeds({ a: [1] }, 1)).toBe(true);
    expect(nestingDepthExceeds({ a: [1], b: 'x' }, 2)).toBe(false);
    expect(nestingDepthExceeds({ wide: [1, 2, 3], deep: { x: { y: { z: {} } } } }, 4)).toBe(true);
  });

  it(`accepts exactly ${MAX_NESTING_DEPTH} levels by default and refuses one more`, () => {
    expect(nestingDepthExceeds(nested(MAX_NESTING_DEPTH))).toBe(false);
    expect(nestingDepthExceeds(nested(MAX_NESTING_DEPTH + 1))).toBe(true);
  });

  it('walks a million levels without overflowing the stack (it guards the recursive code behind it)', () => {
    const text = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(nestingDepthExceeds(JSON.parse(text))).toBe(true);
    expect(nestingDepthExceeds(nested(200_000), 250_000)).toBe(false);
  });
});
