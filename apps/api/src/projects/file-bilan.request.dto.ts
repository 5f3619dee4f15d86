import { ApiProperty } from '@nestjs/swagger';
import { OBJECTIVE_CODES } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsCents, IsIntBetween, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { CoFunderDto } from './application-content.dto.js';
import { NestedList } from '../validation/list-validators.js';

/** Counts of the bilan: integers 0..1 000 000, as the domain's checkBilanContent. */
const IsCount = () => IsIntBetween(0, 1_000_000);

export class ChildrenByLevelDto {
  @ApiProperty({ example: 20 })
  @IsCount()
  primary!: number;

  @ApiProperty({ example: 0 })
  @IsCount()
  college!: number;

  @ApiProperty({ example: 0 })
  @IsCount()
  lycee!: number;
}

export class AttendanceCountsDto {
  @ApiProperty({ example: 1_010, description: 'Not more than expected' })
  @IsCount()
  present!: number;

  @ApiProperty({ example: 1_120 })
  @IsCount()
  expected!: number;
}

/** R-BILAN-2: the operator's declared figures (the system recomputes its own from the events). */
export class BilanQuantitativeDto {
  @ApiProperty({ example: 2 })
  @IsCount()
  collectifsRun!: number;

  @ApiProperty({ type: ChildrenByLevelDto })
  @Nested(() => ChildrenByLevelDto)
  childrenEnrolled!: ChildrenByLevelDto;

  @ApiProperty({ example: 3 })
  @IsCount()
  arrivals!: number;

  @ApiProperty({ example: 2 })
  @IsCount()
  departures!: number;

  @ApiProperty({ example: 112 })
  @IsCount()
  sessionsHeld!: number;

  @ApiProperty({ example: 10_080 })
  @IsCount()
  minutesHeld!: number;

  @ApiProperty({ example: 28 })
  @IsIntBetween(0, 53)
  weeksOfActivity!: number;

  @ApiProperty({ type: AttendanceCountsDto, description: 'As counts, so the rate is exact' })
  @Nested(() => AttendanceCountsDto)
  attendance!: AttendanceCountsDto;

  @ApiProperty({ example: 31 })
  @IsCount()
  parentsReached!: number;
}

export class ObjectiveAssessmentDto {
  @ApiProperty({ enum: OBJECTIVE_CODES, example: 'P2' })
  @IsOneOf(OBJECTIVE_CODES)
  code!: string;

  @ApiProperty({ example: 'Trois temps conviviaux parents-enfants, 31 parents présents' })
  @IsText(4000)
  assessment!: string;
}

export class BilanQualitativeDto {
  @ApiProperty({ example: 'Année riche, fil rouge autour de la lecture' })
  @IsText(20_000)
  summary!: string;

  @ApiProperty({ type: [ObjectiveAssessmentDto] })
  @NestedList(() => ObjectiveAssessmentDto)
  objectives!: ObjectiveAssessmentDto[];
}

/** R-BILAN-3. */
export class BilanFinancialDto {
  @ApiProperty({ example: 1_750_000, description: 'R-PS-ACTUAL: the actual total operating cost, integer cents' })
  @IsCents()
  actualTotalCost!: number;

  @ApiProperty({ type: [CoFunderDto] })
  @NestedList(() => CoFunderDto)
  coFunders!: CoFunderDto[];

  @ApiProperty({ example: 314_690, description: 'Caf amounts received for the year, integer cents' })
  @IsCents()
  cafAmountsReceived!: number;

  @ApiProperty({ example: 0, description: 'R-PS-80: other Caf funding, integer cents' })
  @IsCents()
  otherCafFunding!: number;
}

export class FileBilanDataDto {
  @ApiProperty({ example: 'bilan-2027-1', description: 'A bilan returned for correction is filed again under a new id' })
  @IsAggregateId()
  bilanId!: string;

  @ApiProperty({ type: BilanQuantitativeDto })
  @Nested(() => BilanQuantitativeDto)
  quantitative!: BilanQuantitativeDto;

  @ApiProperty({ type: BilanQualitativeDto })
  @Nested(() => BilanQualitativeDto)
  qualitative!: BilanQualitativeDto;

  @ApiProperty({ type: BilanFinancialDto })
  @Nested(() => BilanFinancialDto)
  financial!: BilanFinancialDto;
}

/** POST /projects/:projectId/bilans → FileBilan (step 10, R-BILAN-1: an approved project's annual bilan). */
export class FileBilanRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: FileBilanDataDto })
  @Nested(() => FileBilanDataDto)
  data!: FileBilanDataDto;
}
