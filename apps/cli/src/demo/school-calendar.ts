import { type Instant, type LocalDate, addDays, localDate, parisInstant } from '@clas/domain';

export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/** 0 = Monday … 6 = Sunday, from the calendar date alone (no time zone involved). */
export function weekdayIndex(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export const paris = (date: string, time = '10:00'): Instant => parisInstant(localDate(date), time);

/** An instant `days` after the Paris date at a given time: "typed in 6 days later, at 18:30". */
export const later = (date: LocalDate, days: number, time = '18:30'): Instant => parisInstant(addDays(date, days), time);

export interface SchoolCalendar {
  /** School holidays (no sessions), first and last day inclusive. */
  holidays: DateRange[];
  /** Public holidays: a session falling on one is held the next day. */
  publicHolidays: LocalDate[];
}

/**
 * The zone A (Bordeaux, Landes) and zone C (Montpellier, Aude) holidays of the two school years,
 * as published by the Éducation nationale (rounded to whole days off).
 */
export const LANDES_2025_2026_CALENDAR: SchoolCalendar = {
  holidays: [
    { from: localDate('2025-10-18'), to: localDate('2025-11-02') },
    { from: localDate('2025-12-20'), to: localDate('2026-01-04') },
    { from: localDate('2026-02-07'), to: localDate('2026-02-22') },
    { from: localDate('2026-04-04'), to: localDate('2026-04-19') },
  ],
  publicHolidays: ['2025-11-11', '2025-12-25', '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25'].map(
    localDate,
  ),
};

export const AUDE_2026_2027_CALENDAR: SchoolCalendar = {
  holidays: [
    { from: localDate('2026-10-17'), to: localDate('2026-11-01') },
    { from: localDate('2026-12-19'), to: localDate('2027-01-03') },
    { from: localDate('2027-02-20'), to: localDate('2027-03-07') },
    { from: localDate('2027-04-17'), to: localDate('2027-05-02') },
  ],
  publicHolidays: ['2026-11-11', '2026-12-25', '2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17'].map(
    localDate,
  ),
};

const inHolidays = (calendar: SchoolCalendar, date: LocalDate): boolean => calendar.holidays.some((h) => date >= h.from && date <= h.to);

/**
 * The session dates of a weekly schedule over a period: school holidays skipped, a session on
 * a public holiday moved to the next day (so the week keeps its two sessions, R-PS-WEEK).
 */
export function sessionDates(calendar: SchoolCalendar, period: DateRange, weekdays: readonly number[]): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    if (!weekdays.includes(weekdayIndex(day)) || inHolidays(calendar, day)) continue;
    dates.push(calendar.publicHolidays.includes(day) ? addDays(day, 1) : day);
  }
  return dates;
}
