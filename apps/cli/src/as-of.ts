import { canonicalInstant } from '@clas/application';
import { endOfParisDay, isInstant, isLocalDate, SUPPORTED_YEARS_TEXT } from '@clas/domain';
import { UsageError } from './cli-io.js';

/**
 * `--at` / `--known-at`: an ISO instant as given, or a calendar date meaning the END of that
 * day in Europe/Paris (so "known at 2026-10-20" includes everything recorded that day), whatever
 * the process time zone.
 */
export function parseAsOfValue(value: string, option: string, command: string): string {
  if (isLocalDate(value)) return endOfParisDay(value);
  if (isInstant(value)) return canonicalInstant(value);
  throw new UsageError(`--${option} must be a date YYYY-MM-DD or an ISO instant (e.g. 2026-10-20T12:00:00Z), a real day in ${SUPPORTED_YEARS_TEXT}, got ${JSON.stringify(value)}`, command);
}
