import type { CampaignParameters } from '../../../campaign/campaign-parameters.js';
import type { SchoolLevel } from '../../../events/vocabulary.js';
import { LANDES_2025_2026 } from '../../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { addDays, type LocalDate } from '../../../shared/calendar-date.js';
import type { SchoolYear } from '../../../shared/school-year.js';
import { YEAR, audeCampaign, d } from '../../../testing/fixtures.js';
import type { Sourced } from '../../facts/sourced.js';
import type {
  AttendanceFact,
  CollectifFact,
  EnrolmentFact,
  ProjectQuantitativeFacts,
  BilanSessionFact,
} from '../project-bilan-quantitative.rule.js';

/** The campaign parameters R-PS-WEEK reads. */
export type WeekRhythmParameters = Pick<CampaignParameters, 'rhythm' | 'groupSize'>;

/** Test data for the bilan specs (not exported by the barrel). Parameters are the seeds' own. */
const pick = ({ rhythm, groupSize, maxCafShare }: CampaignParameters) => ({ rhythm, groupSize, maxCafShare });

/** Aude 2026-2027 (004): 2 × 90 min, rural 1 × 120 min, 27 weeks, 8..12, rural 5, disability 5. */
export const AUDE_2026: WeekRhythmParameters & Pick<CampaignParameters, 'maxCafShare'> = pick(audeCampaign());

/** Landes 2025-2026 (000): 2 × 60 min over 28 weeks; no disability exception. */
export const LANDES_2025: WeekRhythmParameters = pick(LANDES_2025_2026);

export const Y2026 = YEAR;
export { d };

export const src = <T>(value: T, ...eventIds: string[]): Sourced<T> => ({ value, eventIds });

export function emptyFacts(projectId: string, year: SchoolYear = Y2026): ProjectQuantitativeFacts {
  return {
    projectId,
    schoolYear: year,
    collectifs: [],
    enrolments: [],
    sessions: [],
    attendance: [],
    parentActions: [],
    schoolConcertations: [],
    partnerRelations: [],
  };
}

export interface GeneratedCollectif {
  collectif: Sourced<CollectifFact>;
  enrolments: Sourced<EnrolmentFact>[];
  sessions: Sourced<BilanSessionFact>[];
  attendance: Sourced<AttendanceFact>[];
}

/**
 * A collectif meeting on Monday and Thursday of `weeks` consecutive weeks from `firstMonday`.
 * Attendance: every 10th child-session (by index) is absent, every 25th excused, others present.
 */
export function generateCollectif(opts: {
  collectifId: string;
  children: number;
  levels: readonly SchoolLevel[];
  rural?: boolean;
  weeks?: number;
  minutes?: number;
  firstMonday?: LocalDate;
  enrolledOn?: LocalDate;
  attendance?: boolean;
}): GeneratedCollectif {
  const { collectifId, children, levels } = opts;
  const weeks = opts.weeks ?? 28;
  const minutes = opts.minutes ?? 90;
  const firstMonday = opts.firstMonday ?? d('2026-10-05');
  const enrolledOn = opts.enrolledOn ?? d('2026-09-21');
  const enrolments = Array.from({ length: children }, (_, i) =>
    src<EnrolmentFact>(
      {
        childId: `${collectifId}-c${i}`,
        collectifId,
        schoolLevel: levels[i % levels.length],
        disabilityNeeds: false,
        enrolledOn,
        leftOn: null,
        leftReason: null,
      },
      `ev-enrol-${collectifId}-${i}`,
    ),
  );
  const sessions: Sourced<BilanSessionFact>[] = [];
  for (let w = 0; w < weeks; w++) {
    for (const offset of [0, 3]) {
      const sessionId = `${collectifId}-s${w}-${offset}`;
      sessions.push(
        src<BilanSessionFact>(
          { sessionId, collectifId, date: addDays(firstMonday, 7 * w + offset), minutes, kind: 'children', cancelled: false },
          `ev-${sessionId}`,
        ),
      );
    }
  }
  const attendance: Sourced<AttendanceFact>[] = [];
  if (opts.attendance ?? true) {
    let n = 0;
    for (const s of sessions) {
      for (const e of enrolments) {
        n += 1;
        const status = n % 25 === 0 ? 'excused' : n % 10 === 0 ? 'absent' : 'present';
        attendance.push(
          src<AttendanceFact>(
            { sessionId: s.value.sessionId, childId: e.value.childId, status },
            `ev-att-${s.value.sessionId}-${e.value.childId}`,
          ),
        );
      }
    }
  }
  return {
    collectif: src<CollectifFact>({ collectifId, rural: opts.rural ?? false }, `ev-col-${collectifId}`),
    enrolments,
    sessions,
    attendance,
  };
}

export function projectFacts(
  projectId: string,
  collectifs: readonly GeneratedCollectif[],
  year: SchoolYear = Y2026,
): ProjectQuantitativeFacts {
  return {
    ...emptyFacts(projectId, year),
    collectifs: collectifs.map((c) => c.collectif),
    enrolments: collectifs.flatMap((c) => c.enrolments),
    sessions: collectifs.flatMap((c) => c.sessions),
    attendance: collectifs.flatMap((c) => c.attendance),
  };
}
