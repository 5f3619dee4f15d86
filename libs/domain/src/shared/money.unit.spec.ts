import { describe, expect, it } from '@jest/globals';
import { applyRateHalfUp, centsToEuros, eurosToCents, percent } from './money.js';

describe('money (R-PS-FORMULA: integer cents, half-up)', () => {
  it('R-PS-FORMULA: 8 487 € × 32.5 % = 2 758.275 → 2 758.28 € (seed 000)', () => {
    expect(applyRateHalfUp(eurosToCents('8487'), percent('32.5'))).toBe(275828);
  });
  it('parses French and machine amounts, formats back', () => {
    expect(eurosToCents('2 811,90')).toBe(281190);
    expect(eurosToCents('-12.5')).toBe(-1250);
    expect(centsToEuros(-1250)).toBe('-12.50');
    expect(() => eurosToCents('12.345')).toThrow(RangeError);
  });
});
