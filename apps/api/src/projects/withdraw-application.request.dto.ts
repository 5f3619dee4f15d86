import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';

export class WithdrawApplicationDataDto {
  @ApiProperty({ example: 'Local indisponible à la rentrée' })
  @IsText(4000)
  reason!: string;
}

/** POST /projects/:projectId/withdrawal → WithdrawApplication (until the bilan is filed). */
export class WithdrawApplicationRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: WithdrawApplicationDataDto })
  @Nested(() => WithdrawApplicationDataDto)
  data!: WithdrawApplicationDataDto;
}
