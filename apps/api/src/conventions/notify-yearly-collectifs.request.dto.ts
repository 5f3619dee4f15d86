import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsIntBetween, IsSchoolYear } from '../validation/domain-validators.js';
import { IsList, IsUniqueList } from '../validation/list-validators.js';
import { Nested } from '../validation/nested.decorator.js';

export class NotifyYearlyCollectifsDataDto {
  @ApiProperty({ example: '2027-2028', description: 'A year of the convention (R-CONV-2: the previous bilan must be received)' })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 50 })
  @IsIntBetween(1, 50)
  collectifs!: number;

  @ApiPropertyOptional({ type: [String], example: ['col-2027-0042-a', 'col-2027-0042-b'], description: 'Exactly `collectifs` distinct ids, or none (checked by the domain)' })
  @IsOptional()
  @IsList(0, 1000)
  @IsAggregateId({ each: true })
  @IsUniqueList(undefined, 'collectif id')
  collectifIds?: string[];
}

/** POST /conventions/:conventionId/yearly-notifications → NotifyYearlyCollectifs (R-CONV-3, 004). */
export class NotifyYearlyCollectifsRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: NotifyYearlyCollectifsDataDto })
  @Nested(() => NotifyYearlyCollectifsDataDto)
  data!: NotifyYearlyCollectifsDataDto;
}
