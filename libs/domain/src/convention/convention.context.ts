import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import type { ApprovalPeriod } from '../events/operator.events.js';
import type { OperatorKind } from '../events/vocabulary.js';

export interface ConventionOperatorFacts {
  operatorId: string;
  cafCode: string;
  kind: OperatorKind;
  cafApproval: ApprovalPeriod | null;
}

/**
 * Facts from other streams (`undefined` = not provided: it throws; `null` = does not exist: it rejects).
 * Request and signature: operator, priorApprovedSchoolYears, campaign. Yearly notification: previousYearBilanReceived.
 */
export interface ConventionContext {
  operator?: ConventionOperatorFacts | null;
  /** R-CONV-SUPPORT: school years before the start with a Clas project of the operator approved by the committee (a replay of project streams). */
  priorApprovedSchoolYears?: number;
  /** Parameters of the campaign of the first school year (conventions.maxYears, centreSocialMaxYears, minPriorApprovedYears). */
  campaign?: CampaignParameters;
  /** R-CONV-2: the bilan of the school year before the notified one has been received. */
  previousYearBilanReceived?: boolean;
}
