import { describe, expect, it } from '@jest/globals';
import { parseAsOfValue } from './as-of.js';
import { UsageError } from './cli-io.js';

describe('clas query --at / --known-at (R-INPUT: the same dates as the API)', () => {
  it('a date is the end of that Paris day; an instant is kept in canonical form', () => {
    expect(parseAsOfValue('2026-10-20', 'at', 'query')).toBe('2026-10-20T21:59:59.999Z');
    expect(parseAsOfValue('2026-10-20T12:00:00+02:00', 'at', 'query')).toBe('2026-10-20T10:00:00.000Z');
  });

  it('an impossible or out-of-range date is a usage error naming the option, never rolled over or a crash', () => {
    for (const value of ['2026-02-30', '2026-13-01', '2026-02-30T10:00:00Z', '2026-10-20T24:00:00Z', '9999-12-31', '1899-12-31T12:00:00Z']) {
      expect(() => parseAsOfValue(value, 'known-at', 'query')).toThrow(UsageError);
      expect(() => parseAsOfValue(value, 'known-at', 'query')).toThrow(/--known-at must be a date YYYY-MM-DD or an ISO instant .*years 1900–2199/);
    }
  });
});
