import {
  makeEvent,
  nationalDefaults,
  schoolYear as toSchoolYear,
  streamIdOf,
  type ApplicationContent,
  type AttendanceEntry,
  type AttendanceStatus,
  type ClasEvent,
  type ClasEventType,
  type CollectifLevel,
  type EventData,
  type LocalDate,
  type OperatorKind,
  type SchoolLevel,
  type SchoolYear,
} from '@clas/domain';
import type { NewEvent } from '@clas/event-store';
import { addDays, at, dateOfEpochDay, day, epochDay, mondayOnOrAfter } from './calendar.js';
import { Prng } from './prng.js';

export interface NationalLogOptions {
  /** Number of Caf (départements). Default 100. */
  cafs?: number;
  /** Collectifs per Caf and school year. Default 100. */
  collectifsPerCaf?: number;
  /** School years, from `firstSchoolYear`. Default 1. */
  years?: number;
  firstSchoolYear?: string;
  seed?: number;
  /**
   * R-BILAN-DUE test data: every n-th project of a Caf (by its index) never files its bilan, so
   * the lateness worklists have rows. Default: every approved project files it.
   */
  unfiledBilanEvery?: number;
}

/** One append of the log: a stream's events, recorded together at `recordedAt`. */
export interface GeneratedAppend {
  streamId: string;
  recordedAt: string;
  events: NewEvent[];
}

const CAF_CODES: string[] = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '20'),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '976',
];

const PRIMARY_LEVELS: SchoolLevel[] = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'];
const COLLEGE_LEVELS: SchoolLevel[] = ['6e', '5e', '4e', '3e'];
const LYCEE_LEVELS: SchoolLevel[] = ['2nde', '1re', 'Terminale'];
const levelsOf = (level: CollectifLevel): SchoolLevel[] =>
  level === 'primary' ? PRIMARY_LEVELS : level === 'college' ? COLLEGE_LEVELS : LYCEE_LEVELS;

interface PlanCollectif {
  index: number;
  level: CollectifLevel;
  rural: boolean;
}

interface PlanProject {
  index: number;
  cycle: 'primary' | 'secondary';
  commune: string;
  epci: string | null;
  rural: boolean;
  qpv: boolean;
  collectifs: PlanCollectif[];
  costPerCollectif: number;
}

interface PlanOperator {
  operatorId: string;
  kind: OperatorKind;
  projects: PlanProject[];
}

interface CafPlan {
  cafCode: string;
  operators: PlanOperator[];
}

interface LiveChild {
  childId: string;
  level: SchoolLevel;
}

interface CollectifRun {
  collectifId: string;
  projectId: string;
  operatorId: string;
  cafCode: string;
  schoolYear: SchoolYear;
  level: CollectifLevel;
  rural: boolean;
  weeks: number;
  children: LiveChild[];
  nextChild: number;
  pendingReplacement: number;
  stats: {
    sessions: number;
    minutes: number;
    present: number;
    expected: number;
    arrivals: number;
    departures: number;
    weeks: number;
    byLevel: Record<CollectifLevel, number>;
  };
  rng: Prng;
}

/**
 * A realistic national log, in the order it would have been recorded: campaigns, operators,
 * applications, committee decisions (a few corrected), advances, collectifs with enrolments
 * and churn, staff, two sessions a week for 27–30 weeks with attendance (some typed in days
 * late, a few corrected), parent actions, concertations, bilans, balances, and from the third
 * year multi-year conventions. Events are built with the catalogue's `makeEvent`, so their data
 * is type-checked against the domain interfaces. Memory stays bounded: the timeline is flushed
 * week by week (late entries wait at most two weeks in their bucket).
 */
