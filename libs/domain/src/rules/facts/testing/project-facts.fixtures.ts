import type { LocalDate } from '../../../shared/calendar-date.js';
import { addDays, localDate } from '../../../shared/calendar-date.js';
import { schoolYear } from '../../../shared/school-year.js';
import { OBJECTIVE_LABELS } from '../objectives.js';
import type {
  ActualCollectif,
  ActualProjectFacts,
  CollectifSessionFact,
  EnrolmentInterval,
  PlannedProjectFacts,
  StaffAssignment,
} from '../project-facts.js';
import type { Sourced } from '../sourced.js';
import { sourced } from '../sourced.js';

/** Test data builders for the rules' facts (excluded from the build: testing/). */

let counter = 0;
/** A fact with a fresh, readable event id. */
export function fact<T>(value: T, id?: string): Sourced<T> {
  counter += 1;
  return sourced(value, [id ?? `evt-${counter}`]);
}

const allObjectives = Object.fromEntries(
  Object.entries(OBJECTIVE_LABELS).map(([code, label]) => [code, fact(label, `evt-objective-${code}`)]),
);

/** An application that meets every criterion of Aude 2026-2027 (urban, 2 collectifs of 10). */
export function plannedFacts(overrides: Partial<PlannedProjectFacts> = {}): PlannedProjectFacts {
  return {
    basis: 'planned',
    projectId: 'project-1',
    schoolYear: schoolYear('2026-2027'),
    asOf: localDate('2026-08-01'),
    rural: fact(false, 'evt-application'),
    familyFeePerChildPerYear: fact(0, 'evt-application'),
    charterCommitment: fact(true, 'evt-application'),
    coordinator: fact({ personId: 'coord-1', levelYearsAfterBac: 3, animationOrEducationExperience: true }, 'evt-coordinator'),
    objectives: allObjectives,
    cofunding: {
      totalCost: fact(1_800_000, 'evt-budget'),
      cafFunding: [
        fact({ label: 'PS Clas', amount: 562_380 }, 'evt-budget'),
        fact({ label: 'bonus enfants', amount: 67_000 }, 'evt-budget'),
      ],
    },
    operator: {
      insurance: fact({ declaredOn: localDate('2026-01-10'), validUntil: localDate('2027-12-31') }, 'evt-insurance'),
      laiciteCharterSignedOn: fact(localDate('2026-01-10'), 'evt-charter'),
    },
    staff: [
      fact(
        { staffId: 'staff-1', isNew: true, criminalRecordCheckedOn: localDate('2026-06-01'), fondamentauxTrainingOn: null },
        'evt-staff-1',
      ),
      fact(
        { staffId: 'staff-2', isNew: false, criminalRecordCheckedOn: localDate('2026-06-01'), fondamentauxTrainingOn: null },
        'evt-staff-2',
      ),
    ],
    targetPublic: fact(
      { schoolLevels: ['CP', 'CE1', 'CE2'], orientedWithParentsAgreement: true, needIdentifiedWithSchool: true, orientationRecorded: true },
      'evt-application',
    ),
    collectifs: [
      fact({ label: 'A', plannedChildren: 10, plannedStaff: 2, includesChildNeedingReinforcedAttention: false }, 'evt-application'),
      fact({ label: 'B', plannedChildren: 10, plannedStaff: 2, includesChildNeedingReinforcedAttention: false }, 'evt-application'),
    ],
    rhythm: fact({ weeklySessionMinutes: [90, 90], weeks: 30, oneOff: false }, 'evt-application'),
    activities: fact(['methodology', 'cultural', 'homework_help'], 'evt-application'),
    trainingCommitment: fact(true, 'evt-application'),
    ...overrides,
  };
}

/** Mondays from 2026-11-09 (after Toussaint), one per week. */
export function mondays(weeks: number, first: LocalDate = localDate('2026-11-09')): LocalDate[] {
  return Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));
}

/** Sessions on given weekdays (0 = Monday) of `weeks` consecutive weeks, each of `minutes`. */
export function weeklySessions(
  weeks: number,
  minutes: readonly number[],
  first: LocalDate = localDate('2026-11-09'),
  prefix = 's',
): CollectifSessionFact[] {
  return mondays(weeks, first).flatMap((monday, w) =>
    minutes.map((m, i) => ({
      date: addDays(monday, i * 2),
      minutes: m,
      cancelled: false,
      activities: ['methodology', 'cultural'],
      eventIds: [`${prefix}-${w}-${i}`],
    })),
  );
}

export function enrolChildren(
  count: number,
  from: LocalDate = localDate('2026-11-01'),
  extra: Partial<EnrolmentInterval> = {},
  prefix = 'child',
): EnrolmentInterval[] {
  return Array.from({ length: count }, (_, i) => ({
    childId: `${prefix}-${i + 1}`,
    from,
    to: null,
    eventIds: [`enrol-${prefix}-${i + 1}`],
    ...extra,
  }));
}

export function assignStaff(ids: readonly string[], from: LocalDate = localDate('2026-11-01')): StaffAssignment[] {
  return ids.map((staffId) => ({ staffId, from, to: null, eventIds: [`assign-${staffId}`] }));
}

export function collectif(
  collectifId: string,
  weeks: number,
  children = 10,
  minutes: readonly number[] = [90, 90],
  extra: Partial<ActualCollectif> = {},
): ActualCollectif {
  return {
    collectifId,
    sessions: weeklySessions(weeks, minutes, localDate('2026-11-09'), collectifId),
    enrolments: enrolChildren(children, localDate('2026-11-01'), {}, collectifId),
    staffAssignments: assignStaff(['staff-1', 'staff-2']),
    ...extra,
  };
}

/** What happened in a compliant Aude project by 2027-06-30: 2 collectifs over 30 weeks. */
export function actualFacts(overrides: Partial<ActualProjectFacts> = {}): ActualProjectFacts {
  const planned = plannedFacts();
  return {
    basis: 'actual',
    projectId: planned.projectId,
    schoolYear: planned.schoolYear,
    asOf: localDate('2027-06-30'),
    rural: planned.rural,
    familyFeePerChildPerYear: planned.familyFeePerChildPerYear,
    charterCommitment: planned.charterCommitment,
    coordinator: planned.coordinator,
    objectives: planned.objectives,
    cofunding: planned.cofunding,
    operator: planned.operator,
    staff: [
      fact(
        {
          staffId: 'staff-1',
          isNew: true,
          criminalRecordCheckedOn: localDate('2026-06-01'),
          fondamentauxTrainingOn: localDate('2026-09-15'),
        },
        'evt-staff-1',
      ),
      fact(
        { staffId: 'staff-2', isNew: false, criminalRecordCheckedOn: localDate('2026-06-01'), fondamentauxTrainingOn: null },
        'evt-staff-2',
      ),
    ],
    children: Array.from({ length: 20 }, (_, i) =>
      fact({ childId: `child-${i + 1}`, schoolLevel: 'CE1', orientedBy: 'teacher' as const, parentalConsent: true }, `evt-child-${i + 1}`),
    ),
    collectifs: [collectif('A', 30), collectif('B', 30)],
    ...overrides,
  };
}
