import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsLocalDate, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { Omittable } from '../validation/omittable.decorator.js';

export class CancelSessionDataDto {
  @ApiPropertyOptional({ example: '2026-11-05', description: 'Required for a planned session never recorded as held; otherwise, if given, its held date' })
  @Omittable()
  @IsLocalDate()
  date?: string;

  @ApiProperty({ example: "grève des transports scolaires" })
  @IsText(4000)
  reason!: string;
}

/** POST /collectifs/:collectifId/sessions/:sessionId/cancellation → CancelSession. */
export class CancelSessionRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: CancelSessionDataDto })
  @Nested(() => CancelSessionDataDto)
  data!: CancelSessionDataDto;
}
