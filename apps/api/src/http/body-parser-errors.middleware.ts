import type { JsonLogger } from '@clas/runtime';
import { sendError } from './all-exceptions.filter.js';
import type { HttpRequest, HttpResponse, Next } from './http-types.js';

/**
 * body-parser runs as Express middleware, outside Nest's exception filters: its errors
 * (malformed JSON, body too large) would reach Express's default handler and come back as an
 * HTML page with a stack trace. This Express error handler, registered right after the parser,
 * renders them with the same function as the global filter (400 MALFORMED_JSON, 413).
 */
export function bodyParserErrorsMiddleware(logger: JsonLogger) {
  return (error: unknown, req: HttpRequest, res: HttpResponse, _next: Next): void => {
    sendError(res, req, error, logger);
  };
}
