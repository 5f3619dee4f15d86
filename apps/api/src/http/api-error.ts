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
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The response body: `{ statusCode, code, message, ...extra }`. */
  body(): Record<string, unknown> {
    return { statusCode: this.status, code: this.code, message: this.message, ...this.extra };
  }
}

export interface FieldError {
  /** Dotted path from the request root, e.g. `data.budget.totalOperatingCost` or the query parameter's name. */
  field: string;
  message: string;
}

export const validationFailed = (errors: FieldError[]): ApiError =>
  new ApiError(400, 'VALIDATION_FAILED', 'the request is invalid', { errors });

export const forbidden = (reason: string): ApiError => new ApiError(403, 'FORBIDDEN', reason);

export const notFound = (what: string, id: string): ApiError => new ApiError(404, 'NOT_FOUND', `unknown ${what} ${id}`, { what, id });
