import { describe, expect, it } from '@jest/globals';
import { endOfParisDay, isInstant, isLocalDate, isoWeekOf, localDate, parisDateOf, parisInstant } from './calendar-date.js';
import { isSchoolYear } from './school-year.js';

describe('calendar dates in Europe/Paris (R-LIFE-DATES)', () => {
  it('a late-evening UTC instant is the next Paris day in summer', () => {
    expect(parisDateOf('2026-08-05T22:30:00Z')).toBe('2026-08-06');
    expect(parisDateOf('2026-08-05T21:59:59Z')).toBe('2026-08-05');
  });
  it('end of a Paris day is inclusive and follows DST', () => {
    expect(endOfParisDay(localDate('2026-08-05'))).toBe('2026-08-05T21:59:59.999Z');
    expect(endOfParisDay(localDate('2026-01-15'))).toBe('2026-01-15T22:59:59.999Z');
    expect(parisInstant(localDate('2026-03-29'), '12:00')).toBe('2026-03-29T10:00:00.000Z');
  });
  it('ISO weeks (R-PS-WEEK)', () => {
    expect(isoWeekOf(localDate('2026-01-01'))).toBe('2026-W01');
    expect(isoWeekOf(localDate('2027-01-01'))).toBe('2026-W53');
    expect(isoWeekOf(localDate('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekOf(localDate('2026-10-05'))).toBe('2026-W41');
  });

  describe('what is a date or an instant at all (R-INPUT: refused, never rolled over)', () => {
    it('a date is a real day of the calendar', () => {
      for (const ok of ['2026-02-28', '2028-02-29', '2026-12-31', '1900-01-01', '2199-12-31']) expect(isLocalDate(ok)).toBe(true);
      for (const bad of [
        '2026-02-29',
        '2026-02-30',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-01-00',
        '1900-02-29',
        '2026-1-1',
        ' 2026-01-01',
        20260101,
        null,
      ]) {
        expect(isLocalDate(bad)).toBe(false);
      }
    });
    it('an instant has every field in range and a zone; Date.parse alone would roll 30 February over to 2 March', () => {
      expect(Date.parse('2026-02-30T10:00:00Z')).toBe(Date.parse('2026-03-02T10:00:00Z'));
      for (const ok of [
        '2026-10-05T08:00:00Z',
        '2026-10-05T08:00Z',
        '2026-10-05T08:00:00.123456789Z',
        '2026-10-05T23:59:59+02:00',
        '2028-02-29T00:00:00-05:30',
      ])
        expect(isInstant(ok)).toBe(true);
      for (const bad of [
        '2026-02-30T10:00:00Z',
        '2026-13-01T00:00:00Z',
        '2026-01-01T24:00:00Z',
        '2026-01-01T23:60:00Z',
        '2026-01-01T23:59:60Z',
        '2026-01-01T10:00:00+24:00',
        '2026-01-01T10:00:00+01:60',
        '2026-01-01T10:00:00',
        '2026-01-01',
        '2026-01-01t10:00:00z',
        'Thu, 01 Jan 2026 10:00:00 GMT',
        1767261600000,
      ]) {
        expect(isInstant(bad)).toBe(false);
      }
    });
    it('dates, instants and school years lie within the supported years 1900–2199, so every canonical instant keeps a 4-digit year', () => {
      for (const bad of ['1899-12-31', '2200-01-01', '9999-12-31', '0000-01-01']) expect(isLocalDate(bad)).toBe(false);
      expect(isInstant('9999-12-31T00:00:00Z')).toBe(false);
      expect(isInstant('1900-01-01T00:00:00Z')).toBe(true);
      // The instant after its offset counts: 00:30 at +01:00 on 1 January 1900 is still 1899 in UTC.
      expect(isInstant('1900-01-01T00:30:00+01:00')).toBe(false);
      expect(isInstant('2199-12-31T23:59:59.999Z')).toBe(true);
      expect(isInstant('2199-12-31T23:30:00-01:00')).toBe(false);
      expect(endOfParisDay(localDate('2199-12-31'))).toBe('2199-12-31T22:59:59.999Z');
      expect(isSchoolYear('2026-2027')).toBe(true);
      expect(isSchoolYear('2199-2200')).toBe(false);
      expect(isSchoolYear('1899-1900')).toBe(false);
    });
  });
});
