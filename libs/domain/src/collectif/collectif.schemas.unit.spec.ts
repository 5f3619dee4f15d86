import { describe, expect, it } from '@jest/globals';
import { validate } from '../schema/validate.js';
import { correctSessionData, recordAttendanceData, recordSessionData } from './collectif.schemas.js';

const session = {
  collectifId: 'col-1',
  sessionId: 's-1',
  date: '2026-11-03',
  start: '16:45',
  minutes: 90,
  kind: 'children',
  activityTypes: ['methodology', 'playful'],
};
const correction = (changes: object) =>
  validate(correctSessionData, { collectifId: 'col-1', sessionId: 's-1', changes, reason: 'the sheet said 2 hours' });
const attendance = (entries: unknown[]) => validate(recordAttendanceData, { collectifId: 'col-1', sessionId: 's-1', entries });

describe('collectif payloads (R-INPUT)', () => {
  it('R-INPUT: a 0-minute or negative session, a bad start, an unknown or repeated activity are rejected with the field', () => {
    expect(validate(recordSessionData, session)).toBeNull();
    expect(validate(recordSessionData, { ...session, minutes: 0 })).toMatchObject({
      code: 'INVALID_INPUT',
      ruleId: 'R-INPUT',
      message: 'minutes: must be an integer between 1 and 600',
    });
    expect(validate(recordSessionData, { ...session, minutes: -30 })?.details.field).toBe('minutes');
    expect(validate(recordSessionData, { ...session, start: '4:45pm' })?.message).toBe('start: must be a time HH:MM (24 h, Europe/Paris)');
    expect(validate(recordSessionData, { ...session, activityTypes: ['karaoke'] })?.details.field).toBe('activityTypes');
    expect(validate(recordSessionData, { ...session, activityTypes: ['playful', 'playful'] })?.message).toBe(
      'activityTypes: must not repeat an activity type',
    );
  });

  it('R-INPUT: a correction names only correctable fields, none null', () => {
    expect(correction({ minutes: 120 })).toBeNull();
    expect(correction({ minutes: 0 })?.details.field).toBe('changes.minutes');
    expect(correction({ minutes: null })?.message).toBe('changes.minutes: must be an integer between 1 and 600');
    expect(correction({ room: 'B' })?.message).toBe('changes.room: is not an accepted field');
  });

  it('R-INPUT: attendance lists 1 to 100 children, each once, with a known status', () => {
    expect(attendance([{ childId: 'c-1', status: 'present' }])).toBeNull();
    expect(attendance([])?.message).toBe('entries: must be a list of 1 to 100 items');
    expect(
      attendance([
        { childId: 'c-1', status: 'present' },
        { childId: 'c-1', status: 'absent' },
      ])?.message,
    ).toBe('entries: must not repeat a childId');
    expect(attendance([{ childId: 'c-1', status: 'late' }])?.message).toBe('entries[0].status: must be one of present, absent, excused');
  });
});
