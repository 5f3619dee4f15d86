import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponse, Next } from './http-types.js';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The id of a request: the caller's x-correlation-id when it is a safe token, otherwise a new uuid. */
export function correlationIdOf(req: HttpRequest): string {
  if (req.correlationId) return req.correlationId;
  const header = req.headers[CORRELATION_HEADER];
  req.correlationId = typeof header === 'string' && SAFE_ID.test(header) ? header : randomUUID();
  return req.correlationId;
}

/**
 * Runs first: every response (errors included) carries the id, the command bus puts it in the
 * events' metadata, and a 500 quotes it, so a user's report leads to the log line.
 */
export function correlationIdMiddleware(req: HttpRequest, res: HttpResponse, next: Next): void {
  res.setHeader(CORRELATION_HEADER, correlationIdOf(req));
  next();
}