export function* nationalLog(options: NationalLogOptions = {}): Generator<GeneratedAppend> {
  const cafs = options.cafs ?? 100;
  const perCaf = options.collectifsPerCaf ?? 100;
  const years = options.years ?? 1;
  const first = Number((options.firstSchoolYear ?? '2025-2026').slice(0, 4));
  const root = new Prng(options.seed ?? 42);
  if (cafs > CAF_CODES.length) throw new RangeError(`at most ${CAF_CODES.length} Caf`);

  const plans = CAF_CODES.slice(0, cafs).map((cafCode, i) => planCaf(cafCode, perCaf, root.fork(i)));
  const timeline = new Timeline();
  interface Season {
    y: number;
    startYear: number;
    sy: SchoolYear;
    firstWeek: LocalDate;
    runs: CollectifRun[];
    closed: boolean;
  }
  const seasons: Season[] = Array.from({ length: years }, (_, y) => ({
    y,
    startYear: first + y,
    sy: toSchoolYear(`${first + y}-${first + y + 1}`),
    firstWeek: mondayOnOrAfter(day(first + y, 11, 3)),
    runs: [],
    closed: false,
  }));
  // One global week loop: seasons overlap (next year's campaign opens in March, during this
  // year's sessions), and every append must land in the timeline before its day is flushed.
  const SESSION_WEEKS = 32;
  let monday = mondayOnOrAfter(day(first, 3, 1));
  const end = addDays(seasons[seasons.length - 1]!.firstWeek, 7 * 60);
  while (monday < end) {
    const nextMonday = addDays(monday, 7);
    for (const season of seasons) {
      const opening = day(season.startYear, 3, 15);
      if (opening >= monday && opening < nextMonday) {
        for (const plan of plans)
          season.runs.push(...prepareYear(timeline, plan, season.sy, season.startYear, season.y, root.fork(1000 + season.y)));
      }
      const w = Math.round((epochDay(monday) - epochDay(season.firstWeek)) / 7);
      if (w >= 0 && w < SESSION_WEEKS) {
        // Two weeks of Christmas holidays (weeks 7 and 8 of the season): no sessions.
        if (w !== 7 && w !== 8) {
          const activeWeek = w < 7 ? w : w - 2;
          for (const run of season.runs) if (activeWeek < run.weeks) sessionWeek(timeline, run, monday);
          for (const plan of plans) monthlyProjectActions(timeline, plan, season.sy, season.startYear, monday, w, root);
        }
      } else if (w >= SESSION_WEEKS && !season.closed) {
        closeYear(timeline, plans, season.runs, season.sy, season.startYear, options.unfiledBilanEvery);
        season.runs = [];
        season.closed = true;
      }
    }
    yield* timeline.flushBefore(nextMonday);
    monday = nextMonday;
  }
  yield* timeline.flushBefore(addDays(end, 400));
}

/** Counts the events of a generated log without keeping it (for progress totals). */
export function estimateEvents(options: NationalLogOptions = {}): number {
  const cafs = options.cafs ?? 100;
  const perCaf = options.collectifsPerCaf ?? 100;
  const years = options.years ?? 1;
  return Math.round(cafs * perCaf * years * 132);
}

function planCaf(cafCode: string, perCaf: number, rng: Prng): CafPlan {
  const communes = Array.from({ length: 8 + rng.int(0, 10) }, (_, i) => ({
    name: `commune-${cafCode}-${i}`,
    epci: rng.chance(0.8) ? `epci-${cafCode}-${i % 4}` : null,
    rural: rng.chance(0.3),
    qpv: rng.chance(0.25),
  }));
  const operators: PlanOperator[] = [];
  let made = 0;
  let projectIndex = 0;
  while (made < perCaf) {
    const operatorIndex = operators.length;
    const kind: OperatorKind = rng.pick(['association', 'association', 'collectivite', 'centre_social'] as const);
    const projects: PlanProject[] = [];
    const projectCount = rng.int(1, 3);
    for (let p = 0; p < projectCount && made < perCaf; p++) {
      const commune = rng.pick(communes);
      const cycle = rng.chance(0.6) ? 'primary' : 'secondary';
      const n = Math.min(rng.int(1, 3), perCaf - made);
      const collectifs: PlanCollectif[] = Array.from({ length: n }, () => ({
        index: made++,
        level: cycle === 'primary' ? 'primary' : rng.chance(0.7) ? 'college' : 'lycee',
        rural: commune.rural,
      }));
      projects.push({
        index: projectIndex++,
        cycle,
        commune: commune.name,
        epci: commune.epci,
        rural: commune.rural,
        qpv: commune.qpv,
        collectifs,
        costPerCollectif: rng.int(600, 1_100) * 1_000,
      });
    }
    operators.push({ operatorId: `op-${cafCode}-${operatorIndex}`, kind, projects });
  }
  return { cafCode, operators };
}

