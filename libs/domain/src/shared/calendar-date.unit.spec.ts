import { describe, expect, it } from '@jest/globals';
import { endOfParisDay, isoWeekOf, localDate, parisDateOf, parisInstant } from './calendar-date.js';

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
});
