import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { Omittable } from '../validation/omittable.decorator.js';

/**
 * `data` of a command whose fields all come from the path. A nested DTO without properties
 * would trip the pipe's forbidUnknownValues, so the emptiness is checked directly.
 */
const IsEmptyObject = () =>
  ValidateBy({
    name: 'isEmptyObject',
    validator: {
      validate: (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0,
      defaultMessage: () => 'must be an empty object (the ids are in the path)',
    },
  });

/** POST /conventions/:conventionId/amendments/:amendmentId/validation → ValidateConventionAmendment. */
export class EnvelopeOnlyRequestDto extends CommandEnvelopeDto {
  @ApiPropertyOptional({ type: 'object', properties: {}, example: {}, description: 'Optional; empty if sent' })
  @Omittable()
  @IsEmptyObject()
  data?: Record<string, never>;
}
