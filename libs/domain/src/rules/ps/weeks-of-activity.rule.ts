import type { CampaignParameters } from '../../campaign/campaign-parameters.js';
import type { LocalDate } from '../../shared/calendar-date.js';
import { isoWeekOf } from '../../shared/calendar-date.js';
import type { Explanation } from '../../shared/recorded-event.js';
import type { GroupSizeCheck } from '../eligibility/group-size.js';
import { checkGroupSize } from '../eligibility/group-size.js';
import type { EnrolmentInterval, CollectifSessionFact } from '../facts/project-facts.js';
import { eventIdsOf } from '../facts/sourced.js';

export interface CollectifWeeksInput {
  collectifId: string;
  rural: boolean;
  sessions: readonly CollectifSessionFact[];
  enrolments: readonly EnrolmentInterval[];
  /** Only sessions within these days count (usually the school year); absent = all sessions. */
  period?: { from: LocalDate; to: LocalDate };
}

export interface ActivityWeek {
  isoWeek: string;
  /** Durations of the sessions held that week (cancelled ones excluded). */
  sessionMinutes: number[];
  /** Which weekly rhythm the sessions met: the campaign's normal one, the rural one, or none. */
  rhythm: 'normal' | 'rural' | null;
  /** The day of the week's first held session: enrolment is read on that day (R-PS-WEEK). */
  checkDay: LocalDate;
  enrolled: number;
  groupSize: GroupSizeCheck;
  /** A week of activity: rhythm met AND group size within bounds on the check day. */
  counts: boolean;
  reasons: string[];
  sourceEventIds: string[];
}

export interface CollectifWeeks {
  collectifId: string;
  weeks: ActivityWeek[];
  heldSessions: number;
  weeksOfActivity: number;
  minWeeks: number;
  /** Ran in compliance: reached the campaign's minimum number of weeks of activity. */
  compliant: boolean;
  explanation: Explanation;
}

/** Children enrolled on a day: distinct ids whose interval [from, to] contains it. */
export function enrolmentsOn(day: LocalDate, enrolments: readonly EnrolmentInterval[]): EnrolmentInterval[] {
  const present: EnrolmentInterval[] = [];
  const seen = new Set<string>();
  for (const e of enrolments) {
    if (e.from <= day && (e.to === null || day <= e.to) && !seen.has(e.childId)) {
      seen.add(e.childId);
      present.push(e);
    }
  }
  return present;
}

/** R-ELIG-RHYTHM for one ISO week: the normal rhythm first, then the rural alternative where allowed. */
export function weeklyRhythmMet(
  minutes: readonly number[],
  rural: boolean,
  rhythm: CampaignParameters['rhythm'],
): 'normal' | 'rural' | null {
  const meets = (r: { sessionsPerWeek: number; minMinutesPerSession: number }) =>
    minutes.filter((m) => m >= r.minMinutesPerSession).length >= r.sessionsPerWeek;
  if (meets(rhythm.normal)) return 'normal';
  if (rural && rhythm.rural && meets(rhythm.rural)) return 'rural';
  return null;
}

/**
 * R-PS-WEEK: the weeks of activity of one collectif, week by week, and whether it ran in
 * compliance (≥ minWeeks). A week counts when its held sessions meet the campaign's rhythm and
 * the enrolment on the day of its first session is within R-ELIG-COLLECTIVE bounds.
 */
export function collectifWeeksOfActivity(
  input: CollectifWeeksInput,
  params: Pick<CampaignParameters, 'rhythm' | 'groupSize'>,
): CollectifWeeks {
  // Several rules ask for the same collectif's weeks with the very same facts (R-ELIG-COLLECTIVE,
  // R-ELIG-RHYTHM, R-PS-ACTUAL): computed once per facts object. Facts are never mutated, and
  // the memo is keyed by their identity, so it cannot outlive them (WeakMap) nor mix two inputs.
  const memo = weeksMemo.get(input.sessions);
  if (memo !== undefined) {
    for (const entry of memo) if (sameWeeksInput(entry.input, entry.params, input, params)) return entry.result;
  }
  const result = computeCollectifWeeks(input, params);
  const entry = { input: { ...input }, params, result };
  if (memo === undefined) weeksMemo.set(input.sessions, [entry]);
  else memo.push(entry);
  return result;
}

