import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsCents, IsIntBetween, IsLocalDate, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';
import { BonusesGrantedDto } from './bonuses-granted.dto.js';
import { ListOf, NestedList } from '../validation/list-validators.js';

export const DECISION_OUTCOMES = ['approved', 'refused'] as const;

/**
 * `decision` is a union on `outcome` (DecisionTermsInput of @clas/domain): class-transformer
 * picks the class from `outcome`, so each outcome accepts only its own fields (an approval
 * with `reasons` is a 400). An unknown outcome falls back to this base class and is refused.
 */
export class DecisionTermsDto {
  @ApiProperty({ enum: DECISION_OUTCOMES, example: 'approved' })
  @IsOneOf(DECISION_OUTCOMES)
  outcome!: string;
}

export class ApprovalTermsDto extends DecisionTermsDto {
  @ApiProperty({ example: 2, description: 'Never more than the application plans' })
  @IsIntBetween(1, 50)
  approvedCollectifs!: number;

  @ApiPropertyOptional({ type: [String], example: ['c1', 'c2'], description: 'Refs of the planned collectifs approved; required when fewer than planned are approved' })
  @IsOptional()
  @ListOf(IsAggregateId({ each: true }), { max: 50 })
  approvedCollectifRefs?: string[];

  @ApiProperty({ type: BonusesGrantedDto })
  @Nested(() => BonusesGrantedDto)
  bonusesGranted!: BonusesGrantedDto;

  @ApiProperty({ example: 1_800_000, description: 'R-PS-ACTUAL: the forecast operating cost the committee retains, integer cents' })
  @IsCents()
  forecastOperatingCost!: number;
}

export class RefusalReasonDto {
  @ApiProperty({ example: 'COFUNDING_MISSING' })
  @IsText(80)
  code!: string;

  @ApiPropertyOptional({ example: 'R-ELIG-COFUNDING', nullable: true, type: String })
  @IsOptional()
  @NullOr()
  @IsText(40)
  ruleId?: string | null;

  @ApiProperty({ example: 'Aucun cofinancement hors Caf' })
  @IsText(4000)
  text!: string;
}

export class RefusalTermsDto extends DecisionTermsDto {
  @ApiProperty({ type: [RefusalReasonDto] })
  @NestedList(() => RefusalReasonDto, { min: 1 })
  reasons!: RefusalReasonDto[];
}

export class RecordCommitteeDecisionDataDto {
  @ApiProperty({ example: 'dec-2026-11-014' })
  @IsAggregateId()
  decisionId!: string;

  @ApiProperty({ example: '2026-10-05', description: 'Not after the day the decision is recorded (occurredAt)' })
  @IsLocalDate()
  meetingDate!: string;

  @ApiProperty({ example: '2026-10-05', description: 'When the decision takes effect (a correction takes effect from it too)' })
  @IsLocalDate()
  effectiveDate!: string;

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(ApprovalTermsDto) }, { $ref: getSchemaPath(RefusalTermsDto) }],
    // The mapping names each outcome's schema: without it a generated client reads the schema names as the outcome values.
    discriminator: { propertyName: 'outcome', mapping: { approved: getSchemaPath(ApprovalTermsDto), refused: getSchemaPath(RefusalTermsDto) } },
  })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => DecisionTermsDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'outcome',
      subTypes: [
        { name: 'approved', value: ApprovalTermsDto },
        { name: 'refused', value: RefusalTermsDto },
      ],
    },
  })
  decision!: ApprovalTermsDto | RefusalTermsDto;
}

/** POST /projects/:projectId/decision → RecordCommitteeDecision (step 6: the committee approves or refuses). */
@ApiExtraModels(ApprovalTermsDto, RefusalTermsDto)
export class RecordCommitteeDecisionRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RecordCommitteeDecisionDataDto })
  @Nested(() => RecordCommitteeDecisionDataDto)
  data!: RecordCommitteeDecisionDataDto;
}
