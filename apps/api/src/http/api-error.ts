/**
 * The body of every error, declared once: ApiError.body() and the exception filter build it,
 * and its OpenAPI schema (the ErrorResponse component) is generated from this type. Beyond
 * `statusCode`, `code` and `message`, a field appears only with the statuses its comment names.
 */
export interface ErrorResponse {
  /**
   * The HTTP status, repeated.
   * @asType integer
   * @example 400
   */
  statusCode: number;
  /**
   * VALIDATION_FAILED, MALFORMED_JSON, JSON_TOO_DEEP, MALFORMED_ENCODING, BAD_REQUEST (400) · UNAUTHENTICATED (401) ·
   * FORBIDDEN (403) · NOT_FOUND (404) · CONCURRENCY_CONFLICT (409) · PAYLOAD_TOO_LARGE (413) ·
   * UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_CONTENT_ENCODING (415) · a domain rejection code (422) ·
   * TOO_MANY_AUTH_FAILURES (429) · INTERNAL_ERROR (500) · SERVICE_UNAVAILABLE (503)
   * @example "VALIDATION_FAILED"
   */
  code: string;
  /** @example "the request is invalid" */
  message: string;
  /** 400 VALIDATION_FAILED: one entry per invalid field or query parameter. */
  errors?: FieldError[];
  /**
   * 422: the rule of domain.md that refused.
   * @example "R-LIFE-1"
   */
  ruleId?: string;
  /** 422: the facts behind the rejection. */
  details?: Record<string, unknown>;
  /**
   * 409: the stream the command wrote to.
   * @example "campaign-11-2026-2027"
   */
  streamId?: string;
  /** 409: the version the client expected. */
  expectedVersion?: number | 'no_stream' | 'any';
  /**
   * 409: the stream version now; retry with it.
   * @asType integer
   */
  currentVersion?: number;
  /**
   * 404: what kind of thing is unknown.
   * @example "project"
   */
  what?: string;
  /** 404: the unknown id. */
  id?: string;
  /**
   * 400 JSON_TOO_DEEP: the nesting limit; 413: the body limit in bytes.
   * @asType integer
   */
  limit?: number;
  /**
   * 429: seconds until the address may try again (also in Retry-After).
   * @asType integer
   */
  retryAfterSeconds?: number;
  /** 500: quote it when reporting the problem (also in the x-correlation-id header). */
  correlationId?: string;
  /** 503 (GET /health): the store does not answer. */
  status?: 'unavailable';
}

/** The fields an error adds to `{ statusCode, code, message }`. */
export type ErrorExtras = Omit<ErrorResponse, 'statusCode' | 'code' | 'message'>;

/**
 * The one error type the API throws on purpose: a status, a stable machine `code`, a
 * message, and extra fields merged into the JSON body. The global filter renders it as is;
 * anything else thrown is either a Nest HttpException (mapped by status) or a 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: ErrorExtras = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The response body: `{ statusCode, code, message, ...extra }`. */
  body(): ErrorResponse {
    return { statusCode: this.status, code: this.code, message: this.message, ...this.extra };
  }
}

export interface FieldError {
  /**
   * Dotted path from the request root, e.g. `data.budget.totalOperatingCost` or the query parameter's name.
   * @example "data.parameters.priceCapPerCollectif"
   */
  field: string;
  /** @example "must be an integer ≥ 0 (cents)" */
  message: string;
}

export const validationFailed = (errors: FieldError[]): ApiError =>
  new ApiError(400, 'VALIDATION_FAILED', 'the request is invalid', { errors });

export const forbidden = (reason: string): ApiError => new ApiError(403, 'FORBIDDEN', reason);

export const notFound = (what: string, id: string): ApiError => new ApiError(404, 'NOT_FOUND', `unknown ${what} ${id}`, { what, id });
