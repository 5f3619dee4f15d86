import { ApiProperty } from '@nestjs/swagger';
import { NOT_RECEIVABLE_REASONS } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { ProjectRefFieldsDto } from './project-ref.dto.js';

export class DeclareNotReceivableDataDto extends ProjectRefFieldsDto {
  @ApiProperty({ enum: NOT_RECEIVABLE_REASONS, example: 'filed_after_deadline' })
  @IsOneOf(NOT_RECEIVABLE_REASONS)
  reason!: string;

  @ApiProperty({ example: 'R-LIFE-1', description: 'The rule that makes the file not receivable' })
  @IsText(40)
  ruleId!: string;

  @ApiProperty({ example: 'Dossier papier reçu le 2026-08-12, après la date limite du 2026-08-06' })
  @IsText(4000)
  explanation!: string;
}

/**
 * POST /projects/:projectId/not-receivable → DeclareNotReceivable (R-LIFE-1). Carries the full
 * project ref: a late paper file was never filed online, so the stream may not exist yet.
 */
export class DeclareNotReceivableRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: DeclareNotReceivableDataDto })
  @Nested(() => DeclareNotReceivableDataDto)
  data!: DeclareNotReceivableDataDto;
}
