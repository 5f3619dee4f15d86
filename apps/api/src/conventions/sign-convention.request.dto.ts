import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsIntBetween, IsSchoolYear } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { Omittable } from '../validation/omittable.decorator.js';
import { ConventionTermsDto } from './convention-terms.dto.js';

/** Each field left out keeps what was requested. */
export class SignConventionDataDto {
  @ApiPropertyOptional({ example: '2026-2027', description: 'A different first year than requested (R-CONV-1 is checked again)' })
  @Omittable()
  @IsSchoolYear()
  startSchoolYear?: string;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 10 })
  @Omittable()
  @IsIntBetween(1, 10)
  years?: number;

  @ApiPropertyOptional({ type: ConventionTermsDto, description: 'Signed terms, in full, when they differ from the request' })
  @Omittable()
  @Nested(() => ConventionTermsDto)
  terms?: ConventionTermsDto;
}

/** POST /conventions/:conventionId/signature → SignConvention; `data` may be left out to sign as requested. */
export class SignConventionRequestDto extends CommandEnvelopeDto {
  @ApiPropertyOptional({ type: SignConventionDataDto })
  @Omittable()
  @Nested(() => SignConventionDataDto)
  data?: SignConventionDataDto;
}
