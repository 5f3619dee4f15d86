import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsBool, IsIntBetween } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';

export class AppointCoordinatorDataDto {
  @ApiProperty({ example: 'person-5b2d', description: 'Opaque person id; the name goes to PUT /persons/{personId}' })
  @IsAggregateId()
  personId!: string;

  @ApiProperty({ example: 2, description: 'R-ELIG-COORD: years of study after the baccalauréat' })
  @IsIntBetween(0, 10)
  qualificationLevel!: number;

  @ApiProperty({ example: true, description: 'Experience in animation or education' })
  @IsBool()
  hasRelevantExperience!: boolean;
}

/** POST /operators/:operatorId/coordinator → AppointCoordinator. */
export class AppointCoordinatorRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: AppointCoordinatorDataDto })
  @Nested(() => AppointCoordinatorDataDto)
  data!: AppointCoordinatorDataDto;
}
