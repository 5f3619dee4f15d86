import { describe, expect, it } from '@jest/globals';
import { validate } from '../schema/index.js';
import { holdCommitteeMeetingData, scheduleCommitteeMeetingData, setCommitteeOrientationsData } from './committee.schemas.js';

const REF = { cafCode: '11', schoolYear: '2026-2027' };

describe('committee payloads (R-INPUT)', () => {
  it('R-COMMITTEE-ORIENTATIONS: priorities come from the closed list, weighted 1 to 10, each once', () => {
    expect(validate(setCommitteeOrientationsData, { ...REF, orientations: [{ code: 'QPV', weight: 3 }] })).toBeNull();
    expect(validate(setCommitteeOrientationsData, { ...REF, orientations: [{ code: 'SEASIDE', weight: 3 }] })?.details.field).toBe(
      'orientations[0].code',
    );
    expect(validate(setCommitteeOrientationsData, { ...REF, orientations: [{ code: 'QPV', weight: 11 }] })?.details.field).toBe(
      'orientations[0].weight',
    );
    expect(
      validate(setCommitteeOrientationsData, {
        ...REF,
        orientations: [
          { code: 'QPV', weight: 3 },
          { code: 'QPV', weight: 2 },
        ],
      })?.details.field,
    ).toBe('orientations.code');
    expect(validate(setCommitteeOrientationsData, { ...REF, orientations: [] })?.details.field).toBe('orientations');
  });

  it('R-COMMITTEE-MEETING: members by institution from the closed list, an agenda of distinct project ids', () => {
    const meeting = { ...REF, meetingId: 'm-1', date: '2026-10-05', agenda: ['prj-1'] };
    expect(validate(scheduleCommitteeMeetingData, meeting)).toBeNull();
    expect(validate(scheduleCommitteeMeetingData, { ...meeting, agenda: ['prj-1', 'prj-1'] })?.details.field).toBe('agenda');
    expect(validate(scheduleCommitteeMeetingData, { ...meeting, date: '2026-13-05' })?.details.field).toBe('date');
    const held = { ...REF, meetingId: 'm-1', members: [{ institution: 'msa', name: 'Jeanne Dupin' }] };
    expect(validate(holdCommitteeMeetingData, held)).toBeNull();
    expect(validate(holdCommitteeMeetingData, { ...held, members: [{ institution: 'bank' }] })?.details.field).toBe(
      'members[0].institution',
    );
    expect(validate(holdCommitteeMeetingData, { ...held, members: [] })?.details.field).toBe('members');
  });
});
