import { ApiProperty } from '@nestjs/swagger';
import { ORIENTED_BY, SCHOOL_LEVELS } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsBool, IsLocalDate, IsOneOf } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';

export class EnrolChildDataDto {
  @ApiProperty({ example: 'child-9f2c41d7', description: 'Opaque id of the child (the name lives in /persons, never in the log)' })
  @IsAggregateId()
  childId!: string;

  @ApiProperty({ enum: SCHOOL_LEVELS, example: 'CM1', description: "R-LIFE-3: within the collectif's cycle" })
  @IsOneOf(SCHOOL_LEVELS)
  schoolLevel!: string;

  @ApiProperty({ enum: ORIENTED_BY, example: 'teacher', description: 'R-ELIG-PUBLIC: who oriented the child' })
  @IsOneOf(ORIENTED_BY)
  orientedBy!: string;

  @ApiProperty({ example: '2026-10-20', description: 'R-ELIG-PUBLIC: the parents agreed on that day (not after enrolledOn)' })
  @IsLocalDate()
  parentalConsentDate!: string;

  @ApiProperty({ example: false, description: 'R-ELIG-COLLECTIVE (Aude): reinforced attention because of a disability' })
  @IsBool()
  disabilityNeeds!: boolean;

  @ApiProperty({ example: '2026-11-02', description: 'First day the child belongs to the group (within the school year, not after occurredAt)' })
  @IsLocalDate()
  enrolledOn!: string;
}

/** POST /collectifs/:collectifId/enrolments → EnrolChild (R-ELIG-COLLECTIVE: at most 12 children). */
export class EnrolChildRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: EnrolChildDataDto })
  @Nested(() => EnrolChildDataDto)
  data!: EnrolChildDataDto;
}
