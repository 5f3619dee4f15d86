import { ApiProperty } from '@nestjs/swagger';
import { IsCafCode, IsSchoolYear } from '../validation/domain-validators.js';

/** `/campaigns/:cafCode/:schoolYear/…`: path parameters are validated like body fields. */
export class CampaignPathParams {
  @ApiProperty({ example: '11' })
  @IsCafCode()
  cafCode!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;
}
