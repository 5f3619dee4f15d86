import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsLocalDate, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';

export class UnassignStaffDataDto {
  @ApiProperty({ example: '2027-01-04', description: 'First day the staff member no longer works with the group' })
  @IsLocalDate()
  unassignedOn!: string;

  @ApiProperty({ example: 'fin de contrat' })
  @IsText(4000)
  reason!: string;
}

/** POST /collectifs/:collectifId/staff/:staffId/unassignment → UnassignStaff. */
export class UnassignStaffRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: UnassignStaffDataDto })
  @Nested(() => UnassignStaffDataDto)
  data!: UnassignStaffDataDto;
}
