import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsCafCode, IsIntBetween, IsSchoolYear } from '../validation/domain-validators.js';
import { IsList, IsUniqueList } from '../validation/list-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { ConventionTermsDto } from './convention-terms.dto.js';

export class RequestConventionDataDto {
  @ApiProperty({ example: 'conv-2026-0007', description: 'Opaque id chosen by the client (a uuid in practice)' })
  @IsAggregateId()
  conventionId!: string;

  @ApiProperty({ example: 'op-7c9e6679' })
  @IsAggregateId()
  operatorId!: string;

  @ApiProperty({ example: '11' })
  @IsCafCode()
  cafCode!: string;

  @ApiProperty({ type: [String], example: ['prj-2026-0042'], description: 'The projects the convention covers (1..1000, distinct)' })
  @IsList(1, 1000)
  @IsAggregateId({ each: true })
  @IsUniqueList(undefined, 'project id')
  projectIds!: string[];

  @ApiProperty({ example: '2026-2027', description: "R-CONV-1: its campaign's limits apply" })
  @IsSchoolYear()
  startSchoolYear!: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 10, description: 'R-CONV-1: at most 4 (5 for a centre social within its approval)' })
  @IsIntBetween(1, 10)
  years!: number;

  @ApiProperty({ type: ConventionTermsDto })
  @Nested(() => ConventionTermsDto)
  terms!: ConventionTermsDto;
}

/** POST /conventions → RequestConvention (R-CONV-1, R-CONV-SUPPORT). */
export class RequestConventionRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RequestConventionDataDto })
  @Nested(() => RequestConventionDataDto)
  data!: RequestConventionDataDto;
}
