import { MAX_NESTING_DEPTH, nestingDepthExceeds } from '@clas/domain';
import { ApiError } from './api-error.js';
import type { HttpRequest, HttpResponse, Next } from './http-types.js';

/**
 * Runs right after the JSON body parser, before any guard, pipe or transformer: a body nesting
 * deeper than MAX_NESTING_DEPTH would overflow the stack of class-transformer and
 * class-validator (a 500). Refused as 400 JSON_TOO_DEEP, through the body-parser error handler.
 */
export function jsonDepthMiddleware(req: HttpRequest & { body?: unknown }, _res: HttpResponse, next: Next): void {
  if (nestingDepthExceeds(req.body)) {
    next(
      new ApiError(400, 'JSON_TOO_DEEP', `the body nests objects or arrays more than ${MAX_NESTING_DEPTH} levels deep`, {
        limit: MAX_NESTING_DEPTH,
      }),
    );
    return;
  }
  next();
}
