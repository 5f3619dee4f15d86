import { endOfParisDay, isInstant, isLocalDate, parisDateOf } from '@clas/domain';
import type { AsOf } from './keyed-fold.js';

/** The two inputs of every question as given (a query string, a CLI option, a library call). */
export interface AsOfInput {
  at?: string | undefined;
  knownAt?: string | undefined;
}

export type AsOfParse =
  | {
      ok: true;
      asOf: AsOf;
      /**
       * `knownAt` lies after now. What will be known is unknowable, and the answer is the same
       * as now: the API refuses it (400), the library and the CLI answer as of now's knowledge.
       */
      knownAtInFuture: boolean;
    }
  | { ok: false; field: keyof AsOf; value: string };

/**
 * THE as-of parser (domain.md §7), for the API, the CLI and the time-travel queries alike.
 * A value is a calendar date, meaning the END of that day in Europe/Paris whatever the process
 * time zone ("known on 20 October" includes all of it), or an ISO instant with a zone within
 * the supported years, kept in the store's canonical `toISOString()` form (the store compares
 * instants as strings). Both default to `now`; a `knownAt` that is TODAY's date means now,
 * since the end of today has not come yet. Anything else is `ok: false` naming the field: each
 * entry says it in its own words (400 VALIDATION_FAILED, a usage error, a RangeError).
 */
export function parseAsOf(input: AsOfInput | undefined, now: Date): AsOfParse {
  const nowIso = now.toISOString();
  const today = parisDateOf(nowIso);
  const instantOf = (field: keyof AsOf, value: string | undefined): string | { field: keyof AsOf; value: string } => {
    if (value === undefined) return nowIso;
    if (isLocalDate(value)) return field === 'knownAt' && value === today ? nowIso : endOfParisDay(value);
    if (isInstant(value)) return new Date(value).toISOString();
    return { field, value };
  };
  const at = instantOf('at', input?.at);
  if (typeof at !== 'string') return { ok: false, ...at };
  const knownAt = instantOf('knownAt', input?.knownAt);
  if (typeof knownAt !== 'string') return { ok: false, ...knownAt };
  return { ok: true, asOf: { at, knownAt }, knownAtInFuture: knownAt > nowIso };
}
