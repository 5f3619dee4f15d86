import { type Instant, type LocalDate, parisDateOf, parisInstant } from '../shared/calendar-date.js';
import type { Rejection } from '../shared/result.js';
import type { ClasEvent, ClasEventType, EventOfType } from './catalogue.js';

/** A moment a fact states: an instant, or a Paris day for facts dated to the day. */
export type FactMoment = { field: string; instant: Instant } | { field: string; date: LocalDate };

type MomentsOf<T extends ClasEventType> = (event: EventOfType<T>) => FactMoment[];

const occurred = (event: ClasEvent): FactMoment => ({ field: 'occurredAt', instant: event.occurredAt });

/**
 * R-FACT-PAST, declared once: for every event type, either the moments of a fact that can only
 * be known once it has happened (none of them may lie after the instant the Caf received it), or
 * null for what may lie in the future. The mapped type makes a new event type choose.
 *
 * null covers planned dates (a decision's effective date, a convention and its amendments, a
 * collectif opening, an enrolment, a staff assignment or its end, a cancelled session, a
 * coordinator taking office) and the Caf's and the operator's own acts on a file (opening a
 * campaign, drafting, withdrawing, examining, declaring not receivable, validating or returning
 * a bilan), whose dates no rule is judged on. R-LIFE-RECEIPT judges deadlines on the reception
 * instant itself, not on any of these.
 */
export const FACTS_KNOWN_AFTER_THEY_HAPPEN: { readonly [T in ClasEventType]: MomentsOf<T> | null } = {
  CampaignOpened: null,
  CampaignParametersAmended: null,
  // R-BUDGET-ENVELOPE: credits the Caf allocates, possibly from a later date (a supplementary allocation voted ahead).
  BudgetEnvelopeSet: null,
  BudgetEnvelopeAmended: null,

  OperatorRegistered: null,
  CoordinatorAppointed: null,
  // A document handed in exists: it cannot be dated after the Caf received it.
  OperatorDeclarationRecorded: (e) => [occurred(e), { field: 'documentDate', date: e.data.documentDate }],

  ProjectDrafted: null,
  // The declared filing instant is information only (R-LIFE-RECEIPT), but it cannot be declared ahead.
  ApplicationFiled: (e) => [occurred(e)],
  ApplicationFoundNotReceivable: null,
  ApplicationWithdrawn: null,
  ExaminationOpened: null,
  // The committee has met; the decision's effectiveDate may be later.
  CommitteeDecisionRecorded: (e) => [occurred(e), { field: 'meetingDate', date: e.data.meetingDate }],
  // Its occurredAt is the corrected decision's (already checked): the correction itself is dated by correctedOn.
  CommitteeDecisionCorrected: (e) => [{ field: 'occurredAt', date: e.data.correctedOn }],
  ParentActionHeld: (e) => [occurred(e), { field: 'date', date: e.data.date }],
  SchoolConcertationHeld: (e) => [occurred(e), { field: 'date', date: e.data.date }],
  PartnerRelationRecorded: (e) => [occurred(e), { field: 'date', date: e.data.date }],
  BilanFiled: (e) => [occurred(e)],
  BilanValidated: null,
  BilanReturnedForCorrection: null,
  AdvancePaid: (e) => [occurred(e)],
  BalancePaid: (e) => [occurred(e)],
  RecoveryIssued: (e) => [occurred(e)],
  // R-NOTIFY: a letter is recorded as sent once it has gone; an agreement once it is signed.
  NotificationSent: (e) => [occurred(e), { field: 'sentOn', date: e.data.sentOn }],
  AnnualAgreementSigned: (e) => [occurred(e), { field: 'signedOn', date: e.data.signedOn }],

  CollectifOpened: null,
  // The enrolment may start next week; the parents' consent has been given.
  ChildEnrolled: (e) => [{ field: 'parentalConsentDate', date: e.data.parentalConsentDate }],
  ChildLeft: (e) => [occurred(e), { field: 'leftOn', date: e.data.leftOn }],
  // The assignment may start next week; the criminal-record check and any training have been done.
  StaffAssigned: (e) => [
    { field: 'criminalRecordCheckDate', date: e.data.criminalRecordCheckDate },
    ...(e.data.trainingAttendedDate === null ? [] : [{ field: 'trainingAttendedDate', date: e.data.trainingAttendedDate }]),
  ],
  StaffTrainingRecorded: (e) => [occurred(e), { field: 'trainingAttendedDate', date: e.data.trainingAttendedDate }],
  StaffUnassigned: null,
  // A session is held once it has started (date + start, Paris wall clock).
  SessionHeld: (e) => [occurred(e), { field: 'start', instant: parisInstant(e.data.date, e.data.start) }],
  SessionCancelled: null,
  // Its occurredAt is the session's (already checked): the corrected session must have started too.
  SessionCorrected: (e) => [{ field: 'changes.start', instant: parisInstant(e.data.session.date, e.data.session.start) }],
  AttendanceRecorded: (e) => [occurred(e), { field: 'sessionDate', date: e.data.sessionDate }],
  AttendanceCorrected: (e) => [occurred(e), { field: 'sessionDate', date: e.data.sessionDate }],

  ConventionRequested: null,
  ConventionSigned: null,
  ConventionRefused: null,
  YearlyCollectifsNotified: null,
  ConventionAmendmentRequested: null,
  ConventionAmendmentValidated: null,
  ConventionAmendmentRefused: null,
  ConventionTerminated: null,

  // The year's priorities are the committee's own planning act.
  CommitteeOrientationsSet: null,
  // A meeting may be scheduled ahead.
  CommitteeMeetingScheduled: null,
  // R-COMMITTEE-MEETING: a meeting is held once its day has come.
  CommitteeMeetingHeld: (e) => [occurred(e), { field: 'date', date: e.data.date }],
  CommitteeMeetingMinutesRecorded: (e) => [occurred(e)],
  // A subscription starts or ends when it is recorded; its date is the caller's word and no rule reads it.
  WebhookSubscribed: null,
  WebhookUnsubscribed: null,
};

function momentsOf(event: ClasEvent): FactMoment[] {
  const moments = FACTS_KNOWN_AFTER_THEY_HAPPEN[event.type] as ((event: ClasEvent) => FactMoment[]) | null;
  return moments === null ? [] : moments(event);
}

/**
 * R-FACT-PAST: the first moment of the decided facts that lies after the reception instant, as a
 * rejection naming the field (nothing is then recorded), or null.
 */
export function factNotYetHappened(events: readonly ClasEvent[], receivedAt: Instant): Rejection | null {
  const received = Date.parse(receivedAt);
  const receivedOn = parisDateOf(receivedAt);
  for (const event of events) {
    for (const moment of momentsOf(event)) {
      const future = 'instant' in moment ? Date.parse(moment.instant) > received : moment.date > receivedOn;
      if (!future) continue;
      const value = 'instant' in moment ? moment.instant : moment.date;
      return {
        code: 'FACT_NOT_YET_HAPPENED',
        ruleId: 'R-FACT-PAST',
        message: `${moment.field}: ${event.type} states ${value}, after the Caf received it (${receivedAt}); a fact is recorded once it has happened`,
        details: { field: moment.field, value, receivedAt, eventType: event.type },
      };
    }
  }
  return null;
}