const META = (cafCode: string, role = 'caf_agent') => ({ actor: `gen-${role}`, role, caf: cafCode });

function ev<T extends ClasEventType>(
  type: T,
  data: EventData<T>,
  occurredAt: string,
  cafCode: string,
  role?: string,
): { event: ClasEvent; newEvent: NewEvent } {
  const event = makeEvent(type, data, occurredAt) as ClasEvent;
  return {
    event,
    newEvent: {
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      occurredAt: event.occurredAt,
      metadata: META(cafCode, role),
    },
  };
}

/** Appends bucketed by the Paris day they are recorded on; flushed in day order. */
class Timeline {
  private readonly days = new Map<number, Array<{ streamId: string; events: NewEvent[]; minute: number }>>();
  private flushedUpTo = -Infinity;

  add(recordedOn: LocalDate, built: ReadonlyArray<{ event: ClasEvent; newEvent: NewEvent }>, minute = 18 * 60): void {
    if (built.length === 0) return;
    const index = Math.max(epochDay(recordedOn), this.flushedUpTo + 1);
    let bucket = this.days.get(index);
    if (bucket === undefined) this.days.set(index, (bucket = []));
    bucket.push({ streamId: streamIdOf(built[0]!.event), events: built.map((b) => b.newEvent), minute });
  }

  *flushBefore(limit: LocalDate): Generator<GeneratedAppend> {
    const end = epochDay(limit);
    const ready = [...this.days.keys()].filter((d) => d < end).sort((a, b) => a - b);
    for (const index of ready) {
      const bucket = this.days.get(index)!;
      this.days.delete(index);
      bucket.sort((a, b) => a.minute - b.minute);
      const base = Date.parse(`${dateOfEpochDay(index)}T00:00:00.000Z`);
      // Distinct, increasing recordedAt within the day (minute of the day, then a ms counter).
      let ms = 0;
      for (const append of bucket) {
        yield {
          streamId: append.streamId,
          recordedAt: new Date(base + append.minute * 60_000 + ms++).toISOString(),
          events: append.events,
        };
      }
      this.flushedUpTo = index;
    }
  }
}

