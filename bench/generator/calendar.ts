import { addDays, parisInstant, type LocalDate } from '@clas/domain';

const instants = new Map<string, string>();

/** parisInstant with a cache: the generator asks for the same few hundred (date, time) pairs millions of times. */
export function at(date: LocalDate, time = '12:00'): string {
  const key = `${date} ${time}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = parisInstant(date, time);
    instants.set(key, instant);
  }
  return instant;
}

export function day(year: number, month: number, dayOfMonth: number): LocalDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}` as LocalDate;
}

/** The first Monday on or after a date. */
export function mondayOnOrAfter(date: LocalDate): LocalDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, (8 - weekday) % 7);
}

/** Days since 1970-01-01 (bucket index of the recording timeline). */
export function epochDay(date: LocalDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export function dateOfEpochDay(index: number): LocalDate {
  return new Date(index * 86_400_000).toISOString().slice(0, 10) as LocalDate;
}

export { addDays };
