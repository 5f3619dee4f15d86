import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import {
  type AttendanceStatus,
  COLLECTIF_LEVELS,
  type CollectifLevel,
  collectifLevelOf,
  type ConcertationMoment,
  PARENT_OBJECTIVES,
  type ParentObjective,
  SCHOOL_OBJECTIVES,
  type SchoolLevel,
  type SchoolObjective,
  SESSION_KINDS,
  type SessionKind,
} from '../../events/vocabulary.js';
import { addDays, compareDates, type LocalDate } from '../../shared/calendar-date.js';
import { schoolYearEnd, schoolYearStart, type SchoolYear } from '../../shared/school-year.js';
import type { EnrolmentInterval } from '../facts/project-facts.js';
import { countOf, idsOf, type Sourced, unionIds } from '../facts/sourced.js';
import { type CollectifWeeks, collectifWeeksOfActivity, enrolmentsOn } from '../ps/weeks-of-activity.rule.js';
import { type Fraction, hoursFromMinutes, percentOneDecimal } from './decimal.js';

/** R-BILAN-2: the quantitative bilan of one project for one school year, from facts folded by projections. */

export interface CollectifFact {
  collectifId: string;
  /** Rural collectifs get the rural rhythm and group minimum (R-ELIG-RHYTHM, R-ELIG-COLLECTIVE). */
  rural: boolean;
}

export interface EnrolmentFact {
  /** Opaque id (personal data stays out of the log, domain.md §8). */
  childId: string;
  collectifId: string;
  schoolLevel: SchoolLevel;
  disabilityNeeds: boolean;
  enrolledOn: LocalDate;
  /** First day the child is no longer enrolled; a replacement may be enrolled on that same day. */
  leftOn: LocalDate | null;
  leftReason: string | null;
}

export interface BilanSessionFact {
  sessionId: string;
  collectifId: string;
  date: LocalDate;
  minutes: number;
  kind: SessionKind;
  cancelled: boolean;
}

export interface AttendanceFact {
  sessionId: string;
  childId: string;
  status: AttendanceStatus;
}

export interface ParentActionFact {
  objective: ParentObjective;
  date: LocalDate;
  parentsReached: number;
}

export interface SchoolConcertationFact {
  objective: SchoolObjective;
  date: LocalDate;
  moment: ConcertationMoment;
}

export interface PartnerRelationFact {
  objective: 'T1';
  partnerId: string;
  date: LocalDate;
}

export interface ProjectQuantitativeFacts {
  projectId: string;
  schoolYear: SchoolYear;
  /** Collectifs only seen in enrolments or sessions are taken as non-rural. */
  collectifs: readonly Sourced<CollectifFact>[];
  enrolments: readonly Sourced<EnrolmentFact>[];
  sessions: readonly Sourced<BilanSessionFact>[];
  /** In log order: for the same session and child, the last mark wins (late corrections). */
  attendance: readonly Sourced<AttendanceFact>[];
  parentActions: readonly Sourced<ParentActionFact>[];
  schoolConcertations: readonly Sourced<SchoolConcertationFact>[];
  partnerRelations: readonly Sourced<PartnerRelationFact>[];
}

export interface AttendanceRate {
  present: number;
  absent: number;
  excused: number;
  /** Expected child-sessions (a child enrolled on the day of a held session) with no mark. */
  unmarked: number;
  /** Marks of children not enrolled in the collectif that day: not expected, left out of the rate. */
  ignoredMarks: number;
  /** present ÷ (present + absent + excused), exact and unreduced; null when nothing is marked. */
  rate: Fraction | null;
  percent: string | null;
  eventIds: string[];
}

export interface CollectifQuantitative {
  collectifId: string;
  rural: boolean;
  run: boolean;
  childrenEnrolled: Sourced<number>;
  arrivals: Sourced<number>;
  departures: Sourced<number>;
  sessionsHeld: Sourced<number>;
  minutes: Sourced<number>;
  hours: string;
  /** R-PS-WEEK, week by week (the same rule the PS is paid on). */
  weeks: CollectifWeeks;
  /** The weeks that counted, sourced by their sessions and the enrolments of their check day. */
  weeksOfActivity: Sourced<number>;
  compliant: boolean;
  attendance: AttendanceRate;
}

