import type { AsOf } from '@clas/projections';
import { parseAsOf } from '@clas/projections';
import { SUPPORTED_YEARS_TEXT } from '@clas/domain';
import { UsageError } from './cli-io.js';

const OPTION: Record<keyof AsOf, string> = { at: 'at', knownAt: 'known-at' };

/**
 * `--at` / `--known-at` through the one as-of parser (parseAsOf: a date is the END of that Paris
 * day, whatever the process time zone; an instant is kept in canonical form; both default to
 * now). A value it refuses is a usage error naming the option. A `--known-at` after now is
 * answered with what is known now, as the library does.
 */
export function asOfOptions(values: { at?: unknown; 'known-at'?: unknown }, now: Date, command: string): AsOf {
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const parsed = parseAsOf({ at: text(values.at), knownAt: text(values['known-at']) }, now);
  if (!parsed.ok) {
    throw new UsageError(
      `--${OPTION[parsed.field]} must be a date YYYY-MM-DD or an ISO instant (e.g. 2026-10-20T12:00:00Z), a real day in ${SUPPORTED_YEARS_TEXT}, got ${JSON.stringify(parsed.value)}`,
      command,
    );
  }
  return parsed.asOf;
}
