import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';

/** Commands whose only field is the reason: RefuseConventionAmendment, TerminateConvention. */
export class ReasonDataDto {
  @ApiProperty({ example: 'effectifs insuffisants constatés au bilan' })
  @IsText(4000)
  reason!: string;
}

/**
 * POST /conventions/:conventionId/amendments/:amendmentId/refusal → RefuseConventionAmendment;
 * POST /conventions/:conventionId/termination → TerminateConvention.
 */
export class ReasonRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: ReasonDataDto })
  @Nested(() => ReasonDataDto)
  data!: ReasonDataDto;
}