export interface ProjectBilanQuantitative {
  ruleId: 'R-BILAN-2';
  projectId: string;
  schoolYear: SchoolYear;
  collectifsRun: Sourced<number>;
  compliantCollectifs: Sourced<number>;
  children: {
    total: Sourced<number>;
    byCycle: Record<CollectifLevel, Sourced<number>>;
    arrivals: Sourced<number>;
    departures: Sourced<number>;
  };
  sessions: {
    held: Sourced<number>;
    cancelled: Sourced<number>;
    byKind: Record<SessionKind, Sourced<number>>;
    minutes: Sourced<number>;
    hours: string;
  };
  attendance: AttendanceRate;
  /** Sorted by collectif id. */
  collectifs: CollectifQuantitative[];
  parentActions: {
    byObjective: Record<ParentObjective, { actions: Sourced<number>; parentsReached: Sourced<number> }>;
    actions: Sourced<number>;
    /** Sum of the parents each action reached (the facts carry counts, not parent ids). */
    parentsReached: Sourced<number>;
  };
  schoolConcertations: {
    byObjective: Record<SchoolObjective, Sourced<number>>;
    s3BeforeStart: Sourced<number>;
    s3AtBilan: Sourced<number>;
    /** R-ELIG-AXES S3 needs a concertation before the start AND one at the bilan. */
    s3Complete: Sourced<boolean>;
  };
  partners: { count: Sourced<number>; partnerIds: string[] };
}

const childSessionKind = (kind: SessionKind): boolean => kind === 'children' || kind === 'shared';

/**
 * The enrolment as R-PS-WEEK reads it: `leftOn` is the first day the child is no longer
 * enrolled, the interval's `to` the last day enrolled (inclusive), so a replacement enrolled
 * on the leaving day keeps the headcount.
 */
