import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import type { ApplicationContent } from '../events/application-content.js';
import type { LocalDate } from '../shared/calendar-date.js';
import type { Cents } from '../shared/money.js';
import type { SchoolYear } from '../shared/school-year.js';

/** The facts a renewal needs from the renewed project's stream. */
export interface PreviousProjectFacts {
  projectId: string;
  operatorId: string;
  cafCode: string;
  schoolYear: SchoolYear;
  /** The content as filed (for a short renewal it is carried over, R-LIFE-4). */
  content: ApplicationContent;
  approved: boolean;
}

/** R-COMMITTEE-MEETING: the meeting a decision names, as its committee stream knows it. */
export interface DecisionMeetingFacts {
  cafCode: string;
  schoolYear: SchoolYear;
  meetingId: string;
  status: 'scheduled' | 'held';
  date: LocalDate;
  agenda: readonly string[];
}

/** R-BUDGET-ENVELOPE: the envelope of the project's Caf × year and what the other approved projects of that campaign commit. */
export interface EnvelopeContext {
  envelope: Cents;
  /** The campaign parameters in force: this decision's commitment is computed with them (R-PS-FORMULA…R-PS-80). */
  parameters: CampaignParameters;
  /** Sum of projectCommitment(…).total over the campaign's other approved projects (decisions in force). */
  committedByOthers: Cents;
}

/**
 * What the project decider is told about other streams (it reads nothing itself).
 * `undefined` = the caller did not provide it (a wiring bug: it throws);
 * `null` = the fact does not exist (a business outcome: it rejects).
 */
export interface ProjectContext {
  /** Parameters in force of `campaign-<caf>-<schoolYear>`; null when that campaign is not open. Filing, short renewal, examination. */
  campaign?: CampaignParameters | null;
  /** For a renewal: the renewed project; null when no such project exists. */
  previousProject?: PreviousProjectFacts | null;
  /** R-LIFE-2, examination of a renewal: the previous school year's qualitative bilan was received. */
  priorQualitativeBilanReceived?: boolean;
  /**
   * R-NOTIFY: the letter the command names, as rendered from the log (its decision and the
   * SHA-256 of its PDF); null when the project has no such letter.
   */
  letter?: { letterId: string; decisionId: string; documentHash: string } | null;
  /** R-AGREEMENT-ANNUAL: the annual agreement drawn from the approval in force; null when there is no approval. */
  agreement?: { agreementId: string; decisionId: string; documentHash: string } | null;
  /** R-AGREEMENT-ANNUAL: the signed multi-year convention of the operator covering the project's school year, or null. */
  conventionCoveringYear?: string | null;
  /** Recording a decision: the named meeting of the project's committee; null when that committee has no such meeting. */
  meeting?: DecisionMeetingFacts | null;
  /** Approval or correction: the envelope to check against; null when none is recorded for the Caf × year (no check). */
  envelope?: EnvelopeContext | null;
}
