import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { JsonLogger } from '@clas/runtime';
import type { ErrorResponse } from './api-error.js';
import { correlationIdOf } from './correlation-id.middleware.js';
import { toApiError } from './error-mapping.js';
import type { HttpRequest, HttpResponse } from './http-types.js';

/**
 * The single place an error becomes an HTTP response. Expected failures keep their status
 * and code; anything else is a 500 whose body holds only a correlation id, the details
 * (message, stack) going to the JSON log under that id.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    const res = http.getResponse<HttpResponse>();
    sendError(res, req, exception, this.logger);
  }
}

export function sendError(res: HttpResponse, req: HttpRequest, exception: unknown, logger: JsonLogger): void {
  if (res.headersSent) {
    // A streaming response failed midway: the status is gone, only the log can tell.
    logger.event('response failed after headers were sent', { correlationId: correlationIdOf(req), error: String(exception) }, 'error');
    res.end();
    return;
  }
  const known = toApiError(exception);
  if (known) {
    res.status(known.status).json(known.body());
    return;
  }
  const correlationId = correlationIdOf(req);
  const error = exception instanceof Error ? exception : new Error(String(exception));
  logger.event(
    'unexpected error',
    { correlationId, method: req.method, path: req.path, error: error.message, stack: error.stack },
    'error',
  );
  const body: ErrorResponse = {
    statusCode: 500,
    code: 'INTERNAL_ERROR',
    message: 'unexpected error; quote the correlation id when reporting it',
    correlationId,
  };
  res.status(500).json(body);
}
