import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ATTENDANCE_STATUSES } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { IsList, IsUniqueList, NestedItems } from '../validation/list-validators.js';

export class AttendanceEntryDto {
  @ApiProperty({ example: 'child-9f2c41d7', description: 'A child enrolled in the collectif on the session date' })
  @IsAggregateId()
  childId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, example: 'present' })
  @IsOneOf(ATTENDANCE_STATUSES)
  status!: string;
}

/** The domain's bounds (checkEntries): 1..100 entries, one per child. */
const childIdOf = (e: unknown): unknown => (typeof e === 'object' && e !== null ? (e as { childId?: unknown }).childId : e);
const Entries = (): PropertyDecorator => applyDecorators(IsList(1, 100), NestedItems(() => AttendanceEntryDto), IsUniqueList(childIdOf, 'childId'));

const EXAMPLE_ENTRIES = [
  { childId: 'child-9f2c41d7', status: 'present' },
  { childId: 'child-1a7be530', status: 'excused' },
];

export class RecordAttendanceDataDto {
  @ApiProperty({ type: [AttendanceEntryDto], example: EXAMPLE_ENTRIES })
  @Entries()
  entries!: AttendanceEntryDto[];
}

/** POST /collectifs/:collectifId/sessions/:sessionId/attendance → RecordAttendance (R-ELIG-AXES E5, R-BILAN-2). */
export class RecordAttendanceRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RecordAttendanceDataDto })
  @Nested(() => RecordAttendanceDataDto)
  data!: RecordAttendanceDataDto;
}

export class CorrectAttendanceDataDto {
  @ApiProperty({ type: [AttendanceEntryDto], example: [{ childId: 'child-1a7be530', status: 'present' }], description: 'Only the listed children change' })
  @Entries()
  entries!: AttendanceEntryDto[];

  @ApiProperty({ example: 'feuille de présence mal recopiée' })
  @IsText(4000)
  reason!: string;
}

/** POST /collectifs/:collectifId/sessions/:sessionId/attendance/corrections → CorrectAttendance. */
export class CorrectAttendanceRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: CorrectAttendanceDataDto })
  @Nested(() => CorrectAttendanceDataDto)
  data!: CorrectAttendanceDataDto;
}
