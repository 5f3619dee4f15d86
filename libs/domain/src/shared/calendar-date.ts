/**
 * Business dates are days in Europe/Paris (DEVELOPERS.md); instants are ISO-8601 UTC strings.
 * The process time zone is never used: conversions go through Intl with an explicit zone.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };
export type Instant = string;

export const CAF_TIME_ZONE = 'Europe/Paris';

/**
 * The years every date and instant must lie in (R-INPUT), wherever it comes in: command
 * `occurredAt` and payload dates, `at` / `knownAt` of queries, the CLI, the NDJSON import.
 * Wide enough for any Clas fact (the scheme dates from the 1990s) and any planned date, and
 * narrow enough that every instant keeps a 4-digit year in its canonical ISO form: the store
 * and the time-travel reader compare instants as strings, and `+010000-01-01` would sort
 * before `2026-…`; `endOfParisDay(9999-12-31)` would not even have an ISO form.
 */
export const SUPPORTED_YEARS = { first: 1900, last: 2199 } as const;

/** The range in words, for error messages. */
export const SUPPORTED_YEARS_TEXT = `years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`;

const FIRST_SUPPORTED_MS = Date.UTC(SUPPORTED_YEARS.first, 0, 1);
const END_OF_SUPPORTED_MS = Date.UTC(SUPPORTED_YEARS.last + 1, 0, 1);

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day of the calendar (no 30 February, no month 13) within SUPPORTED_YEARS. */
function isCalendarDay(y: number, mo: number, d: number): boolean {
  if (y < SUPPORTED_YEARS.first || y > SUPPORTED_YEARS.last || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function localDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  return value;
}

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO-8601 instant with a zone, every field checked: `Date.parse` alone would roll
 * 2026-02-30T10:00Z over to 2 March and read T24:00 as the next midnight. The instant itself
 * (after its offset) lies within SUPPORTED_YEARS.
 */
export function isInstant(value: unknown): value is Instant {
  if (typeof value !== 'string') return false;
  const m = INSTANT_RE.exec(value);
  if (m === null || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = [m[4], m[5], m[6] ?? '0', m[7] ?? '0', m[8] ?? '0'].map(Number);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return false;
  const ms = Date.parse(value);
  return ms >= FIRST_SUPPORTED_MS && ms < END_OF_SUPPORTED_MS;
}

const parisFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CAF_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Paris calendar day of an instant: 2026-08-05T22:30:00Z → 2026-08-06. */
export function parisDateOf(instant: Instant): LocalDate {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return parisFormatter.format(new Date(ms)) as LocalDate;
}

/** Offset of Europe/Paris from UTC, in minutes, at a given UTC instant. */
function parisOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: CAF_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** The UTC instant of a Paris wall-clock time on a date (default midnight). */
export function parisInstant(date: LocalDate, time = '00:00'): Instant {
  const [h, mi] = time.split(':').map(Number);
  const [y, mo, d] = date.split('-').map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle DST transitions.
  let utc = naive - parisOffsetMinutes(naive) * 60000;
  utc = naive - parisOffsetMinutes(utc) * 60000;
  return new Date(utc).toISOString();
}

/** Last instant of a Paris day (inclusive deadlines, R-LIFE-DATES): start of next day minus 1 ms. */
export function endOfParisDay(date: LocalDate): Instant {
  return new Date(Date.parse(parisInstant(addDays(date, 1))) - 1).toISOString();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10) as LocalDate;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** ISO-8601 week of a date, as "2026-W41" (R-PS-WEEK: a week of activity is a calendar ISO week). */
export function isoWeekOf(date: LocalDate): string {
  // Memoised: the weeks-of-activity rules ask for the week of every session several times per
  // answer, and a school year has only ~300 distinct days. Bounded, so it never grows unchecked.
  const known = isoWeeks.get(date);
  if (known !== undefined) return known;
  if (isoWeeks.size >= 20_000) isoWeeks.clear();
  const week = computeIsoWeek(date);
  isoWeeks.set(date, week);
  return week;
}

const isoWeeks = new Map<string, string>();

function computeIsoWeek(date: LocalDate): string {
  const [y, mo, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  const dayNum = (t.getUTCDay() + 6) % 7; // Monday = 0
  t.setUTCDate(t.getUTCDate() - dayNum + 3); // Thursday of this week
  const weekYear = t.getUTCFullYear();
  const yearStart = Date.UTC(weekYear, 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}
