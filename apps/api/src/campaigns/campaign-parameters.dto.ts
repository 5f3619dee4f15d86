import { ApiProperty, PartialType } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { AUDE_2026_2027 } from '@clas/domain';
import { IsBool, IsCafCode, IsCents, IsIntBetween, IsLocalDate, IsMonthDay, IsSchoolYear } from '../validation/domain-validators.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';

/** Examples are the Aude 2026-2027 parameter set (seed 004). */
const EX = AUDE_2026_2027;

export class DeadlinesDto {
  @ApiProperty({ example: EX.deadlines.newApplication, description: 'R-LIFE-1: last receivable day for a new application (inclusive, Europe/Paris)' })
  @IsLocalDate()
  newApplication!: string;

  @ApiProperty({ example: EX.deadlines.renewal, description: 'Last receivable day for a renewal letter' })
  @IsLocalDate()
  renewal!: string;
}

export class RateDto {
  @ApiProperty({ example: 325 })
  @IsIntBetween(0, 1_000_000)
  num!: number;

  @ApiProperty({ example: 1000 })
  @IsIntBetween(1, 1_000_000)
  den!: number;
}

export class WeeklyRhythmDto {
  @ApiProperty({ example: 2 })
  @IsIntBetween(1, 7)
  sessionsPerWeek!: number;

  @ApiProperty({ example: 90 })
  @IsIntBetween(1, 1440)
  minMinutesPerSession!: number;
}

export class RhythmDto {
  @ApiProperty({ type: WeeklyRhythmDto })
  @Nested(() => WeeklyRhythmDto)
  normal!: WeeklyRhythmDto;

  @ApiProperty({ type: WeeklyRhythmDto, nullable: true, description: 'Rural alternative, or null when the campaign has none' })
  @NullOr()
  @Nested(() => WeeklyRhythmDto)
  rural!: WeeklyRhythmDto | null;

  @ApiProperty({ example: 27 })
  @IsIntBetween(1, 53)
  minWeeks!: number;
}

export class GroupSizeDto {
  @ApiProperty({ example: 8 })
  @IsIntBetween(1, 100)
  min!: number;

  @ApiProperty({ example: 12 })
  @IsIntBetween(1, 100)
  max!: number;

  @ApiProperty({ example: 5 })
  @IsIntBetween(1, 100)
  ruralMin!: number;

  @ApiProperty({ example: 5, nullable: true, type: Number })
  @NullOr()
  @IsIntBetween(1, 100)
  disabilityMin!: number | null;
}

export class StaffDto {
  @ApiProperty({ example: 2 })
  @IsIntBetween(1, 20)
  perCollectif!: number;

  @ApiProperty({ example: 1 })
  @IsIntBetween(1, 20)
  ruralSmallGroup!: number;
}

export class CampaignOptionsDto {
  @ApiProperty({ example: true, description: 'R-ELIG-NO-SPORT' })
  @IsBool()
  noSport!: boolean;

  @ApiProperty({ example: true, description: 'R-ELIG-TRAINING' })
  @IsBool()
  trainingRequiredForNewStaff!: boolean;

  @ApiProperty({ example: true, description: 'R-LIFE-2' })
  @IsBool()
  renewalNeedsPriorBilan!: boolean;

  @ApiProperty({ example: null, nullable: true, type: Number, description: 'R-ELIG-CHARTER: cents per child and year, or null' })
  @NullOr()
  @IsCents()
  symbolicFamilyFeeCeiling!: number | null;
}

export class ConventionLimitsDto {
  @ApiProperty({ example: 4 })
  @IsIntBetween(1, 10)
  maxYears!: number;

  @ApiProperty({ example: 5 })
  @IsIntBetween(1, 10)
  centreSocialMaxYears!: number;

  @ApiProperty({ example: 2 })
  @IsIntBetween(0, 20)
  minPriorApprovedYears!: number;
}

export class RecommendedPeriodDto {
  @ApiProperty({ example: '11-01' })
  @IsMonthDay()
  fromMonthDay!: string;

  @ApiProperty({ example: '06-15' })
  @IsMonthDay()
  toMonthDay!: string;
}

const IsTextRecord = () =>
  ValidateBy({
    name: 'isTextRecord',
    validator: {
      validate: (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((t) => typeof t === 'string' && t.length <= 4000),
      defaultMessage: () => 'must be an object of texts (field path → source passage)',
    },
  });

/** Every parameter an amendment may replace (a nested object is replaced as a whole). */
export class CampaignParameterFieldsDto {
  @ApiProperty({ type: DeadlinesDto })
  @Nested(() => DeadlinesDto)
  deadlines!: DeadlinesDto;

  @ApiProperty({ example: EX.priceCapPerCollectif, description: 'R-PS-CAP, integer cents' })
  @IsCents()
  priceCapPerCollectif!: number;

  @ApiProperty({ type: RateDto, description: 'R-PS-RATE, exact fraction (32.5 % = 325/1000)' })
  @Nested(() => RateDto)
  psRate!: RateDto;

  @ApiProperty({ example: EX.bonusEnfants, description: 'R-PS-BONUS per collectif, integer cents' })
  @IsCents()
  bonusEnfants!: number;

  @ApiProperty({ example: EX.bonusParents, description: 'R-PS-BONUS per collectif, integer cents' })
  @IsCents()
  bonusParents!: number;

  @ApiProperty({ type: RateDto, description: 'R-ELIG-COFUNDING: max Caf share (80/100)' })
  @Nested(() => RateDto)
  maxCafShare!: RateDto;

  @ApiProperty({ type: RhythmDto })
  @Nested(() => RhythmDto)
  rhythm!: RhythmDto;

  @ApiProperty({ type: GroupSizeDto })
  @Nested(() => GroupSizeDto)
  groupSize!: GroupSizeDto;

  @ApiProperty({ type: StaffDto })
  @Nested(() => StaffDto)
  staff!: StaffDto;

  @ApiProperty({ example: 2, description: 'R-ELIG-COORD: years after the baccalauréat' })
  @IsIntBetween(0, 10)
  coordinatorMinLevel!: number;

  @ApiProperty({ type: CampaignOptionsDto })
  @Nested(() => CampaignOptionsDto)
  options!: CampaignOptionsDto;

  @ApiProperty({ type: ConventionLimitsDto })
  @Nested(() => ConventionLimitsDto)
  conventions!: ConventionLimitsDto;

  @ApiProperty({ type: RecommendedPeriodDto })
  @Nested(() => RecommendedPeriodDto)
  recommendedPeriod!: RecommendedPeriodDto;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { priceCapPerCollectif: '004 — « prix plafond de 8 652 € »' } })
  @IsTextRecord()
  sources!: Record<string, string>;
}

export class CampaignParametersDto extends CampaignParameterFieldsDto {
  @ApiProperty({ example: '11' })
  @IsCafCode()
  cafCode!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;
}

/** An amendment: any subset of the replaceable fields (the domain refuses an empty patch). */
export class CampaignParametersPatchDto extends PartialType(CampaignParameterFieldsDto) {}
