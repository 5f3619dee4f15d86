import type { AsOf } from '@clas/projections';
import { parseAsOf } from '@clas/projections';
import { validationFailed } from '../http/api-error.js';
import { AS_OF_FORMAT } from './as-of.query.dto.js';

/**
 * The AsOf of validated query parameters through the one as-of parser (parseAsOf), in HTTP
 * words: `knownAt` may not lie in the future (what will be known is unknowable: 400); `at` may
 * (planned sessions, deadlines).
 */
export function asOfOfQuery(query: { at?: string; knownAt?: string }, now: Date): AsOf {
  const parsed = parseAsOf(query, now);
  if (!parsed.ok) throw validationFailed([{ field: parsed.field, message: AS_OF_FORMAT }]);
  if (parsed.knownAtInFuture) throw validationFailed([{ field: 'knownAt', message: 'must not be in the future' }]);
  return parsed.asOf;
}
