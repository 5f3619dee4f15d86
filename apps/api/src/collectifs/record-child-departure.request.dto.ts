import { ApiProperty } from '@nestjs/swagger';
import { CHILD_DEPARTURE_REASONS } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsLocalDate, IsOneOf } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';

export class RecordChildDepartureDataDto {
  @ApiProperty({ example: 'child-9f2c41d7' })
  @IsAggregateId()
  childId!: string;

  @ApiProperty({ enum: CHILD_DEPARTURE_REASONS, example: 'moved' })
  @IsOneOf(CHILD_DEPARTURE_REASONS)
  reason!: string;

  @ApiProperty({ example: '2027-02-01', description: 'First day the child no longer belongs to the group (after the enrolment)' })
  @IsLocalDate()
  leftOn!: string;
}

/** POST /collectifs/:collectifId/departures → RecordChildDeparture (the child may be replaced, 004). */
export class RecordChildDepartureRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RecordChildDepartureDataDto })
  @Nested(() => RecordChildDepartureDataDto)
  data!: RecordChildDepartureDataDto;
}
