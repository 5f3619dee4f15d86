import { endOfParisDay, isLocalDate, parisDateOf } from '@clas/domain';
import type { AsOf } from '@clas/projections';
import { validationFailed } from '../http/api-error.js';

/** A date → the last instant of that Paris day (a question "on 20 October" includes all of it). */
function instantOf(value: string): string {
  return isLocalDate(value) ? endOfParisDay(value) : new Date(value).toISOString();
}

/**
 * Canonical AsOf from validated query parameters. `knownAt` may not lie in the future (what
 * will be known is unknowable); a knownAt that is TODAY's date means "now", since the end of
 * today has not come yet. `at` may be in the future (planned sessions, deadlines).
 */
export function resolveAsOf(query: { at?: string; knownAt?: string }, now: Date): AsOf {
  const nowIso = now.toISOString();
  const at = query.at === undefined ? nowIso : instantOf(query.at);
  let knownAt = nowIso;
  if (query.knownAt !== undefined) {
    const isToday = isLocalDate(query.knownAt) && query.knownAt === parisDateOf(nowIso);
    knownAt = isToday ? nowIso : instantOf(query.knownAt);
    if (knownAt > nowIso) throw validationFailed([{ field: 'knownAt', message: 'must not be in the future' }]);
  }
  return { at, knownAt };
}