function prepareYear(timeline: Timeline, plan: CafPlan, sy: SchoolYear, year: number, y: number, seedRng: Prng): CollectifRun[] {
  const { cafCode } = plan;
  const rng = seedRng.fork(plan.cafCode.charCodeAt(0) * 31 + plan.cafCode.charCodeAt(1));
  const deadlines = { newApplication: day(year, 7, 31), renewal: day(year, 6, 30) };
  const parameters = nationalDefaults(cafCode, sy, {
    priceCapPerCollectif: 865_200,
    bonusEnfants: 33_500,
    bonusParents: 33_500,
    deadlines,
    // R-BILAN-DUE: the qualitative part by the end of June, the figures by the end of September.
    bilanDueDates: { qualitative: day(year + 1, 6, 30), quantitative: day(year + 1, 9, 30), financial: day(year + 1, 9, 30) },
  });
  timeline.add(
    day(year, 3, 15),
    [ev('CampaignOpened', { cafCode, schoolYear: sy, parameters, openedOn: day(year, 3, 15) }, at(day(year, 3, 15), '09:00'), cafCode)],
    9 * 60,
  );

  const runs: CollectifRun[] = [];
  for (const operator of plan.operators) {
    const { operatorId } = operator;
    if (y === 0) {
      const on = day(year, 4, rng.int(1, 28));
      timeline.add(
        on,
        [
          ev(
            'OperatorRegistered',
            {
              operatorId,
              cafCode,
              name: `Opérateur ${operatorId}`,
              kind: operator.kind,
              cafApproval: operator.kind === 'centre_social' ? { from: day(year - 1, 1, 1), to: day(year + 4, 12, 31) } : null,
              registeredOn: on,
            },
            at(on, '10:00'),
            cafCode,
          ),
          ev(
            'CoordinatorAppointed',
            {
              operatorId,
              cafCode,
              personId: `coord-${operatorId}`,
              qualificationLevel: rng.pick([2, 3, 5]),
              hasRelevantExperience: true,
              appointedOn: on,
            },
            at(on, '10:00'),
            cafCode,
            'operator',
          ),
          ev(
            'OperatorDeclarationRecorded',
            {
              operatorId,
              cafCode,
              declaration: 'insurance',
              documentDate: on,
              expiresOn: day(year + 5, 12, 31),
              reference: `ins-${operatorId}`,
            },
            at(on, '10:00'),
            cafCode,
            'operator',
          ),
          ev(
            'OperatorDeclarationRecorded',
            { operatorId, cafCode, declaration: 'laicite_charter', documentDate: on, expiresOn: null, reference: null },
            at(on, '10:00'),
            cafCode,
            'operator',
          ),
        ],
        10 * 60,
      );
    }
    for (const project of operator.projects) {
      const projectId = `p-${cafCode}-${project.index}-${year}`;
      const ref = { projectId, operatorId, cafCode, schoolYear: sy };
      const n = project.collectifs.length;
      const totalCost = project.costPerCollectif * n;
      const content: ApplicationContent = {
        title: `Clas ${project.commune} ${project.cycle}`,
        schoolCycle: project.cycle,
        territory: { commune: project.commune, epci: project.epci, rural: project.rural, qpv: project.qpv },
        collectifs: project.collectifs.map((c) => ({
          ref: `g${c.index}`,
          place: { name: `salle ${c.index}`, commune: project.commune },
          level: c.level,
          rural: c.rural,
          disabilityNeeds: false,
          plannedChildren: 10,
        })),
        schedule: [
          { weekday: 'tuesday', start: '17:00', minutes: 90, kind: 'children' },
          { weekday: 'thursday', start: '17:00', minutes: 90, kind: 'children' },
        ],
        plannedPeriod: { from: day(year, 11, 3), to: day(year + 1, 6, 15) },
        plannedWeeks: 28,
        objectives: (['E1', 'E2', 'E3', 'E4', 'E5', 'P1', 'P2', 'P3', 'P4', 'P5', 'S1', 'S2', 'S3', 'T1'] as const).map((code) => ({
          code,
          description: `objectif ${code}`,
        })),
        activityTypes: ['methodology', 'cultural', 'playful', 'homework_help'],
        budget: {
          totalOperatingCost: totalCost,
          coFunders: [{ name: `Ville ${project.commune}`, kind: 'commune', amount: Math.round(totalCost * 0.4) }],
          otherCafFunding: 0,
          familyFeePerChild: rng.chance(0.7) ? 0 : 1_000,
        },
        bonusRequests: {
          enfants: rng.chance(0.3)
            ? { filRouge: 'fil rouge théâtre', criteria: ['paid_external_speakers'], justification: 'intervenants' }
            : null,
          parents: rng.chance(0.2)
            ? { supportProject: 'cafés des parents', criteria: ['specific_parent_actions'], justification: 'actions' }
            : null,
        },
      };
      const filedOn = day(year, rng.int(5, 7), rng.int(1, 28));
      timeline.add(
        filedOn,
        [
          ev(
            'ProjectDrafted',
            { ...ref, title: content.title, schoolCycle: project.cycle, draftedOn: filedOn },
            at(filedOn, '11:00'),
            cafCode,
            'operator',
          ),
          ev(
            'ApplicationFiled',
            {
              ...ref,
              applicationKind: y === 0 ? 'new' : 'renewal',
              renewalOf:
                y === 0
                  ? null
                  : {
                      previousProjectId: `p-${cafCode}-${project.index}-${year - 1}`,
                      previousSchoolYear: toSchoolYear(`${year - 1}-${year}`),
                      short: true,
                      changedFields: [],
                    },
              content,
              filedOn,
              deadline: y === 0 ? deadlines.newApplication : deadlines.renewal,
              warnings: [],
            },
            at(filedOn, '11:00'),
            cafCode,
            'operator',
          ),
        ],
        11 * 60,
      );
      const examOn = day(year, 9, 5);
      timeline.add(
        examOn,
        [
          ev(
            'ExaminationOpened',
            { ...ref, openedOn: examOn, priorQualitativeBilanReceived: y === 0 ? null : true },
            at(examOn, '09:00'),
            cafCode,
          ),
        ],
        9 * 60,
      );
      const meeting = day(year, 10, 1);
      const decisionId = `d-${projectId}`;
      const refs = project.collectifs.map((c) => `g${c.index}`);
      const bonuses = {
        enfants: content.bonusRequests.enfants ? { collectifs: n } : null,
        parents: content.bonusRequests.parents ? { collectifs: n } : null,
      };
      const approval = {
        outcome: 'approved' as const,
        approvedCollectifs: n,
        approvedCollectifRefs: refs,
        bonusesGranted: bonuses,
        forecastOperatingCost: totalCost,
      };
      const corrected = rng.chance(0.05);
      const recordedDecision =
        corrected && n > 1 ? { ...approval, approvedCollectifs: n - 1, approvedCollectifRefs: refs.slice(0, n - 1) } : approval;
      const decisionOn = day(year, 10, rng.int(2, 6));
      timeline.add(
        decisionOn,
        [
          ev(
            'CommitteeDecisionRecorded',
            { ...ref, decisionId, meetingId: null, meetingDate: meeting, effectiveDate: meeting, decision: recordedDecision },
            at(meeting, '14:00'),
            cafCode,
            'committee',
          ),
        ],
        14 * 60,
      );
      if (corrected) {
        const correctedOn = day(year, 11, rng.int(5, 20));
        timeline.add(
          correctedOn,
          [
            ev(
              'CommitteeDecisionCorrected',
              {
                ...ref,
                decisionId,
                effectiveDate: meeting,
                correctedOn,
                reason: 'erreur de saisie',
                correctedFields: ['approvedCollectifs', 'approvedCollectifRefs', 'forecastOperatingCost'],
                corrected: { ...approval, forecastOperatingCost: totalCost + 50_000 },
              },
              at(meeting, '14:00'),
              cafCode,
              'committee',
            ),
          ],
          15 * 60,
        );
      }
      const advanceOn = day(year, 10, 20);
      const advance = Math.round((Math.min(project.costPerCollectif, 865_200) * 325 * recordedDecision.approvedCollectifs) / 2_000);
      timeline.add(
        advanceOn,
        [
          ev(
            'AdvancePaid',
            { ...ref, paymentId: `adv-${projectId}`, decisionId, amount: advance, paidOn: advanceOn },
            at(advanceOn, '10:00'),
            cafCode,
          ),
        ],
        10 * 60,
      );
      const concertOn = day(year, 10, 15);
      timeline.add(
        concertOn,
        [
          ev(
            'SchoolConcertationHeld',
            {
              ...ref,
              concertationId: `sc1-${projectId}`,
              objective: 'S3',
              moment: 'before_start',
              date: concertOn,
              schools: [`école ${project.commune}`],
            },
            at(concertOn, '17:00'),
            cafCode,
            'operator',
          ),
        ],
        19 * 60,
      );

      for (const c of project.collectifs) {
        const collectifId = `c-${cafCode}-${c.index}-${year}`;
        const cref = { collectifId, projectId, operatorId, cafCode, schoolYear: sy };
        const openedOn = day(year, 10, 28);
        const crng = rng.fork(c.index);
        const size = crng.int(8, 12);
        const levels = levelsOf(c.level);
        const children: LiveChild[] = Array.from({ length: size }, (_, k) => ({
          childId: `ch-${collectifId}-${k}`,
          level: crng.pick(levels),
        }));
        const opening = [
          ev(
            'CollectifOpened',
            {
              ...cref,
              plannedRef: `g${c.index}`,
              place: { name: `salle ${c.index}`, commune: project.commune },
              level: c.level,
              rural: c.rural,
              disabilityNeeds: false,
              openedOn,
            },
            at(openedOn, '09:00'),
            cafCode,
            'operator',
          ),
          ...children.map((child) =>
            ev(
              'ChildEnrolled',
              {
                ...cref,
                childId: child.childId,
                schoolLevel: child.level,
                orientedBy: crng.pick(['teacher', 'cpe', 'social_worker', 'family'] as const),
                parentalConsentDate: openedOn,
                disabilityNeeds: false,
                enrolledOn: openedOn,
              },
              at(openedOn, '09:00'),
              cafCode,
              'operator',
            ),
          ),
          ...[0, 1].map((s) =>
            ev(
              'StaffAssigned',
              {
                ...cref,
                staffId: `st-${operatorId}-${c.index}-${s}`,
                status: s === 0 ? 'professional' : 'volunteer',
                criminalRecordCheckDate: day(year, 9, 1),
                trainingAttendedDate: y === 0 ? null : day(year, 9, 15),
                isNew: y === 0,
                assignedOn: openedOn,
                warnings: [],
              },
              at(openedOn, '09:00'),
              cafCode,
              'operator',
            ),
          ),
        ];
        timeline.add(openedOn, opening, 9 * 60);
        const byLevel: Record<CollectifLevel, number> = { primary: 0, college: 0, lycee: 0 };
        byLevel[c.level] = size;
        runs.push({
          collectifId,
          projectId,
          operatorId,
          cafCode,
          schoolYear: sy,
          level: c.level,
          rural: c.rural,
          weeks: crng.int(27, 30),
          children,
          nextChild: size,
          pendingReplacement: 0,
          stats: { sessions: 0, minutes: 0, present: 0, expected: 0, arrivals: size, departures: 0, weeks: 0, byLevel },
          rng: crng,
        });
      }
    }
  }
  return runs;
}

