import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PARENT_OBJECTIVES } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsIntBetween, IsLocalDate, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { ListOf } from '../validation/list-validators.js';

export class RecordParentActionDataDto {
  @ApiProperty({ example: 'pa-2026-11-20-1', description: 'Client-chosen id of the action (unique in the project)' })
  @IsAggregateId()
  actionId!: string;

  @ApiProperty({ enum: PARENT_OBJECTIVES, example: 'P1', description: 'R-ELIG-AXES, parents axis' })
  @IsOneOf(PARENT_OBJECTIVES)
  objective!: string;

  @ApiProperty({ example: '2026-11-20', description: 'When it was held; not after occurredAt' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ example: 9, description: 'R-BILAN-2: parents reached' })
  @IsIntBetween(0, 10000)
  parentsReached!: number;

  @ApiPropertyOptional({ type: [String], example: ['col-1'], description: 'Collectifs whose families were concerned; empty or absent = the whole project' })
  @IsOptional()
  @ListOf(IsAggregateId({ each: true }))
  collectifIds?: string[];

  @ApiProperty({ example: 'Soirée d’information à l’inscription' })
  @IsText(4000)
  description!: string;
}

/** POST /projects/:projectId/parent-actions → RecordParentAction (R-ELIG-AXES P1–P5). */
export class RecordParentActionRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RecordParentActionDataDto })
  @Nested(() => RecordParentActionDataDto)
  data!: RecordParentActionDataDto;
}
