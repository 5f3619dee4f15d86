import type {
  Cents,
  CommitteeMeetingState,
  CommitteeMember,
  CommitteeOrientation,
  CommitteeState,
  EligibilityVerdict,
  LocalDate,
} from '@clas/domain';
import { orientationScore } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import type { ProjectFoldState, ProjectLifecycleStatus } from '../folds/project-state.js';
import type { AnswerContext } from './answer-support.js';
import { contextOf } from './answer-support.js';

/** A decision taken in a meeting, as the committee's record shows it. */
export interface CommitteeDecisionSummary {
  projectId: string;
  decisionId: string;
  outcome: 'approved' | 'refused';
  approvedCollectifs: number | null;
  effectiveDate: LocalDate;
  corrected: boolean;
  eventIds: string[];
}

export interface CommitteeMeetingAnswer {
  meetingId: string;
  status: 'scheduled' | 'held';
  date: LocalDate;
  members: CommitteeMember[];
  /** The projects examined (R-COMMITTEE-MEETING). */
  agenda: string[];
  minutes: string | null;
  /** The decisions recorded in this meeting, in agenda order. */
  decisions: CommitteeDecisionSummary[];
}

/** R-COMMITTEE-MEETING, R-COMMITTEE-ORIENTATIONS: the committee of a Caf and school year at a date. */
export interface CommitteeAnswer extends AnswerContext {
  cafCode: string;
  schoolYear: string;
  orientations: CommitteeOrientation[] | null;
  orientationsSetOn: LocalDate | null;
  meetings: CommitteeMeetingAnswer[];
}

/** The PS forecast of a file: its decision's, or before any decision what its application asks for (cents). */
export interface RankingForecast {
  basis: 'decision' | 'application';
  collectifs: number;
  psCents: Cents;
  bonusesCents: Cents;
  /** PS + bonuses after R-PS-80. */
  totalCents: Cents;
}

/** The inputs of one file, computed by the existing answers (eligibility, payable PS): never a second computation. */
export interface RankingInput {
  project: ProjectFoldState;
  plannedVerdict: EligibilityVerdict | null;
  forecast: RankingForecast | null;
}

export interface RankingEntry {
  rank: number;
  projectId: string;
  operatorId: string | null;
  title: string | null;
  status: ProjectLifecycleStatus;
  /** R-ELIG: the verdict on the application's planned facts. */
  plannedEligibility: EligibilityVerdict | null;
  forecast: RankingForecast | null;
  prioritiesMet: CommitteeOrientation[];
  /** Sum of the weights of the priorities met. */
  score: number;
  /** This file's forecast total added to those ranked before it (a refused file adds nothing). */
  runningTotalCents: Cents;
  /**
   * R-BUDGET-ENVELOPE: envelope − committed elsewhere − runningTotalCents, i.e. what would remain if
   * the files down to this one were approved as forecast; null when no envelope is recorded.
   */
  remainingAfterCents: Cents | null;
  /** remainingAfterCents ≥ 0 (funding this file down the ranking stays within the envelope); null without an envelope. */
  withinEnvelope: boolean | null;
}

/**
 * R-BUDGET-ENVELOPE seen from a meeting: the Caf × year envelope at the date and what the campaign's
 * approved projects that are NOT on this agenda already commit (the envelope answer's lines: forecast
 * PS + bonuses + local Caf funds), so each agenda file's running total reads against what is left.
 */
export interface RankingEnvelope {
  /** false when no envelope is recorded for the Caf × year (decisions are then not checked). */
  checked: boolean;
  envelopeCents: Cents | null;
  committedElsewhereCents: Cents;
  /** Projects whose commitment makes committedElsewhereCents. */
  committedElsewhere: Array<{ projectId: string; committedCents: Cents }>;
  /** What would remain once every agenda file is funded as forecast; null without an envelope. */
  remainingAfterAgendaCents: Cents | null;
}

/** R-COMMITTEE-ORIENTATIONS: the files of one meeting ranked against the year's orientations. */
export interface MeetingRankingAnswer extends AnswerContext {
  cafCode: string;
  schoolYear: string;
  meetingId: string;
  meetingDate: LocalDate;
  meetingStatus: 'scheduled' | 'held';
  orientations: CommitteeOrientation[];
  entries: RankingEntry[];
  totalCents: Cents;
  envelope: RankingEnvelope;
}

