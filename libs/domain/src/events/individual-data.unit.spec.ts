import { describe, expect, it } from '@jest/globals';
import { localDate } from '../shared/calendar-date.js';
import { schoolYear } from '../shared/school-year.js';
import { CLAS_EVENT_CATALOGUE, CLAS_EVENT_TYPES, makeEvent } from './catalogue.js';
import { PERSON_CLAIM_EVENT_TYPES, personClaimOf, withoutIndividualData } from './individual-data.js';

const ref = { collectifId: 'col-1', projectId: 'prj-1', operatorId: 'op-1', cafCode: '11', schoolYear: schoolYear('2026-2027') };
const at = '2026-11-02T09:00:00.000Z';
const d = localDate;

describe('individual-level data (issue 11 §4: dashboards read aggregates only)', () => {
  it('a child- or staff-level event is withheld whole: enrolment, departure, attendance, staff, coordinator', () => {
    const enrolled = makeEvent(
      'ChildEnrolled',
      {
        ...ref,
        childId: 'child-1',
        schoolLevel: 'CM1',
        orientedBy: 'teacher',
        parentalConsentDate: d('2026-10-20'),
        disabilityNeeds: true,
        enrolledOn: d('2026-11-02'),
      },
      at,
    );
    const attendance = makeEvent(
      'AttendanceRecorded',
      { ...ref, sessionId: 's1', sessionDate: d('2026-11-03'), entries: [{ childId: 'child-1', status: 'present' }] },
      at,
    );
    expect(withoutIndividualData(enrolled)).toBeNull();
    expect(withoutIndividualData(attendance)).toBeNull();
    const withheld = CLAS_EVENT_TYPES.filter((type) => CLAS_EVENT_CATALOGUE[type].individual === 'event');
    expect(withheld.sort()).toEqual([
      'AttendanceCorrected',
      'AttendanceRecorded',
      'ChildEnrolled',
      'ChildLeft',
      'CoordinatorAppointed',
      'StaffAssigned',
      'StaffTrainingRecorded',
      'StaffUnassigned',
    ]);
  });

  it('R-ELIG-COLLECTIVE disability flags are removed from a collectif and from the planned collectifs of an application; the rest is kept, the original untouched', () => {
    const opened = makeEvent(
      'CollectifOpened',
      {
        ...ref,
        plannedRef: 'c1',
        place: { name: 'École', commune: 'Limoux' },
        level: 'primary',
        rural: true,
        disabilityNeeds: true,
        openedOn: d('2026-10-12'),
      },
      at,
    );
    const seen = withoutIndividualData(opened)!;
    expect(seen.data).not.toHaveProperty('disabilityNeeds');
    expect(seen.data).toMatchObject({ collectifId: 'col-1', rural: true, level: 'primary' });
    expect(opened.data.disabilityNeeds).toBe(true);

    const planned = {
      ref: 'c1',
      place: { name: 'École', commune: 'Limoux' },
      level: 'primary' as const,
      rural: true,
      disabilityNeeds: true,
      plannedChildren: 6,
    };
    const filed = {
      type: 'ApplicationFiled',
      data: { projectId: 'prj-1', content: { title: 'Clas', collectifs: [planned, { ...planned, ref: 'c2' }] } },
    };
    const redacted = withoutIndividualData(filed)!;
    expect(redacted.data.content.collectifs).toEqual([
      { ref: 'c1', place: planned.place, level: 'primary', rural: true, plannedChildren: 6 },
      { ref: 'c2', place: planned.place, level: 'primary', rural: true, plannedChildren: 6 },
    ]);
  });

  it('an aggregate event passes as is; a type outside the catalogue is withheld (fails closed)', () => {
    const session = makeEvent(
      'SessionHeld',
      {
        ...ref,
        sessionId: 's1',
        date: d('2026-11-03'),
        start: '16:45',
        minutes: 90,
        kind: 'children',
        activityTypes: ['methodology'],
        warnings: [],
      },
      at,
    );
    expect(withoutIndividualData(session)).toBe(session);
    expect(withoutIndividualData({ type: 'ChildNicknamed', data: { childId: 'child-1' } })).toBeNull();
  });

  it('the events that claim a person id for an operator, and the id they claim', () => {
    expect([...PERSON_CLAIM_EVENT_TYPES].sort()).toEqual(['ChildEnrolled', 'CoordinatorAppointed', 'StaffAssigned']);
    expect(personClaimOf({ type: 'StaffAssigned', data: { ...ref, staffId: 'st-1' } })).toEqual({ personId: 'st-1', kind: 'staff' });
    expect(personClaimOf({ type: 'CoordinatorAppointed', data: { operatorId: 'op-1', cafCode: '11', personId: 'p-1' } })).toEqual({
      personId: 'p-1',
      kind: 'staff',
    });
    expect(personClaimOf({ type: 'ChildLeft', data: { ...ref, childId: 'child-1' } })).toBeNull();
  });
});