const STATUSES: AttendanceStatus[] = [
  'present',
  'present',
  'present',
  'present',
  'present',
  'present',
  'present',
  'present',
  'absent',
  'excused',
];

/** A collectif's week: churn, two sessions with attendance; attendance sometimes typed days late. */
function sessionWeek(timeline: Timeline, run: CollectifRun, monday: LocalDate): void {
  const { rng, cafCode } = run;
  const cref = { collectifId: run.collectifId, projectId: run.projectId, operatorId: run.operatorId, cafCode, schoolYear: run.schoolYear };
  const now: Array<{ event: ClasEvent; newEvent: NewEvent }> = [];
  const late: Array<{ event: ClasEvent; newEvent: NewEvent }> = [];
  // Replacements of last week's departures arrive on Monday.
  for (; run.pendingReplacement > 0; run.pendingReplacement--) {
    const child = { childId: `ch-${run.collectifId}-${run.nextChild++}`, level: rng.pick(levelsOf(run.level)) };
    run.children.push(child);
    run.stats.arrivals++;
    run.stats.byLevel[run.level]++;
    now.push(
      ev(
        'ChildEnrolled',
        {
          ...cref,
          childId: child.childId,
          schoolLevel: child.level,
          orientedBy: 'teacher',
          parentalConsentDate: monday,
          disabilityNeeds: false,
          enrolledOn: monday,
        },
        at(monday, '09:00'),
        cafCode,
        'operator',
      ),
    );
  }
  const isLate = rng.chance(0.1);
  for (const [offset, weekday] of [
    [1, 'tue'],
    [3, 'thu'],
  ] as const) {
    const date = addDays(monday, offset);
    const sessionId = `s-${run.collectifId}-${date}-${weekday}`;
    const occurredAt = at(date, '17:00');
    const minutes = 90;
    now.push(
      ev(
        'SessionHeld',
        {
          ...cref,
          sessionId,
          date,
          start: '17:00',
          minutes,
          kind: 'children',
          activityTypes: rng.chance(0.5) ? ['methodology', 'cultural'] : ['playful', 'homework_help'],
          warnings: [],
        },
        occurredAt,
        cafCode,
        'operator',
      ),
    );
    run.stats.sessions++;
    run.stats.minutes += minutes;
    const entries: AttendanceEntry[] = run.children.map((child) => ({ childId: child.childId, status: rng.pick(STATUSES) }));
    for (const entry of entries) if (entry.status === 'present') run.stats.present++;
    run.stats.expected += entries.length;
    const attendance = ev('AttendanceRecorded', { ...cref, sessionId, sessionDate: date, entries }, occurredAt, cafCode, 'operator');
    (isLate ? late : now).push(attendance);
    if (rng.chance(0.01) && entries.length > 0) {
      const fixed = entries[0]!;
      late.push(
        ev(
          'AttendanceCorrected',
          {
            ...cref,
            sessionId,
            sessionDate: date,
            entries: [{ childId: fixed.childId, status: fixed.status === 'present' ? 'absent' : 'present' }],
            reason: 'erreur de pointage',
          },
          occurredAt,
          cafCode,
          'operator',
        ),
      );
    }
  }
  run.stats.weeks++;
  // Churn: a child leaves on Friday and is replaced next Monday.
  if (rng.chance(0.04) && run.children.length > 8) {
    const leaving = run.children.splice(rng.int(0, run.children.length - 1), 1)[0]!;
    const friday = addDays(monday, 4);
    now.push(
      ev(
        'ChildLeft',
        { ...cref, childId: leaving.childId, reason: rng.pick(['moved', 'family_choice', 'school_change'] as const), leftOn: friday },
        at(friday, '12:00'),
        cafCode,
        'operator',
      ),
    );
    run.stats.departures++;
    run.pendingReplacement++;
  }
  timeline.add(addDays(monday, 4), now, 18 * 60 + run.rng.int(0, 120));
  if (late.length > 0) timeline.add(addDays(monday, 4 + rng.int(3, 10)), late, 9 * 60 + rng.int(0, 600));
}

