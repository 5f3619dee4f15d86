import { type LocalDate, SUPPORTED_YEARS } from './calendar-date.js';

/**
 * A school year "2026-2027": from 1 September of the first year to 31 August of the next.
 * (Seed 003's "2019" cap is a calendar-year figure; it is modelled as school year 2019-2020.)
 */
export type SchoolYear = string & { readonly __brand: 'SchoolYear' };

const RE = /^(\d{4})-(\d{4})$/;

export function isSchoolYear(value: unknown): value is SchoolYear {
  if (typeof value !== 'string') return false;
  const m = RE.exec(value);
  // Both of its years within SUPPORTED_YEARS, so its first and last days are dates too.
  return !!m && Number(m[2]) === Number(m[1]) + 1 && Number(m[1]) >= SUPPORTED_YEARS.first && Number(m[2]) <= SUPPORTED_YEARS.last;
}

export function schoolYear(value: string): SchoolYear {
  if (!isSchoolYear(value)) throw new RangeError(`not a school year (YYYY-YYYY+1): ${value}`);
  return value;
}

export function firstYearOf(year: SchoolYear): number {
  return Number(year.slice(0, 4));
}

// 1 September and 31 August are days of every year: no check that could throw on a year
// computed past SUPPORTED_YEARS (a convention's last year, the next school year).
export function schoolYearStart(year: SchoolYear): LocalDate {
  return `${firstYearOf(year)}-09-01` as LocalDate;
}

export function schoolYearEnd(year: SchoolYear): LocalDate {
  return `${firstYearOf(year) + 1}-08-31` as LocalDate;
}

export function schoolYearOf(date: LocalDate): SchoolYear {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const first = m >= 9 ? y : y - 1;
  return `${first}-${first + 1}` as SchoolYear;
}

export function previousSchoolYear(year: SchoolYear): SchoolYear {
  const first = firstYearOf(year) - 1;
  return `${first}-${first + 1}` as SchoolYear;
}

export function nextSchoolYear(year: SchoolYear, by = 1): SchoolYear {
  const first = firstYearOf(year) + by;
  return `${first}-${first + 1}` as SchoolYear;
}
