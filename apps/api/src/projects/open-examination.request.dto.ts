import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';

const IsEmptyObject = () =>
  ValidateBy({
    name: 'isEmptyObject',
    validator: {
      validate: (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0,
      defaultMessage: () => 'must be an empty object (the project is named by the path)',
    },
  });

/** POST /projects/:projectId/examination → OpenExamination (step 5; R-LIFE-2 for a renewal). Nothing but the envelope: `data` may be omitted or `{}`. */
export class OpenExaminationRequestDto extends CommandEnvelopeDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: false, example: {}, description: 'Empty: the project is named by the path' })
  @IsOptional()
  @IsEmptyObject()
  data?: Record<string, never>;
}
