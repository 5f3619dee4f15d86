import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { SessionChangesDto } from './session-fields.dto.js';

export class CorrectSessionDataDto {
  @ApiProperty({ type: SessionChangesDto, example: { minutes: 120 }, description: 'The corrected fields only (the domain refuses a correction that changes nothing)' })
  @Nested(() => SessionChangesDto)
  changes!: SessionChangesDto;

  @ApiProperty({ example: 'séance prolongée, saisie erronée' })
  @IsText(4000)
  reason!: string;
}

/** POST /collectifs/:collectifId/sessions/:sessionId/corrections → CorrectSession. */
export class CorrectSessionRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: CorrectSessionDataDto })
  @Nested(() => CorrectSessionDataDto)
  data!: CorrectSessionDataDto;
}
