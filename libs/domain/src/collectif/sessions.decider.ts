import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import { recommendedPeriodWarning } from '../campaign/recommended-period.js';
import { isDecision, requireContext } from '../commands/command.js';
import { type Problem, invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type {
  AttendanceEntry,
  CollectifEvent,
  CollectifRef,
  CorrectableSessionField,
  SessionCorrectedData,
} from '../events/collectif.events.js';
import { type ActivityType, type DomainWarning, isHomeworkOnly } from '../events/vocabulary.js';
import type { LocalDate } from '../shared/calendar-date.js';
import { type Decision, accept, reject } from '../shared/result.js';
import type { CancelSession, CorrectAttendance, CorrectSession, RecordAttendance, RecordSession } from './collectif.commands.js';
import type { CollectifContext } from './collectif.context.js';
import { checkFactDate, openCollectif } from './collectif-guards.js';
import { type CollectifState, type SessionFact, isEnrolledOn } from './collectif.state.js';

type SessionValues = SessionCorrectedData['session'];

/**
 * R-INPUT on a session's facts beyond their shape (collectif.schemas.ts): a date of the collectif's
 * year, and an end on the day it starts — checked on the session as corrected, too.
 */
function checkSession(s: SessionValues, state: CollectifState, occurredAt: string): Problem {
  return (
    checkFactDate(s.date, 'date', state, occurredAt) ??
    (Number(s.start.slice(0, 2)) * 60 + Number(s.start.slice(3, 5)) + s.minutes > 24 * 60
      ? invalid('minutes', 'a session ends on the day it starts', { start: s.start, minutes: s.minutes })
      : null)
  );
}

/**
 * A held session is a fact of the world: it is recorded even when it falls short of a rule, with
 * warnings for eligibility and the PS to weigh (the alternative, refusing it, would make the log
 * lie about what happened and hide it from the bilan).
 * - R-ELIG-NO-SPORT: a sport activity in a campaign that excludes sport (refused earlier, at filing);
 * - R-ELIG-NOT-HOMEWORK: nothing but homework help;
 * - R-LIFE-5: outside the recommended running period.
 */
function sessionWarnings(campaign: CampaignParameters, ref: CollectifRef, date: LocalDate, activityTypes: ActivityType[]): DomainWarning[] {
  const warnings: DomainWarning[] = [];
  if (campaign.options.noSport && activityTypes.includes('sport')) {
    warnings.push({
      ruleId: 'R-ELIG-NO-SPORT',
      code: 'SPORT_ACTIVITY_HELD',
      message: 'this campaign excludes physical and sports activities',
      details: { date, activityTypes },
    });
  }
  if (isHomeworkOnly(activityTypes)) {
    warnings.push({
      ruleId: 'R-ELIG-NOT-HOMEWORK',
      code: 'HOMEWORK_ONLY_SESSION',
      message: 'a session of homework help only is not a Clas session',
      details: { date },
    });
  }
  const period = recommendedPeriodWarning(campaign, ref.schoolYear, date);
  if (period) warnings.push(period);
  return warnings;
}

export function recordSession(command: RecordSession, state: CollectifState, context: CollectifContext): Decision<CollectifEvent> {
  const d = command.data;
  const problem = checkSession(d, state, command.occurredAt);
  if (problem) return rejectWith(problem);
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  const campaign = requireContext(context.campaign, 'campaign', command.type);
  if (state.sessions[d.sessionId])
    return reject('DUPLICATE_SESSION', 'R-INPUT', `session ${d.sessionId} is already recorded`, {
      field: 'sessionId',
      sessionId: d.sessionId,
    });
  return accept(
    makeEvent(
      'SessionHeld',
      {
        ...ref,
        sessionId: d.sessionId,
        date: d.date,
        start: d.start,
        minutes: d.minutes,
        kind: d.kind,
        activityTypes: d.activityTypes,
        warnings: sessionWarnings(campaign, ref, d.date, d.activityTypes),
      },
      command.occurredAt,
    ),
  );
}

export function cancelSession(command: CancelSession, state: CollectifState): Decision<CollectifEvent> {
  const d = command.data;
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  const known = state.sessions[d.sessionId];
  if (known?.cancelled)
    return reject('SESSION_ALREADY_CANCELLED', 'R-INPUT', `session ${d.sessionId} is already cancelled`, { field: 'sessionId' });
  if (known) {
    if (d.date !== undefined && d.date !== known.date)
      return rejectWith(invalid('date', `session ${d.sessionId} was held on ${known.date}`, { date: d.date }));
    return accept(
      makeEvent(
        'SessionCancelled',
        { ...ref, sessionId: d.sessionId, date: known.date, reason: d.reason, wasRecordedAsHeld: true },
        command.occurredAt,
      ),
    );
  }
  // Not recorded as held: a planned session cancelled, kept for the bilan (dated in the school year).
  const dateProblem = checkFactDate(d.date, 'date', state, command.occurredAt);
  if (dateProblem) return rejectWith(dateProblem);
  return accept(
    makeEvent(
      'SessionCancelled',
      { ...ref, sessionId: d.sessionId, date: d.date as LocalDate, reason: d.reason, wasRecordedAsHeld: false },
      command.occurredAt,
    ),
  );
}

const CORRECTABLE: readonly CorrectableSessionField[] = ['date', 'start', 'minutes', 'kind', 'activityTypes'];

/** The session attendance is about: recorded as held, not cancelled, in this collectif. */
function heldSession(state: CollectifState, sessionId: string): SessionFact | Decision<CollectifEvent> {
  const session = state.sessions[sessionId];
  // Sessions are per collectif stream: a session of another collectif is unknown here.
  if (!session) return reject('SESSION_UNKNOWN', 'R-INPUT', `no session ${sessionId} in this collectif`, { field: 'sessionId', sessionId });
  if (session.cancelled)
    return reject('SESSION_CANCELLED', 'R-INPUT', `session ${sessionId} was cancelled`, { field: 'sessionId', sessionId });
  return session;
}

/** R-ELIG-COLLECTIVE: attendance is about children enrolled in the collectif on the session's date. */
function attendanceProblem(state: CollectifState, entries: AttendanceEntry[], date: LocalDate): Decision<CollectifEvent> | null {
  const stranger = entries.find((e) => !isEnrolledOn(state, e.childId, date));
  return stranger
    ? reject(
        'CHILD_NOT_ENROLLED_ON_SESSION_DATE',
        'R-ELIG-COLLECTIVE',
        `child ${stranger.childId} is not enrolled in this collectif on ${date}`,
        { field: 'entries', childId: stranger.childId, date },
      )
    : null;
}

export function correctSession(command: CorrectSession, state: CollectifState, context: CollectifContext): Decision<CollectifEvent> {
  const d = command.data;
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  const campaign = requireContext(context.campaign, 'campaign', command.type);
  const session = heldSession(state, d.sessionId);
  if (isDecision(session)) return session;
  const current: SessionValues = {
    date: session.date,
    start: session.start,
    minutes: session.minutes,
    kind: session.kind,
    activityTypes: session.activityTypes,
  };
  const corrected: SessionValues = { ...current, ...d.changes };
  const valueProblem = checkSession(corrected, state, command.occurredAt);
  if (valueProblem)
    return rejectWith({ ...valueProblem, details: { ...valueProblem.details, field: `changes.${String(valueProblem.details.field)}` } });
  const correctedFields = CORRECTABLE.filter((f) => JSON.stringify(corrected[f]) !== JSON.stringify(current[f]));
  if (correctedFields.length === 0) return rejectWith(invalid('changes', 'changes nothing in the session'));
  if (session.attendance) {
    const moved = attendanceProblem(
      state,
      Object.keys(session.attendance).map((childId) => ({ childId, status: 'present' })),
      corrected.date,
    );
    if (moved) return moved;
  }
  // Like a decision correction, it takes effect from the session itself (its occurredAt), so "at" questions see the true session.
  return accept(
    makeEvent(
      'SessionCorrected',
      {
        ...ref,
        sessionId: d.sessionId,
        correctedFields,
        session: corrected,
        reason: d.reason,
        warnings: sessionWarnings(campaign, ref, corrected.date, corrected.activityTypes),
      },
      session.occurredAt,
    ),
  );
}

export function recordAttendance(command: RecordAttendance, state: CollectifState): Decision<CollectifEvent> {
  const d = command.data;
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  const session = heldSession(state, d.sessionId);
  if (isDecision(session)) return session;
  if (session.attendance !== null)
    return reject(
      'ATTENDANCE_ALREADY_RECORDED',
      'R-INPUT',
      `attendance of session ${d.sessionId} is already recorded; correct it instead`,
      { field: 'sessionId' },
    );
  const strangers = attendanceProblem(state, d.entries, session.date);
  if (strangers) return strangers;
  return accept(
    makeEvent('AttendanceRecorded', { ...ref, sessionId: d.sessionId, sessionDate: session.date, entries: d.entries }, command.occurredAt),
  );
}

export function correctAttendance(command: CorrectAttendance, state: CollectifState): Decision<CollectifEvent> {
  const d = command.data;
  const ref = openCollectif(state, d.collectifId);
  if (isDecision(ref)) return ref;
  const session = heldSession(state, d.sessionId);
  if (isDecision(session)) return session;
  if (session.attendance === null)
    return reject('ATTENDANCE_NOT_RECORDED', 'R-INPUT', `no attendance recorded for session ${d.sessionId} yet`, { field: 'sessionId' });
  const strangers = attendanceProblem(state, d.entries, session.date);
  if (strangers) return strangers;
  return accept(
    makeEvent(
      'AttendanceCorrected',
      { ...ref, sessionId: d.sessionId, sessionDate: session.date, entries: d.entries, reason: d.reason },
      command.occurredAt,
    ),
  );
}
