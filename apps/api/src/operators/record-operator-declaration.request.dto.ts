import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DECLARATION_KINDS } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsLocalDate, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';

export class RecordOperatorDeclarationDataDto {
  @ApiProperty({ enum: DECLARATION_KINDS, example: 'insurance' })
  @IsOneOf(DECLARATION_KINDS)
  declaration!: string;

  @ApiProperty({ example: '2026-05-20', description: 'The date on the document' })
  @IsLocalDate()
  documentDate!: string;

  @ApiPropertyOptional({ example: '2027-05-19', nullable: true, type: String, description: 'Last valid day, or null when it does not expire' })
  @IsOptional()
  @NullOr()
  @IsLocalDate()
  expiresOn?: string | null;

  @ApiPropertyOptional({ example: 'MAIF-2026-118734', nullable: true, type: String })
  @IsOptional()
  @NullOr()
  @IsText(200)
  reference?: string | null;
}

/** POST /operators/:operatorId/declarations → RecordOperatorDeclaration (R-ELIG-OPERATOR). */
export class RecordOperatorDeclarationRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RecordOperatorDeclarationDataDto })
  @Nested(() => RecordOperatorDeclarationDataDto)
  data!: RecordOperatorDeclarationDataDto;
}
