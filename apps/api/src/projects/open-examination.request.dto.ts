import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsEmptyObject } from '../validation/empty-object.validator.js';

/** POST /projects/:projectId/examination → OpenExamination (step 5; R-LIFE-2 for a renewal). Nothing but the envelope: `data` may be omitted or `{}`. */
export class OpenExaminationRequestDto extends CommandEnvelopeDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: false, example: {}, description: 'Empty: the project is named by the path' })
  @IsOptional()
  @IsEmptyObject('the project is named by the path')
  data?: Record<string, never>;
}
