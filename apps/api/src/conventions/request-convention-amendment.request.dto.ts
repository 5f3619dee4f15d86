import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { ConventionTermsChangesDto } from './convention-terms.dto.js';

export class RequestConventionAmendmentDataDto {
  @ApiProperty({ example: 'amd-2027-01', description: 'Opaque id chosen by the client; the Caf validates or refuses it by this id' })
  @IsAggregateId()
  amendmentId!: string;

  @ApiProperty({ type: ConventionTermsChangesDto, example: { collectifs: 3, children: 30 }, description: 'The changed terms only (at least one)' })
  @Nested(() => ConventionTermsChangesDto)
  changes!: ConventionTermsChangesDto;

  @ApiProperty({ example: 'ouverture d’un troisième collectif au collège' })
  @IsText(4000)
  reason!: string;
}

/** POST /conventions/:conventionId/amendments → RequestConventionAmendment (R-CONV-3). */
export class RequestConventionAmendmentRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RequestConventionAmendmentDataDto })
  @Nested(() => RequestConventionAmendmentDataDto)
  data!: RequestConventionAmendmentDataDto;
}
