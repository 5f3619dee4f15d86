import { ApiProperty } from '@nestjs/swagger';
import { CONCERTATION_MOMENTS, SCHOOL_OBJECTIVES } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsLocalDate, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { ListOf } from '../validation/list-validators.js';

export class RecordSchoolConcertationDataDto {
  @ApiProperty({ example: 'sc-2026-10-01', description: 'Client-chosen id (unique in the project)' })
  @IsAggregateId()
  concertationId!: string;

  @ApiProperty({ enum: SCHOOL_OBJECTIVES, example: 'S3', description: 'R-ELIG-AXES, school axis' })
  @IsOneOf(SCHOOL_OBJECTIVES)
  objective!: string;

  @ApiProperty({ enum: CONCERTATION_MOMENTS, example: 'before_start', description: 'S3: before the start AND at the bilan' })
  @IsOneOf(CONCERTATION_MOMENTS)
  moment!: string;

  @ApiProperty({ example: '2026-10-01', description: 'When it was held; not after occurredAt' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ type: [String], example: ['École Jean-Jaurès (0110123A)'], description: 'Schools taking part (names or UAI codes)' })
  @ListOf(IsText(300, { each: true }), { min: 1 })
  schools!: string[];
}

/** POST /projects/:projectId/school-concertations → RecordSchoolConcertation (R-ELIG-AXES S1–S3). */
export class RecordSchoolConcertationRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RecordSchoolConcertationDataDto })
  @Nested(() => RecordSchoolConcertationDataDto)
  data!: RecordSchoolConcertationDataDto;
}