/** Parent actions once a month per project, a partner relation in the first month. */
function monthlyProjectActions(
  timeline: Timeline,
  plan: CafPlan,
  sy: SchoolYear,
  year: number,
  monday: LocalDate,
  week: number,
  root: Prng,
): void {
  if (week % 4 !== 2) return;
  const rng = root.fork(week * 7919 + plan.cafCode.charCodeAt(0));
  const date = addDays(monday, 2);
  for (const operator of plan.operators) {
    for (const project of operator.projects) {
      const projectId = `p-${plan.cafCode}-${project.index}-${year}`;
      const ref = { projectId, operatorId: operator.operatorId, cafCode: plan.cafCode, schoolYear: sy };
      const built = [
        ev(
          'ParentActionHeld',
          {
            ...ref,
            actionId: `pa-${projectId}-${week}`,
            objective: (['P1', 'P2', 'P3', 'P4', 'P5'] as const)[(week >> 2) % 5]!,
            date,
            parentsReached: rng.int(3, 12),
            collectifIds: [],
            description: 'temps parents',
          },
          at(date, '18:00'),
          plan.cafCode,
          'operator',
        ),
      ];
      if (week === 2)
        built.push(
          ev(
            'PartnerRelationRecorded',
            {
              ...ref,
              relationId: `pr-${projectId}`,
              objective: 'T1',
              partnerName: 'médiathèque',
              partnerKind: 'library',
              date,
              description: 'prêt de salle',
            },
            at(date, '18:00'),
            plan.cafCode,
            'operator',
          ),
        );
      timeline.add(addDays(date, rng.int(0, 3)), built, 20 * 60);
    }
  }
}