type WeeksParams = Pick<CampaignParameters, 'rhythm' | 'groupSize'>;
const weeksMemo = new WeakMap<
  readonly CollectifSessionFact[],
  Array<{ input: CollectifWeeksInput; params: WeeksParams; result: CollectifWeeks }>
>();

function sameWeeksInput(a: CollectifWeeksInput, ap: WeeksParams, b: CollectifWeeksInput, bp: WeeksParams): boolean {
  return (
    a.sessions === b.sessions &&
    a.sessions.length === b.sessions.length &&
    a.enrolments === b.enrolments &&
    a.enrolments.length === b.enrolments.length &&
    a.collectifId === b.collectifId &&
    a.rural === b.rural &&
    a.period?.from === b.period?.from &&
    a.period?.to === b.period?.to &&
    ap.rhythm === bp.rhythm &&
    ap.groupSize === bp.groupSize
  );
}

function computeCollectifWeeks(input: CollectifWeeksInput, params: WeeksParams): CollectifWeeks {
  const held = input.sessions
    .filter((s) => !s.cancelled)
    .filter((s) => !input.period || (input.period.from <= s.date && s.date <= input.period.to));
  const byWeek = new Map<string, CollectifSessionFact[]>();
  for (const s of held) {
    const week = isoWeekOf(s.date);
    const list = byWeek.get(week);
    if (list === undefined) byWeek.set(week, [s]);
    else list.push(s);
  }
  const weeks = [...byWeek.keys()].sort().map((isoWeek): ActivityWeek => {
    const sessions = [...(byWeek.get(isoWeek) ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const sessionMinutes = sessions.map((s) => s.minutes);
    const rhythm = weeklyRhythmMet(sessionMinutes, input.rural, params.rhythm);
    const checkDay = sessions[0].date;
    const present = enrolmentsOn(checkDay, input.enrolments);
    const groupSize = checkGroupSize(
      present.length,
      { rural: input.rural, includesChildNeedingReinforcedAttention: present.some((e) => e.needsReinforcedAttention === true) },
      params.groupSize,
    );
    const reasons: string[] = [];
    if (rhythm === null) reasons.push(`sessions ${sessionMinutes.join('+')} min do not meet the weekly rhythm`);
    if (groupSize.status === 'not_met')
      reasons.push(`${present.length} children enrolled on ${checkDay}, outside ${groupSize.min}..${groupSize.max}`);
    return {
      isoWeek,
      sessionMinutes,
      rhythm,
      checkDay,
      enrolled: present.length,
      groupSize,
      counts: rhythm !== null && groupSize.status !== 'not_met',
      reasons,
      sourceEventIds: eventIdsOf(...sessions, ...present),
    };
  });
  const weeksCounted = weeks.filter((w) => w.counts).length;
  const minWeeks = params.rhythm.minWeeks;
  const compliant = weeksCounted >= minWeeks;
  return {
    collectifId: input.collectifId,
    weeks,
    heldSessions: held.length,
    weeksOfActivity: weeksCounted,
    minWeeks,
    compliant,
    explanation: {
      ruleId: 'R-PS-WEEK',
      inputs: {
        collectifId: input.collectifId,
        rural: input.rural,
        rhythm: params.rhythm,
        groupSize: params.groupSize,
        heldSessions: held.length,
        period: input.period ?? null,
      },
      sourceEventIds: eventIdsOf(...held, ...input.enrolments),
      output: { weeksOfActivity: weeksCounted, minWeeks, compliant },
      children: weeks.map((w) => ({
        ruleId: 'R-PS-WEEK',
        inputs: { isoWeek: w.isoWeek, sessionMinutes: w.sessionMinutes, checkDay: w.checkDay, enrolled: w.enrolled },
        sourceEventIds: w.sourceEventIds,
        output: { counts: w.counts, rhythm: w.rhythm, groupSize: w.groupSize.status, reasons: w.reasons },
      })),
    },
  };
}
