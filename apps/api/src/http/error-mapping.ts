import { HttpException } from '@nestjs/common';
import { ApiError } from './api-error.js';

/** Stable codes for the statuses Nest or Express may raise on their own. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** body-parser's errors carry a `type` and a 4xx `status`; they are the client's fault. */
interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const e = error as Partial<BodyParserError> | null;
  return (
    typeof e === 'object' && e !== null && typeof e.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500
  );
}

/**
 * A body that does not decode as its Content-Encoding says (not gzip, truncated, bad brotli):
 * zlib's error (`errno`, `code` such as Z_DATA_ERROR), which body-parser passes on with a 400
 * status but no `type`.
 */
function isBodyDecodingError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { status?: unknown; errno?: unknown; code?: unknown; type?: unknown };
  return e.status === 400 && e.type === undefined && typeof e.errno === 'number' && typeof e.code === 'string';
}

/** The Content-Encodings body-parser decodes (zstd only on Node versions that have it). */
const DECODED_ENCODINGS = 'gzip, deflate, br';

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return exception.message;
}

/**
 * Every expected failure as an ApiError; null for an unexpected one (a 500 with a correlation id). Messages of
 * client errors are ours or Nest's short texts: never a stack, never the offending bytes.
 */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed') return new ApiError(400, 'MALFORMED_JSON', 'the body is not valid JSON');
    if (error.type === 'entity.too.large')
      return new ApiError(413, 'PAYLOAD_TOO_LARGE', `the body exceeds the limit of ${error.limit ?? '?'} bytes`, { limit: error.limit });
    if (error.type === 'encoding.unsupported')
      return new ApiError(415, 'UNSUPPORTED_CONTENT_ENCODING', `the Content-Encoding is not supported (identity, ${DECODED_ENCODINGS})`);
    if (error.type === 'charset.unsupported') return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'the body must be UTF-8 JSON');
    return new ApiError(400, 'BAD_REQUEST', 'the body could not be read');
  }
  if (isBodyDecodingError(error)) return new ApiError(400, 'MALFORMED_ENCODING', 'the body does not decode as its Content-Encoding says');
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Only the status and the message pass: the body's other fields are the declared ErrorResponse's.
    return new ApiError(status, CODE_BY_STATUS[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR'), messageOf(error));
  }
  return null;
}