/** Bilans in July, validation and balance in September, conventions from the third year. */
function closeYear(
  timeline: Timeline,
  plans: CafPlan[],
  runs: CollectifRun[],
  sy: SchoolYear,
  year: number,
  unfiledBilanEvery: number | undefined,
): void {
  const byProject = new Map<string, CollectifRun[]>();
  for (const run of runs) {
    const list = byProject.get(run.projectId) ?? [];
    list.push(run);
    byProject.set(run.projectId, list);
  }
  for (const plan of plans) {
    const rng = new Prng(year * 131 + plan.cafCode.charCodeAt(0) * 17 + plan.cafCode.charCodeAt(1));
    for (const operator of plan.operators) {
      for (const project of operator.projects) {
        const projectId = `p-${plan.cafCode}-${project.index}-${year}`;
        const ref = { projectId, operatorId: operator.operatorId, cafCode: plan.cafCode, schoolYear: sy };
        const collectifs = byProject.get(projectId) ?? [];
        const sum = (f: (r: CollectifRun) => number) => collectifs.reduce((s, r) => s + f(r), 0);
        const concertOn = day(year + 1, 6, 20);
        timeline.add(
          concertOn,
          [
            ev(
              'SchoolConcertationHeld',
              {
                ...ref,
                concertationId: `sc2-${projectId}`,
                objective: 'S3',
                moment: 'at_bilan',
                date: concertOn,
                schools: [`école ${project.commune}`],
              },
              at(concertOn, '17:00'),
              plan.cafCode,
              'operator',
            ),
          ],
          19 * 60,
        );
        const filedOn = day(year + 1, 7, rng.int(1, 20));
        const actualCost = Math.round(project.costPerCollectif * collectifs.length * (0.9 + rng.next() * 0.2));
        const validatedOn = day(year + 1, 9, rng.int(10, 20));
        // Drawn before the skip, so the other projects' figures do not depend on the option.
        if (unfiledBilanEvery !== undefined && project.index % unfiledBilanEvery === 0) continue;
        const bilanId = `b-${projectId}`;
        timeline.add(
          filedOn,
          [
            ev(
              'BilanFiled',
              {
                ...ref,
                bilanId,
                filedOn,
                quantitative: {
                  collectifsRun: collectifs.length,
                  childrenEnrolled: {
                    primary: sum((r) => r.stats.byLevel.primary),
                    college: sum((r) => r.stats.byLevel.college),
                    lycee: sum((r) => r.stats.byLevel.lycee),
                  },
                  arrivals: sum((r) => r.stats.arrivals),
                  departures: sum((r) => r.stats.departures),
                  sessionsHeld: sum((r) => r.stats.sessions),
                  minutesHeld: sum((r) => r.stats.minutes),
                  weeksOfActivity: sum((r) => r.stats.weeks),
                  attendance: { present: sum((r) => r.stats.present), expected: sum((r) => r.stats.expected) },
                  parentsReached: 0,
                },
                qualitative: { summary: 'année conforme', objectives: [{ code: 'E1', assessment: 'atteint' }] },
                financial: {
                  actualTotalCost: actualCost,
                  coFunders: [{ name: 'Ville', kind: 'commune', amount: Math.round(actualCost * 0.4) }],
                  cafAmountsReceived: 0,
                  otherCafFunding: 0,
                },
              },
              at(filedOn, '10:00'),
              plan.cafCode,
              'operator',
            ),
          ],
          10 * 60,
        );
        timeline.add(
          validatedOn,
          [ev('BilanValidated', { ...ref, bilanId, validatedOn }, at(validatedOn, '10:00'), plan.cafCode)],
          10 * 60,
        );
        const paidOn = day(year + 1, 9, 30);
        const balance = Math.round((Math.min(actualCost / Math.max(1, collectifs.length), 865_200) * 325 * collectifs.length) / 2_000);
        timeline.add(
          paidOn,
          [
            ev(
              'BalancePaid',
              { ...ref, paymentId: `bal-${projectId}`, bilanId, amount: balance, paidOn },
              at(paidOn, '10:00'),
              plan.cafCode,
            ),
          ],
          11 * 60,
        );
      }
      // R-CONV: operators supported two earlier years may sign a Cof (third season onwards).
      const yearIndex = year - 2025;
      if (yearIndex === 2 && rng.chance(0.2)) {
        const conventionId = `conv-${operator.operatorId}`;
        const cref = { conventionId, operatorId: operator.operatorId, cafCode: plan.cafCode };
        const nextYear = toSchoolYear(`${year + 1}-${year + 2}`);
        const period = { startSchoolYear: nextYear, years: 2, from: day(year + 1, 9, 1), to: day(year + 3, 8, 31) };
        const n = operator.projects.reduce((s, p) => s + p.collectifs.length, 0);
        const terms = { startDate: day(year + 1, 9, 1), collectifs: n, children: n * 10, weeks: 28 };
        const on = day(year + 1, 6, rng.int(1, 25));
        timeline.add(
          on,
          [
            ev(
              'ConventionRequested',
              {
                ...cref,
                projectIds: operator.projects.map((p) => `p-${plan.cafCode}-${p.index}-${year + 1}`),
                period,
                terms,
                operatorKind: operator.kind,
                priorApprovedSchoolYears: 2,
                requestedOn: on,
              },
              at(on, '10:00'),
              plan.cafCode,
              'operator',
            ),
            ev('ConventionSigned', { ...cref, period, terms, signedOn: on }, at(on, '10:00'), plan.cafCode),
            ev(
              'YearlyCollectifsNotified',
              { ...cref, schoolYear: nextYear, collectifs: n, collectifIds: [], previousBilanReceived: null, notifiedOn: on },
              at(on, '10:00'),
              plan.cafCode,
            ),
          ],
          12 * 60,
        );
      }
    }
  }
}
