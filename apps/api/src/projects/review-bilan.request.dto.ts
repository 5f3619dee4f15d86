import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { ListOf } from '../validation/list-validators.js';

export class ValidateBilanDataDto {
  @ApiProperty({ example: 'bilan-2027-1', description: 'The bilan awaiting review' })
  @IsAggregateId()
  bilanId!: string;
}

/** POST /projects/:projectId/bilans/validation → ValidateBilan (the Caf accepts the bilan; the balance may follow). */
export class ValidateBilanRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: ValidateBilanDataDto })
  @Nested(() => ValidateBilanDataDto)
  data!: ValidateBilanDataDto;
}

export class ReturnBilanForCorrectionDataDto extends ValidateBilanDataDto {
  @ApiProperty({ type: [String], example: ['Le coût réel ne correspond pas au compte de résultat'] })
  @ListOf(IsText(4000, { each: true }), { min: 1 })
  reasons!: string[];
}

/** POST /projects/:projectId/bilans/return → ReturnBilanForCorrection (the operator files a corrected bilan under a new id). */
export class ReturnBilanForCorrectionRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: ReturnBilanForCorrectionDataDto })
  @Nested(() => ReturnBilanForCorrectionDataDto)
  data!: ReturnBilanForCorrectionDataDto;
}
