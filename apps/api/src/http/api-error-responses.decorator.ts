import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { responseRef } from '../contract/answers-with.decorator.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request: invalid field or query parameter (VALIDATION_FAILED, naming it) or malformed JSON (MALFORMED_JSON)',
  401: 'Missing, invalid or expired bearer token, or one without exp or valid longer than CLAS_TOKEN_MAX_TTL (UNAUTHENTICATED)',
  403: 'The role or the scope (Caf, operator) of the token does not allow it (FORBIDDEN)',
  404: 'Unknown id (NOT_FOUND)',
  409: 'The stream moved since expectedVersion / If-Match (CONCURRENCY_CONFLICT, with currentVersion)',
  413: 'Body larger than the configured limit (PAYLOAD_TOO_LARGE)',
  415: 'A body that is not UTF-8 JSON (UNSUPPORTED_MEDIA_TYPE) or a Content-Encoding other than identity, gzip, deflate, br (UNSUPPORTED_CONTENT_ENCODING)',
  422: 'A business rule refused: { code, ruleId, message, details }',
  503: 'A store this answer reads is not available yet, e.g. read models whose projector has not created them (SERVICE_UNAVAILABLE)',
};

/** Documents the shared error body for the given statuses (every endpoint lists its own). */
export function ApiErrorResponses(...statuses: Array<keyof typeof DESCRIPTIONS>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], content: { 'application/json': { schema: responseRef('ErrorResponse') } } }),
    ),
  );
}
