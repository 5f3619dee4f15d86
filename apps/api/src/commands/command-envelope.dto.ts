import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant, IsIntBetween } from '../validation/domain-validators.js';

/**
 * What every command body carries around its `data`. A command's request DTO extends this
 * class and adds `data` (see README-api-patterns.md).
 */
export abstract class CommandEnvelopeDto {
  @ApiProperty({
    format: 'uuid',
    example: '3f1c2a9e-8d4b-4c3a-9f6e-2b7d5a1c0e42',
    description:
      'Idempotency key of this one command: resending the same command (same target, body, occurredAt, caller) is a no-op (200, duplicate: true); the same key with anything else → 422 COMMAND_ID_REUSED naming what differs (R-IDEMPOTENCY)',
  })
  @IsUUID('all', { message: 'must be a uuid' })
  commandId!: string;

  @ApiPropertyOptional({ example: '2026-06-15T08:00:00Z', description: 'When it happened in the world (ISO instant); default: now' })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({
    example: 3,
    description: 'Optimistic concurrency: the stream version the client last read (or the If-Match header)',
  })
  @IsOptional()
  @IsIntBetween(0, Number.MAX_SAFE_INTEGER)
  expectedVersion?: number;
}
