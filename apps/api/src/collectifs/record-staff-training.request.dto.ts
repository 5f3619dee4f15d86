import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsLocalDate } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';

export class RecordStaffTrainingDataDto {
  @ApiProperty({ example: '2026-11-14', description: 'R-ELIG-TRAINING: the day the module was attended (not after occurredAt)' })
  @IsLocalDate()
  trainingAttendedDate!: string;
}

/** POST /collectifs/:collectifId/staff/:staffId/training → RecordStaffTraining. */
export class RecordStaffTrainingRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RecordStaffTrainingDataDto })
  @Nested(() => RecordStaffTrainingDataDto)
  data!: RecordStaffTrainingDataDto;
}
