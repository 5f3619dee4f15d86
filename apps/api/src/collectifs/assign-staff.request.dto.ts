import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { STAFF_STATUSES } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsBool, IsLocalDate, IsOneOf } from '../validation/domain-validators.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';

export class AssignStaffDataDto {
  @ApiProperty({ example: 'staff-5b1e0c2a', description: 'Opaque id of the staff member' })
  @IsAggregateId()
  staffId!: string;

  @ApiProperty({ enum: STAFF_STATUSES, example: 'professional' })
  @IsOneOf(STAFF_STATUSES)
  status!: string;

  /**
   * Optional and nullable on purpose: a missing check is not malformed input but a refusal of
   * R-ELIG-OPERATOR (422 with the rule), which the domain gives.
   */
  @ApiPropertyOptional({ example: '2026-09-15', nullable: true, type: String, description: 'R-ELIG-OPERATOR: date of the criminal-record extract (missing → 422)' })
  @IsOptional()
  @NullOr()
  @IsLocalDate()
  criminalRecordCheckDate?: string | null;

  @ApiPropertyOptional({ example: null, nullable: true, type: String, description: 'R-ELIG-TRAINING: the "fondamentaux" module, or null when not yet attended' })
  @IsOptional()
  @NullOr()
  @IsLocalDate()
  trainingAttendedDate?: string | null;

  @ApiProperty({ example: true, description: 'New to the Clas this year (R-ELIG-TRAINING applies)' })
  @IsBool()
  isNew!: boolean;

  @ApiProperty({ example: '2026-10-12' })
  @IsLocalDate()
  assignedOn!: string;
}

/** POST /collectifs/:collectifId/staff → AssignStaff (R-ELIG-STAFF, R-ELIG-OPERATOR, R-ELIG-TRAINING). */
export class AssignStaffRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: AssignStaffDataDto })
  @Nested(() => AssignStaffDataDto)
  data!: AssignStaffDataDto;
}
