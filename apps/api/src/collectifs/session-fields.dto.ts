import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_TYPES, SESSION_KINDS } from '@clas/domain';
import { IsClockTime } from '../validation/clock-time.validator.js';
import { IsIntBetween, IsLocalDate, IsOneOf } from '../validation/domain-validators.js';
import { IsList, IsUniqueList } from '../validation/list-validators.js';
import { Omittable } from '../validation/omittable.decorator.js';

/**
 * A session's facts as the domain checks them (sessions.decider `checkSession`): a date of the
 * collectif's school year, a Paris start time, 1..600 minutes, a kind, 1+ distinct activities.
 * That the session ends the day it starts needs start and minutes together: the domain says so
 * (400 on `data.minutes`).
 */
export class SessionFieldsDto {
  @ApiProperty({ example: '2026-11-03', description: 'Within the school year, not before the collectif opened, not after occurredAt' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ example: '16:45', description: 'Paris wall-clock HH:MM' })
  @IsClockTime()
  start!: string;

  @ApiProperty({ example: 90, minimum: 1, maximum: 600, description: 'R-ELIG-RHYTHM, R-PS-WEEK: duration in minutes' })
  @IsIntBetween(1, 600)
  minutes!: number;

  @ApiProperty({ enum: SESSION_KINDS, example: 'children' })
  @IsOneOf(SESSION_KINDS)
  kind!: string;

  @ApiProperty({
    enum: ACTIVITY_TYPES,
    isArray: true,
    example: ['methodology', 'reading_writing'],
    description: 'R-ELIG-NOT-HOMEWORK / R-ELIG-NO-SPORT are recorded as warnings, never refused',
  })
  @IsList(1, ACTIVITY_TYPES.length)
  @IsOneOf(ACTIVITY_TYPES, { each: true })
  @IsUniqueList(undefined, 'activity type')
  activityTypes!: string[];
}

/**
 * A correction names only the fields that were wrong, each with its true value. Written out
 * rather than PartialType, whose IsOptional would let `null` through to the domain.
 */
export class SessionChangesDto {
  @ApiPropertyOptional({ example: '2026-11-04' })
  @Omittable()
  @IsLocalDate()
  date?: string;

  @ApiPropertyOptional({ example: '17:00' })
  @Omittable()
  @IsClockTime()
  start?: string;

  @ApiPropertyOptional({ example: 120, minimum: 1, maximum: 600 })
  @Omittable()
  @IsIntBetween(1, 600)
  minutes?: number;

  @ApiPropertyOptional({ enum: SESSION_KINDS, example: 'shared' })
  @Omittable()
  @IsOneOf(SESSION_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_TYPES, isArray: true, example: ['methodology', 'cultural'] })
  @Omittable()
  @IsList(1, ACTIVITY_TYPES.length)
  @IsOneOf(ACTIVITY_TYPES, { each: true })
  @IsUniqueList(undefined, 'activity type')
  activityTypes?: string[];
}
