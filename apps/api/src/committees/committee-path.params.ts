import { ApiProperty } from '@nestjs/swagger';
import { IsAggregateId, IsCafCode, IsSchoolYear } from '../validation/domain-validators.js';

/** `/committees/:cafCode/:schoolYear/…`: the committee of one Caf for one school year. */
export class CommitteePathParams {
  @ApiProperty({ example: '11' })
  @IsCafCode()
  cafCode!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;
}

/** `/committees/:cafCode/:schoolYear/meetings/:meetingId/…` */
export class CommitteeMeetingPathParams extends CommitteePathParams {
  @ApiProperty({ example: 'cttee-11-2026-10-05' })
  @IsAggregateId()
  meetingId!: string;
}
