import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsText } from '../validation/domain-validators.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';

export class RefuseConventionDataDto {
  @ApiProperty({ example: "l'opérateur n'est pas soutenu depuis deux années" })
  @IsText(4000)
  reason!: string;

  @ApiPropertyOptional({ example: 'R-CONV-SUPPORT', nullable: true, type: String, description: 'The rule the refusal rests on, when there is one' })
  @IsOptional()
  @NullOr()
  @IsText(40)
  ruleId?: string | null;
}

/** POST /conventions/:conventionId/refusal → RefuseConvention. */
export class RefuseConventionRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RefuseConventionDataDto })
  @Nested(() => RefuseConventionDataDto)
  data!: RefuseConventionDataDto;
}
