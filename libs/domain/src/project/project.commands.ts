import type { Command } from '../commands/command.js';
import type { ApplicationBudget, ApplicationContent, BonusRequests, PlannedCollectif } from '../events/application-content.js';
import type { BilanFinancial, BilanQualitative, BilanQuantitative, BonusesGranted, ProjectRef } from '../events/project.events.js';
import type { ConcertationMoment, NotReceivableReason, ParentObjective, PartnerKind, SchoolCycle, SchoolObjective } from '../events/vocabulary.js';
import type { LocalDate } from '../shared/calendar-date.js';
import type { Cents } from '../shared/money.js';

type OnProject<D = object> = { projectId: string } & D;

export type DraftProject = Command<'DraftProject', ProjectRef & { title: string; schoolCycle: SchoolCycle }>;

/** A full application, new or renewal (a renewal with more changes than R-LIFE-4 allows is a full file). */
export type FileApplication = Command<
  'FileApplication',
  ProjectRef & { applicationKind: 'new' | 'renewal'; /** Required for a renewal. */ previousProjectId?: string; content: ApplicationContent }
>;

/**
 * R-LIFE-4: a renewal "à l'identique" or with a change in the number of collectifs (same places,
 * same age ranges): the reduced content below; the rest is carried over from the previous project.
 */
export type FileShortRenewal = Command<
  'FileShortRenewal',
  ProjectRef & {
    previousProjectId: string;
    collectifs: PlannedCollectif[];
    budget: ApplicationBudget;
    plannedPeriod: { from: LocalDate; to: LocalDate };
    plannedWeeks?: number;
    bonusRequests?: BonusRequests;
  }
>;

/**
 * R-LIFE-1: a Caf agent records that a file is not receivable. Carries the full ref because a
 * late file was refused at filing and so the stream may be empty: this is the Caf's trace of it.
 */
export type DeclareNotReceivable = Command<'DeclareNotReceivable', ProjectRef & { reason: NotReceivableReason; ruleId: string; explanation: string }>;

export type WithdrawApplication = Command<'WithdrawApplication', OnProject<{ reason: string }>>;
export type OpenExamination = Command<'OpenExamination', OnProject>;

export type DecisionTermsInput =
  | {
      outcome: 'approved';
      approvedCollectifs: number;
      /** Required when fewer collectifs are approved than planned. */
      approvedCollectifRefs?: string[];
      bonusesGranted: BonusesGranted;
      forecastOperatingCost: Cents;
    }
  | { outcome: 'refused'; reasons: Array<{ code: string; ruleId?: string | null; text: string }> };

export type RecordCommitteeDecision = Command<
  'RecordCommitteeDecision',
  OnProject<{ decisionId: string; meetingDate: LocalDate; effectiveDate: LocalDate; decision: DecisionTermsInput }>
>;

/** Worked example 3: corrected fields of an approval, effective from the original decision date. */
export type CorrectCommitteeDecision = Command<
  'CorrectCommitteeDecision',
  OnProject<{
    decisionId: string;
    reason: string;
    changes: Partial<{ approvedCollectifs: number; approvedCollectifRefs: string[]; bonusesGranted: BonusesGranted; forecastOperatingCost: Cents }>;
  }>
>;

export type RecordParentAction = Command<
  'RecordParentAction',
  OnProject<{ actionId: string; objective: ParentObjective; date: LocalDate; parentsReached: number; collectifIds?: string[]; description: string }>
>;
export type RecordSchoolConcertation = Command<
  'RecordSchoolConcertation',
  OnProject<{ concertationId: string; objective: SchoolObjective; moment: ConcertationMoment; date: LocalDate; schools: string[] }>
>;
export type RecordPartnerRelation = Command<
  'RecordPartnerRelation',
  OnProject<{ relationId: string; partnerName: string; partnerKind: PartnerKind; date: LocalDate; description: string }>
>;

export type FileBilan = Command<
  'FileBilan',
  OnProject<{ bilanId: string; quantitative: BilanQuantitative; qualitative: BilanQualitative; financial: BilanFinancial }>
>;
export type ValidateBilan = Command<'ValidateBilan', OnProject<{ bilanId: string }>>;
export type ReturnBilanForCorrection = Command<'ReturnBilanForCorrection', OnProject<{ bilanId: string; reasons: string[] }>>;

/** R-PS-PAYMENTS: amounts come from the PS rules; the decider only checks order and ledger sense. */
export type PayAdvance = Command<'PayAdvance', OnProject<{ paymentId: string; amount: Cents }>>;
export type PayBalance = Command<'PayBalance', OnProject<{ paymentId: string; amount: Cents }>>;
export type IssueRecovery = Command<'IssueRecovery', OnProject<{ recoveryId: string; amount: Cents; reason: string }>>;

export type ProjectCommand =
  | DraftProject
  | FileApplication
  | FileShortRenewal
  | DeclareNotReceivable
  | WithdrawApplication
  | OpenExamination
  | RecordCommitteeDecision
  | CorrectCommitteeDecision
  | RecordParentAction
  | RecordSchoolConcertation
  | RecordPartnerRelation
  | FileBilan
  | ValidateBilan
  | ReturnBilanForCorrection
  | PayAdvance
  | PayBalance
  | IssueRecovery;
