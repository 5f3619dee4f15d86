import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { SessionFieldsDto } from './session-fields.dto.js';

export class RecordSessionDataDto extends SessionFieldsDto {
  @ApiProperty({ example: 'ses-2026-11-03', description: 'Opaque id chosen by the client; attendance and corrections name it' })
  @IsAggregateId()
  sessionId!: string;
}

/** POST /collectifs/:collectifId/sessions → RecordSession (a session as it was held). */
export class RecordSessionRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RecordSessionDataDto })
  @Nested(() => RecordSessionDataDto)
  data!: RecordSessionDataDto;
}
