import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { Nested } from '../validation/nested.decorator.js';
import { CampaignParametersDto } from './campaign-parameters.dto.js';

export class OpenCampaignDataDto {
  @ApiProperty({ type: CampaignParametersDto })
  @Nested(() => CampaignParametersDto)
  parameters!: CampaignParametersDto;
}

/** POST /campaigns → OpenCampaign. */
export class OpenCampaignRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: OpenCampaignDataDto })
  @Nested(() => OpenCampaignDataDto)
  data!: OpenCampaignDataDto;
}
