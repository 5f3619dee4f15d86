import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsCents, IsIntBetween, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { BonusesGrantedDto } from './bonuses-granted.dto.js';
import { ListOf } from '../validation/list-validators.js';

/** The corrected fields of an approval, each given in full (the domain refuses a correction that changes nothing). */
export class DecisionChangesDto {
  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsIntBetween(1, 50)
  approvedCollectifs?: number;

  @ApiPropertyOptional({ type: [String], example: ['c1', 'c2', 'c3'] })
  @IsOptional()
  @ListOf(IsAggregateId({ each: true }), { max: 50 })
  approvedCollectifRefs?: string[];

  @ApiPropertyOptional({ type: BonusesGrantedDto })
  @IsOptional()
  @Nested(() => BonusesGrantedDto)
  bonusesGranted?: BonusesGrantedDto;

  @ApiPropertyOptional({ example: 1_800_000, description: 'Integer cents' })
  @IsOptional()
  @IsCents()
  forecastOperatingCost?: number;
}

export class CorrectCommitteeDecisionDataDto {
  @ApiProperty({ example: 'dec-2026-11-014', description: 'The decision corrected (the project’s)' })
  @IsAggregateId()
  decisionId!: string;

  @ApiProperty({ example: 'Erreur de saisie : le comité a agréé 3 collectifs' })
  @IsText(4000)
  reason!: string;

  @ApiProperty({ type: DecisionChangesDto })
  @Nested(() => DecisionChangesDto)
  changes!: DecisionChangesDto;
}

/**
 * POST /projects/:projectId/decision/corrections → CorrectCommitteeDecision (worked example 3):
 * a new event that takes effect from the decision's date; questions `knownAt` before it was
 * recorded still see the original figures.
 */
export class CorrectCommitteeDecisionRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: CorrectCommitteeDecisionDataDto })
  @Nested(() => CorrectCommitteeDecisionDataDto)
  data!: CorrectCommitteeDecisionDataDto;
}
