import { describe, expect, it } from '@jest/globals';
import { asOfOptions } from './as-of.js';
import { UsageError } from './cli-io.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');

describe('clas query --at / --known-at (R-INPUT: the same dates as the API)', () => {
  it('a date is the end of that Paris day; an instant is kept in canonical form; both default to now', () => {
    expect(asOfOptions({ at: '2026-10-20', 'known-at': '2026-10-20T12:00:00+02:00' }, NOW, 'query')).toEqual({
      at: '2026-10-20T21:59:59.999Z',
      knownAt: '2026-10-20T10:00:00.000Z',
    });
    expect(asOfOptions({}, NOW, 'query')).toEqual({ at: NOW.toISOString(), knownAt: NOW.toISOString() });
  });

  it('an impossible or out-of-range date is a usage error naming the option, never rolled over or a crash', () => {
    for (const value of [
      '2026-02-30',
      '2026-13-01',
      '2026-02-30T10:00:00Z',
      '2026-10-20T24:00:00Z',
      '9999-12-31',
      '1899-12-31T12:00:00Z',
    ]) {
      expect(() => asOfOptions({ 'known-at': value }, NOW, 'query')).toThrow(UsageError);
      expect(() => asOfOptions({ 'known-at': value }, NOW, 'query')).toThrow(
        /--known-at must be a date YYYY-MM-DD or an ISO instant .*years 1900–2199/,
      );
      expect(() => asOfOptions({ at: value }, NOW, 'query')).toThrow(/--at must be a date/);
    }
  });
});
