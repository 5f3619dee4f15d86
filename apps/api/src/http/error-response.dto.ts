import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The shape of every error (OpenAPI only: errors are built by ApiError and the filter). */
export class FieldErrorDto {
  @ApiProperty({ example: 'data.parameters.priceCapPerCollectif' })
  field!: string;

  @ApiProperty({ example: 'must be an integer ≥ 0 (cents)' })
  message!: string;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({
    example: 'VALIDATION_FAILED',
    description:
      'VALIDATION_FAILED, MALFORMED_JSON (400) · UNAUTHENTICATED (401) · FORBIDDEN (403) · NOT_FOUND (404) · CONCURRENCY_CONFLICT (409) · PAYLOAD_TOO_LARGE (413) · a domain rejection code (422) · INTERNAL_ERROR (500)',
  })
  code!: string;

  @ApiProperty({ example: 'the request is invalid' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: '400 VALIDATION_FAILED: one entry per invalid field or query parameter' })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ example: 'R-LIFE-1', description: '422: the rule of domain.md that refused' })
  ruleId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '422: the facts behind the rejection' })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'campaign-11-2026-2027', description: '409' })
  streamId?: string;

  @ApiPropertyOptional({ example: 3, description: '409: the version the client expected' })
  expectedVersion?: number | string;

  @ApiPropertyOptional({ example: 4, description: '409: the stream version now; retry with it' })
  currentVersion?: number;

  @ApiPropertyOptional({ example: '5f0c…', description: '500: quote it when reporting the problem (also in the x-correlation-id header)' })
  correlationId?: string;
}
