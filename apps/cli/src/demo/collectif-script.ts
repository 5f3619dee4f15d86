import type { Actor } from '@clas/application';
import {
  type ActivityType,
  type AttendanceEntry,
  type ChildDepartureReason,
  type ClockTime,
  type CollectifLevel,
  type LocalDate,
  type OrientedBy,
  type Place,
  type SchoolLevel,
  type StaffStatus,
  addDays,
  collectifLevelOf,
  isoWeekOf,
  parisInstant,
} from '@clas/domain';
import { type DateRange, type SchoolCalendar, later, sessionDates } from './school-calendar.js';
import type { SeasonPlan } from './season-plan.js';

export interface ChildSpec {
  childId: string;
  schoolLevel: SchoolLevel;
  orientedBy: OrientedBy;
  enrolledOn: LocalDate;
  disabilityNeeds?: boolean;
  leaves?: { on: LocalDate; reason: ChildDepartureReason };
}

export interface StaffSpec {
  staffId: string;
  status: StaffStatus;
  criminalRecordCheckDate: LocalDate;
  assignedOn: LocalDate;
  isNew: boolean;
  /** R-ELIG-TRAINING: the "fondamentaux" module, recorded when it was attended (after the assignment). */
  trainingOn?: LocalDate;
}

export interface CollectifSpec {
  campaign: string;
  actor: Actor;
  collectifId: string;
  projectId: string;
  plannedRef: string;
  place: Place;
  level: CollectifLevel;
  rural: boolean;
  disabilityNeeds: boolean;
  openedOn: LocalDate;
  staff: StaffSpec[];
  children: ChildSpec[];
  schedule: { weekdays: number[]; start: ClockTime; minutes: number };
  period: DateRange;
  calendar: SchoolCalendar;
  /** The group stopped meeting after this day (too few children left). */
  lastSessionOn?: LocalDate;
}

/** What the operator declares in its bilan (R-BILAN-2), counted as the season is written. */
export interface CollectifStats {
  collectifId: string;
  sessions: number;
  minutes: number;
  weeks: number;
  present: number;
  expected: number;
  arrivals: number;
  departures: number;
  childrenByLevel: Record<CollectifLevel, number>;
  /** Children and staff, with the day they joined (their names go to the personal-data store). */
  persons: Array<{ personId: string; kind: 'child' | 'staff'; since: LocalDate }>;
  lastSessionOn: LocalDate | null;
}

