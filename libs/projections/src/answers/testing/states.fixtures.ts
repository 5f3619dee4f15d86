import type { RecordedEvent } from '@clas/domain';
import type { AsOf } from '../../core/keyed-fold.js';
import { foldAsOf } from '../../core/keyed-fold.js';
import type { CampaignFoldState } from '../../folds/campaign.fold.js';
import { campaignFold } from '../../folds/campaign.fold.js';
import type { OperatorFoldState } from '../../folds/operator.fold.js';
import { operatorFold } from '../../folds/operator.fold.js';
import type { ProjectFoldState } from '../../folds/project-state.js';
import { projectFold } from '../../folds/project.fold.js';

/** Folds a hand-built log the way the reader would, for the pure answer specs. */
export function statesOf(
  events: RecordedEvent[],
  projectId: string,
  operatorId: string,
  campaign: string,
  asOf: AsOf,
): { project: ProjectFoldState; operator: OperatorFoldState; campaign: CampaignFoldState } {
  return {
    project: foldAsOf(projectFold, projectId, events, asOf),
    operator: foldAsOf(operatorFold, operatorId, events, asOf),
    campaign: foldAsOf(campaignFold, campaign, events, asOf),
  };
}
