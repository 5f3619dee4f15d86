import type { CampaignParameters } from '../campaign/campaign-parameters.js';
import type { ProjectRef } from '../events/project.events.js';
import type { SchoolCycle } from '../events/vocabulary.js';

/** What a collectif needs to know of its project's stream when it opens. */
export interface CollectifProjectFacts {
  ref: ProjectRef;
  schoolCycle: SchoolCycle;
  /** Refs of the collectifs its application plans. */
  plannedRefs: string[];
  /** False once the project is not receivable, withdrawn or refused. */
  open: boolean;
}

/**
 * Facts from other streams (`undefined` = not provided by the caller: it throws;
 * `null` = does not exist: it rejects).
 */
export interface CollectifContext {
  /** OpenCollectif: the project the collectif belongs to. */
  project?: CollectifProjectFacts | null;
  /** Parameters in force of the collectif's campaign: EnrolChild (R-ELIG-COLLECTIVE), AssignStaff (R-ELIG-TRAINING), sessions (R-ELIG-NO-SPORT, R-LIFE-5). */
  campaign?: CampaignParameters;
}