/** A small deterministic generator (mulberry32): the same season, run after run. */
export function seededRandom(seed: string): () => number {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The "pédagogie du détour": homework is never the whole session (R-ELIG-NOT-HOMEWORK). */
const ACTIVITY_ROTATION: ActivityType[][] = [
  ['methodology', 'reading_writing'],
  ['cultural', 'playful'],
  ['homework_help', 'artistic'],
  ['scientific', 'digital'],
  ['methodology', 'playful'],
  ['outing', 'cultural'],
];

const enrolledOn = (child: ChildSpec, date: LocalDate): boolean =>
  child.enrolledOn <= date && (child.leaves === undefined || date < child.leaves.on);

/**
 * Writes one collectif's year into the plan: opening, staff (criminal-record checks, training),
 * enrolments with departures and replacements, two sessions a week and their attendance.
 * Most sheets are typed in the same evening; every 7th a few days later, and every 11th
 * session is entered in full a week and more after it was held (late entries, §7).
 */
export function writeCollectif(plan: SeasonPlan, spec: CollectifSpec): CollectifStats {
  const { actor, campaign, collectifId } = spec;
  const add = (recordAt: string, source: ReturnType<SeasonPlan['command']>) => plan.add({ recordAt, campaign, actor, source });
  const random = seededRandom(collectifId);

  const openAt = parisInstant(spec.openedOn, '09:00');
  add(
    later(spec.openedOn, 0, '09:10'),
    plan.command('OpenCollectif', openAt, {
      collectifId,
      projectId: spec.projectId,
      plannedRef: spec.plannedRef,
      place: spec.place,
      level: spec.level,
      rural: spec.rural,
      disabilityNeeds: spec.disabilityNeeds,
    }),
  );
  for (const s of spec.staff) {
    add(
      later(s.assignedOn, 0, '09:30'),
      plan.command('AssignStaff', parisInstant(s.assignedOn, '09:20'), {
        collectifId,
        staffId: s.staffId,
        status: s.status,
        criminalRecordCheckDate: s.criminalRecordCheckDate,
        trainingAttendedDate: null,
        isNew: s.isNew,
        assignedOn: s.assignedOn,
      }),
    );
    if (s.trainingOn) {
      add(
        later(s.trainingOn, 2, '11:00'),
        plan.command('RecordStaffTraining', parisInstant(s.trainingOn, '17:00'), {
          collectifId,
          staffId: s.staffId,
          trainingAttendedDate: s.trainingOn,
        }),
      );
    }
  }
  for (const c of spec.children) {
    add(
      later(c.enrolledOn, 0, '18:15'),
      plan.command('EnrolChild', parisInstant(c.enrolledOn, '18:00'), {
        collectifId,
        childId: c.childId,
        schoolLevel: c.schoolLevel,
        orientedBy: c.orientedBy,
        parentalConsentDate: addDays(c.enrolledOn, -7),
        disabilityNeeds: c.disabilityNeeds ?? false,
        enrolledOn: c.enrolledOn,
      }),
    );
    if (c.leaves) {
      add(
        later(c.leaves.on, 1, '10:00'),
        plan.command('RecordChildDeparture', parisInstant(c.leaves.on, '09:00'), {
          collectifId,
          childId: c.childId,
          reason: c.leaves.reason,
          leftOn: c.leaves.on,
        }),
      );
    }
  }

  const dates = sessionDates(spec.calendar, spec.period, spec.schedule.weekdays).filter(
    (d) => spec.lastSessionOn === undefined || d <= spec.lastSessionOn,
  );
  const weeks = new Map<string, number>();
  let present = 0;
  let expected = 0;
  dates.forEach((date, index) => {
    const sessionId = `${collectifId}-s${String(index + 1).padStart(3, '0')}`;
    const start = parisInstant(date, spec.schedule.start);
    const end = new Date(Date.parse(start) + spec.schedule.minutes * 60_000).toISOString();
    const enteredLate = index % 11 === 8;
    const sheetLate = !enteredLate && index % 7 === 3;
    const sessionRecordAt = enteredLate ? later(date, 9) : later(date, 0, '19:30');
    const attendanceRecordAt = enteredLate
      ? new Date(Date.parse(sessionRecordAt) + 60_000).toISOString()
      : sheetLate
        ? later(date, 6)
        : later(date, 0, '19:31');
    add(
      sessionRecordAt,
      plan.command('RecordSession', start, {
        collectifId,
        sessionId,
        date,
        start: spec.schedule.start,
        minutes: spec.schedule.minutes,
        kind: 'children',
        activityTypes: ACTIVITY_ROTATION[index % ACTIVITY_ROTATION.length]!,
      }),
    );
    const entries: AttendanceEntry[] = spec.children
      .filter((c) => enrolledOn(c, date))
      .map((c) => {
        const r = random();
        return { childId: c.childId, status: r < 0.86 ? 'present' : r < 0.95 ? 'absent' : 'excused' };
      });
    if (entries.length > 0) add(attendanceRecordAt, plan.command('RecordAttendance', end, { collectifId, sessionId, entries }));
    present += entries.filter((e) => e.status === 'present').length;
    expected += entries.length;
    weeks.set(isoWeekOf(date), (weeks.get(isoWeekOf(date)) ?? 0) + 1);
  });

  const childrenByLevel: Record<CollectifLevel, number> = { primary: 0, college: 0, lycee: 0 };
  for (const c of spec.children) childrenByLevel[collectifLevelOf(c.schoolLevel)]++;
  const firstDay = spec.children.reduce(
    (min, c) => (c.enrolledOn < min ? c.enrolledOn : min),
    spec.children[0]?.enrolledOn ?? spec.openedOn,
  );
  return {
    collectifId,
    sessions: dates.length,
    minutes: dates.length * spec.schedule.minutes,
    weeks: [...weeks.values()].filter((n) => n >= spec.schedule.weekdays.length).length,
    present,
    expected,
    arrivals: spec.children.filter((c) => c.enrolledOn > firstDay).length,
    departures: spec.children.filter((c) => c.leaves !== undefined).length,
    childrenByLevel,
    persons: [
      ...spec.children.map((c) => ({ personId: c.childId, kind: 'child' as const, since: c.enrolledOn })),
      ...spec.staff.map((s) => ({ personId: s.staffId, kind: 'staff' as const, since: s.assignedOn })),
    ],
    lastSessionOn: dates[dates.length - 1] ?? null,
  };
}
