import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsIntBetween } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { ApplicationBudgetDto, BonusRequestsDto, PlannedCollectifDto, PlannedPeriodDto } from './application-content.dto.js';
import { NestedList } from '../validation/list-validators.js';
import { ProjectRefFieldsDto } from './project-ref.dto.js';

/**
 * R-LIFE-4: the reduced content of a renewal "à l'identique" or with another number of
 * collectifs; the rest of the application is carried over from the renewed project.
 */
export class FileShortRenewalDataDto extends ProjectRefFieldsDto {
  @ApiProperty({ example: 'prj-2025-0017', description: 'The approved project of an earlier year it renews' })
  @IsAggregateId()
  previousProjectId!: string;

  @ApiProperty({ type: [PlannedCollectifDto], description: 'At the places and for the age ranges of the renewed project; only their number may change' })
  @NestedList(() => PlannedCollectifDto, { min: 1, max: 50 })
  collectifs!: PlannedCollectifDto[];

  @ApiProperty({ type: ApplicationBudgetDto })
  @Nested(() => ApplicationBudgetDto)
  budget!: ApplicationBudgetDto;

  @ApiProperty({ type: PlannedPeriodDto })
  @Nested(() => PlannedPeriodDto)
  plannedPeriod!: PlannedPeriodDto;

  @ApiPropertyOptional({ example: 28, description: 'Default: the renewed project’s' })
  @IsOptional()
  @IsIntBetween(1, 53)
  plannedWeeks?: number;

  @ApiPropertyOptional({ type: BonusRequestsDto, description: 'Default: the renewed project’s' })
  @IsOptional()
  @Nested(() => BonusRequestsDto)
  bonusRequests?: BonusRequestsDto;
}

/** POST /projects/:projectId/short-renewal → FileShortRenewal (answers the renewal deadline). */
export class FileShortRenewalRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: FileShortRenewalDataDto })
  @Nested(() => FileShortRenewalDataDto)
  data!: FileShortRenewalDataDto;
}
