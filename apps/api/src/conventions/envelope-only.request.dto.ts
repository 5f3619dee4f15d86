import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsEmptyObject } from '../validation/empty-object.validator.js';
import { Omittable } from '../validation/omittable.decorator.js';

/** POST /conventions/:conventionId/amendments/:amendmentId/validation → ValidateConventionAmendment. */
export class EnvelopeOnlyRequestDto extends CommandEnvelopeDto {
  @ApiPropertyOptional({ type: 'object', properties: {}, example: {}, description: 'Optional; empty if sent' })
  @Omittable()
  @IsEmptyObject('the ids are in the path')
  data?: Record<string, never>;
}