function enrolmentInterval(e: Sourced<EnrolmentFact>): EnrolmentInterval {
  return {
    childId: e.value.childId,
    from: e.value.enrolledOn,
    to: e.value.leftOn === null ? null : addDays(e.value.leftOn, -1),
    needsReinforcedAttention: e.value.disabilityNeeds,
    eventIds: e.eventIds,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function sumOf<T>(facts: readonly Sourced<T>[], amount: (value: T) => number): Sourced<number> {
  return { value: facts.reduce((total, f) => total + amount(f.value), 0), eventIds: idsOf(facts) };
}

/** Attendance of one collectif: its held children's sessions and its enrolments. */
function attendanceRate(
  heldChildSessions: readonly Sourced<BilanSessionFact>[],
  enrolments: readonly EnrolmentInterval[],
  marks: ReadonlyMap<string, Map<string, Sourced<AttendanceFact>>>,
): AttendanceRate {
  let present = 0;
  let absent = 0;
  let excused = 0;
  let unmarked = 0;
  let ignoredMarks = 0;
  const used: (readonly string[])[] = [];
  // The marks of one sheet share one id list: pushing it once per sheet gives the same union.
  let lastUsed: readonly string[] | null = null;
  const expectedOn = new Map<LocalDate, Set<string>>();
  for (const session of heldChildSessions) {
    let expected = expectedOn.get(session.value.date);
    if (expected === undefined)
      expectedOn.set(session.value.date, (expected = new Set(enrolmentsOn(session.value.date, enrolments).map((e) => e.childId))));
    const sessionMarks = marks.get(session.value.sessionId) ?? new Map<string, Sourced<AttendanceFact>>();
    let sessionUsed = false;
    for (const [childId, mark] of sessionMarks) {
      if (!expected.has(childId)) {
        ignoredMarks += 1;
        continue;
      }
      if (!sessionUsed) {
        used.push(session.eventIds);
        lastUsed = session.eventIds;
      }
      sessionUsed = true;
      if (mark.eventIds !== lastUsed) {
        used.push(mark.eventIds);
        lastUsed = mark.eventIds;
      }
      if (mark.value.status === 'present') present += 1;
      else if (mark.value.status === 'absent') absent += 1;
      else excused += 1;
    }
    for (const childId of expected) if (!sessionMarks.has(childId)) unmarked += 1;
  }
  return toRate({ present, absent, excused, unmarked, ignoredMarks }, unionIds(used));
}

function toRate(
  counts: Pick<AttendanceRate, 'present' | 'absent' | 'excused' | 'unmarked' | 'ignoredMarks'>,
  eventIds: string[],
): AttendanceRate {
  const marked = counts.present + counts.absent + counts.excused;
  return {
    ...counts,
    rate: marked === 0 ? null : { num: counts.present, den: marked },
    percent: percentOneDecimal(counts.present, marked),
    eventIds,
  };
}

/** The attendance of several collectifs (or projects): counts add up, the rate is recomputed exactly. */
export function mergeAttendance(rates: readonly AttendanceRate[]): AttendanceRate {
  const total = (field: 'present' | 'absent' | 'excused' | 'unmarked' | 'ignoredMarks') => rates.reduce((n, r) => n + r[field], 0);
  return toRate(
    {
      present: total('present'),
      absent: total('absent'),
      excused: total('excused'),
      unmarked: total('unmarked'),
      ignoredMarks: total('ignoredMarks'),
    },
    unionIds(rates.map((r) => r.eventIds)),
  );
}

export function projectBilanQuantitative(
  facts: ProjectQuantitativeFacts,
  params: Pick<CampaignParameters, 'rhythm' | 'groupSize'>,
): ProjectBilanQuantitative {
  const from = schoolYearStart(facts.schoolYear);
  const to = schoolYearEnd(facts.schoolYear);
  const inYear = (d: LocalDate) => compareDates(from, d) <= 0 && compareDates(d, to) <= 0;
  const overlapsYear = (e: EnrolmentFact) => compareDates(e.enrolledOn, to) <= 0 && (e.leftOn === null || compareDates(from, e.leftOn) < 0);

  const enrolments = facts.enrolments.filter((e) => overlapsYear(e.value));
  const sessionsInYear = facts.sessions.filter((s) => inYear(s.value.date));
  const held = sessionsInYear.filter((s) => !s.value.cancelled);

  // Last mark per (session, child), in log order.
  const marks = new Map<string, Map<string, Sourced<AttendanceFact>>>();
  for (const mark of facts.attendance) {
    const bySession = marks.get(mark.value.sessionId) ?? new Map<string, Sourced<AttendanceFact>>();
    bySession.set(mark.value.childId, mark);
    marks.set(mark.value.sessionId, bySession);
  }

  const ruralById = new Map(facts.collectifs.map((c) => [c.value.collectifId, c.value.rural]));
  const collectifIds = [
    ...new Set([
      ...facts.collectifs.map((c) => c.value.collectifId),
      ...enrolments.map((e) => e.value.collectifId),
      ...sessionsInYear.map((s) => s.value.collectifId),
    ]),
  ].sort();

  const enrolmentsBy = groupBy(enrolments, (e) => e.value.collectifId);
  const heldBy = groupBy(held, (s) => s.value.collectifId);
  const collectifs: CollectifQuantitative[] = collectifIds.map((collectifId) => {
    const rural = ruralById.get(collectifId) ?? false;
    const own = enrolmentsBy.get(collectifId) ?? [];
    const ownHeld = heldBy.get(collectifId) ?? [];
    const ownChildSessions = ownHeld.filter((s) => childSessionKind(s.value.kind));
    const firstSession = ownHeld.reduce<LocalDate | null>(
      (first, s) => (first === null || compareDates(s.value.date, first) < 0 ? s.value.date : first),
      null,
    );
    // An arrival joins a collectif that is already running; enrolments before its first session are the initial group.
    const arrivals =
      firstSession === null ? [] : own.filter((e) => compareDates(firstSession, e.value.enrolledOn) < 0 && inYear(e.value.enrolledOn));
    const departures = own.filter((e) => e.value.leftOn !== null && inYear(e.value.leftOn));
    const intervals = own.map(enrolmentInterval);
    const weeks = collectifWeeksOfActivity(
      {
        collectifId,
        rural,
        sessions: ownChildSessions.map((s) => ({
          date: s.value.date,
          minutes: s.value.minutes,
          cancelled: s.value.cancelled,
          eventIds: s.eventIds,
        })),
        enrolments: intervals,
        period: { from, to },
      },
      params,
    );
    const counted = weeks.weeks.filter((w) => w.counts);
    const minutes = sumOf(ownHeld, (s) => s.minutes);
    return {
      collectifId,
      rural,
      run: ownHeld.length > 0,
      childrenEnrolled: { value: new Set(own.map((e) => e.value.childId)).size, eventIds: idsOf(own) },
      arrivals: countOf(arrivals),
      departures: countOf(departures),
      sessionsHeld: countOf(ownHeld),
      minutes,
      hours: hoursFromMinutes(minutes.value),
      weeks,
      weeksOfActivity: { value: counted.length, eventIds: unionIds(counted.map((w) => w.sourceEventIds)) },
      compliant: weeks.compliant,
      attendance: attendanceRate(ownChildSessions, intervals, marks),
    };
  });

  // A child counted once, with the school level recorded on their latest enrolment of the year.
  const latestByChild = new Map<string, Sourced<EnrolmentFact>>();
  for (const e of enrolments) {
    const seen = latestByChild.get(e.value.childId);
    if (!seen || compareDates(seen.value.enrolledOn, e.value.enrolledOn) <= 0) latestByChild.set(e.value.childId, e);
  }
  const byCycle = Object.fromEntries(
    COLLECTIF_LEVELS.map((cycle) => {
      const children = [...latestByChild.values()].filter((e) => collectifLevelOf(e.value.schoolLevel) === cycle);
      return [cycle, countOf(children)];
    }),
  ) as Record<CollectifLevel, Sourced<number>>;

  const run = collectifs.filter((c) => c.run);
  const compliant = collectifs.filter((c) => c.compliant);
  const sessionMinutes = sumOf(held, (s) => s.minutes);

  const parentActions = facts.parentActions.filter((a) => inYear(a.value.date));
  const concertations = facts.schoolConcertations.filter((c) => inYear(c.value.date));
  const s3 = concertations.filter((c) => c.value.objective === 'S3');
  const s3BeforeStart = countOf(s3.filter((c) => c.value.moment === 'before_start'));
  const s3AtBilan = countOf(s3.filter((c) => c.value.moment === 'at_bilan'));
  const partnerRelations = facts.partnerRelations.filter((p) => p.value.objective === 'T1' && inYear(p.value.date));
  const partnerIds = [...new Set(partnerRelations.map((p) => p.value.partnerId))].sort();

  return {
    ruleId: 'R-BILAN-2',
    projectId: facts.projectId,
    schoolYear: facts.schoolYear,
    collectifsRun: { value: run.length, eventIds: unionIds(run.map((c) => c.sessionsHeld.eventIds)) },
    compliantCollectifs: { value: compliant.length, eventIds: unionIds(compliant.map((c) => c.weeksOfActivity.eventIds)) },
    children: {
      total: { value: latestByChild.size, eventIds: idsOf(enrolments) },
      byCycle,
      arrivals: {
        value: collectifs.reduce((n, c) => n + c.arrivals.value, 0),
        eventIds: unionIds(collectifs.map((c) => c.arrivals.eventIds)),
      },
      departures: {
        value: collectifs.reduce((n, c) => n + c.departures.value, 0),
        eventIds: unionIds(collectifs.map((c) => c.departures.eventIds)),
      },
    },
    sessions: {
      held: countOf(held),
      cancelled: countOf(sessionsInYear.filter((s) => s.value.cancelled)),
      byKind: Object.fromEntries(SESSION_KINDS.map((kind) => [kind, countOf(held.filter((s) => s.value.kind === kind))])) as Record<
        SessionKind,
        Sourced<number>
      >,
      minutes: sessionMinutes,
      hours: hoursFromMinutes(sessionMinutes.value),
    },
    attendance: mergeAttendance(collectifs.map((c) => c.attendance)),
    collectifs,
    parentActions: {
      byObjective: Object.fromEntries(
        PARENT_OBJECTIVES.map((objective) => {
          const actions = parentActions.filter((a) => a.value.objective === objective);
          return [objective, { actions: countOf(actions), parentsReached: sumOf(actions, (a) => a.parentsReached) }];
        }),
      ) as Record<ParentObjective, { actions: Sourced<number>; parentsReached: Sourced<number> }>,
      actions: countOf(parentActions),
      parentsReached: sumOf(parentActions, (a) => a.parentsReached),
    },
    schoolConcertations: {
      byObjective: Object.fromEntries(
        SCHOOL_OBJECTIVES.map((o) => [o, countOf(concertations.filter((c) => c.value.objective === o))]),
      ) as Record<SchoolObjective, Sourced<number>>,
      s3BeforeStart,
      s3AtBilan,
      s3Complete: {
        value: s3BeforeStart.value > 0 && s3AtBilan.value > 0,
        eventIds: unionIds([s3BeforeStart.eventIds, s3AtBilan.eventIds]),
      },
    },
    partners: { count: { value: partnerIds.length, eventIds: idsOf(partnerRelations) }, partnerIds },
  };
}
