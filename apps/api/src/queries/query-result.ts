import type { QueryResult } from '@clas/projections';
import { notFound } from '../http/api-error.js';

/** found → its value; not_found (unknown id, or nothing known of it at the date) → 404. */
export function valueOf<T>(result: QueryResult<T>): T {
  if (result.kind === 'not_found') throw notFound(result.what, result.id);
  return result.value;
}
