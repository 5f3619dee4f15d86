import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { CampaignParametersPatchDto } from './campaign-parameters.dto.js';

export class AmendCampaignParametersDataDto {
  @ApiProperty({ type: CampaignParametersPatchDto, description: 'The replaced fields, each given in full' })
  @Nested(() => CampaignParametersPatchDto)
  patch!: CampaignParametersPatchDto;

  @ApiProperty({ example: 'Prix plafond 2026-2027 publié par la CNAF' })
  @IsText(2000)
  reason!: string;
}

/** POST /campaigns/:cafCode/:schoolYear/amendments → AmendCampaignParameters (the campaign is named by the path). */
export class AmendCampaignParametersRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: AmendCampaignParametersDataDto })
  @Nested(() => AmendCampaignParametersDataDto)
  data!: AmendCampaignParametersDataDto;
}
