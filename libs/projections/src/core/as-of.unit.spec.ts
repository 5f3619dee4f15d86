import { describe, expect, it } from '@jest/globals';
import { parseAsOf } from './as-of.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');

describe('parseAsOf, the one as-of parser (API, CLI, time travel)', () => {
  it('a date is the end of that Paris day; an instant is canonical; both default to now', () => {
    expect(parseAsOf({ at: '2026-10-20', knownAt: '2026-10-20T12:00:00+02:00' }, NOW)).toEqual({
      ok: true,
      asOf: { at: '2026-10-20T21:59:59.999Z', knownAt: '2026-10-20T10:00:00.000Z' },
      knownAtInFuture: false,
    });
    expect(parseAsOf(undefined, NOW)).toEqual({
      ok: true,
      asOf: { at: NOW.toISOString(), knownAt: NOW.toISOString() },
      knownAtInFuture: false,
    });
  });

  it("a knownAt of today's date is now (the end of today has not come); a later one is flagged, `at` may be later", () => {
    expect(parseAsOf({ knownAt: '2026-11-22' }, NOW)).toMatchObject({ asOf: { knownAt: NOW.toISOString() }, knownAtInFuture: false });
    expect(parseAsOf({ knownAt: '2026-11-23' }, NOW)).toMatchObject({ ok: true, knownAtInFuture: true });
    expect(parseAsOf({ at: '2027-06-30' }, NOW)).toMatchObject({
      ok: true,
      asOf: { at: '2027-06-30T21:59:59.999Z' },
      knownAtInFuture: false,
    });
  });

  it('R-INPUT: an impossible or out-of-range value names its field, never rolled over', () => {
    for (const value of ['2026-02-30', '2026-10-20T24:00:00Z', '9999-12-31', 'yesterday']) {
      expect(parseAsOf({ at: value }, NOW)).toEqual({ ok: false, field: 'at', value });
      expect(parseAsOf({ knownAt: value }, NOW)).toEqual({ ok: false, field: 'knownAt', value });
    }
  });
});