/** The envelope figures a ranking reads against (from the envelope answer at the same date). */
export interface RankingEnvelopeInput {
  checked: boolean;
  envelope: Cents | null;
  projects: ReadonlyArray<{ projectId: string; committed: Cents }>;
}

function decisionsOf(meeting: CommitteeMeetingState, projects: ReadonlyMap<string, ProjectFoldState>): CommitteeDecisionSummary[] {
  return meeting.agenda.flatMap((projectId) => {
    const decision = projects.get(projectId)?.decision ?? null;
    if (decision === null || decision.meetingId !== meeting.meetingId) return [];
    return [
      {
        projectId,
        decisionId: decision.decisionId,
        outcome: decision.outcome,
        approvedCollectifs: decision.approval?.approvedCollectifs ?? null,
        effectiveDate: decision.effectiveDate,
        corrected: decision.corrections.length > 0,
        eventIds: decision.eventIds,
      },
    ];
  });
}

export function meetingAnswer(meeting: CommitteeMeetingState, projects: ReadonlyMap<string, ProjectFoldState>): CommitteeMeetingAnswer {
  return {
    meetingId: meeting.meetingId,
    status: meeting.status,
    date: meeting.date,
    members: meeting.members,
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    decisions: decisionsOf(meeting, projects),
  };
}

/** The committee's orientations and meetings, each with the decisions recorded in it (projects: those of every agenda). */
export function committeeView(
  cafCode: string,
  schoolYear: string,
  committee: CommitteeState,
  projects: ReadonlyMap<string, ProjectFoldState>,
  asOf: AsOf,
): CommitteeAnswer {
  return {
    ...contextOf(asOf),
    cafCode,
    schoolYear,
    orientations: committee.orientations,
    orientationsSetOn: committee.orientationsSetOn,
    meetings: committee.meetings.map((m) => meetingAnswer(m, projects)),
  };
}

/**
 * R-COMMITTEE-ORIENTATIONS: the agenda's files by score (the weights of the priorities each
 * meets), then by project id for a stable order, with the running total of their forecasts.
 */
export function meetingRanking(
  ref: { cafCode: string; schoolYear: string },
  committee: CommitteeState,
  meeting: CommitteeMeetingState,
  inputs: readonly RankingInput[],
  epcisCoveredLastYear: ReadonlySet<string>,
  envelope: RankingEnvelopeInput,
  asOf: AsOf,
): MeetingRankingAnswer {
  const onAgenda = new Set(meeting.agenda);
  const elsewhere = envelope.projects.filter((p) => !onAgenda.has(p.projectId));
  const committedElsewhere = elsewhere.reduce((sum, p) => sum + p.committed, 0) as Cents;
  const available = envelope.envelope === null ? null : envelope.envelope - committedElsewhere;
  const orientations = committee.orientations ?? [];
  const scored = inputs.map((input) => {
    const content = input.project.application?.content ?? null;
    const { met, score } = content ? orientationScore(orientations, { content, epcisCoveredLastYear }) : { met: [], score: 0 };
    return { input, met, score };
  });
  scored.sort((a, b) => b.score - a.score || a.input.project.projectId.localeCompare(b.input.project.projectId));
  let running = 0 as Cents;
  const entries = scored.map(({ input, met, score }, i): RankingEntry => {
    running = (running + (input.forecast?.totalCents ?? 0)) as Cents;
    const project = input.project;
    return {
      rank: i + 1,
      projectId: project.projectId,
      operatorId: project.ref?.operatorId ?? null,
      title: project.application?.content.title ?? null,
      status: project.status,
      plannedEligibility: input.plannedVerdict,
      forecast: input.forecast,
      prioritiesMet: met,
      score,
      runningTotalCents: running,
      remainingAfterCents: available === null ? null : ((available - running) as Cents),
      withinEnvelope: available === null ? null : available - running >= 0,
    };
  });
  return {
    ...contextOf(asOf),
    cafCode: ref.cafCode,
    schoolYear: ref.schoolYear,
    meetingId: meeting.meetingId,
    meetingDate: meeting.date,
    meetingStatus: meeting.status,
    orientations,
    entries,
    totalCents: running,
    envelope: {
      checked: envelope.checked,
      envelopeCents: envelope.envelope,
      committedElsewhereCents: committedElsewhere,
      committedElsewhere: elsewhere.map((p) => ({ projectId: p.projectId, committedCents: p.committed })),
      remainingAfterAgendaCents: available === null ? null : ((available - running) as Cents),
    },
  };
}
