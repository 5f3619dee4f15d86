import type { EventStore } from '@clas/event-store';
import { campaignFold, campaignKey, type CampaignFoldState } from '../folds/campaign.fold.js';
import { operatorFold, type OperatorFoldState } from '../folds/operator.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import { projectFold } from '../folds/project.fold.js';
import type { StoredFoldState } from '../read-models/fold-state.repository.js';
import { collectifRows, departmentRows, projectStatusRow } from './clas-answer-rows.js';
import { replayProject } from './project-replay.js';
import { initialStored } from './engine/stored-fold.js';

/**
 * One unit of a rebuild: a campaign (Caf × school year) with its projects' streams and the small
 * states its rows read. Plain data: it crosses to a worker thread by structured clone.
 */
export interface CampaignJob {
  /** "caf:year", or '' for projects without one (their rows, no departmental bilan). */
  key: string;
  /** Projects with a project stream in this campaign (sorted): the departmental bilan's scope. */
  listed: string[];
  /** Every project whose row this job writes, with its streams (project + collectifs). */
  projects: Array<[projectId: string, streamIds: string[]]>;
  /** Projects some convention covers: returned without their collectifs (what a convention view reads). */
  covered: string[];
  /** Small states by key (only those this campaign reads). */
  campaigns: Array<[string, StoredFoldState<CampaignFoldState>]>;
  operators: Array<[string, StoredFoldState<OperatorFoldState>]>;
  /** Fold events up to this global position. */
  head: number;
}

export interface CampaignResult {
  key: string;
  projectRows: unknown[][];
  collectifRows: unknown[][];
  figures: unknown[][];
  totals: unknown[] | null;
  lean: Array<[string, StoredFoldState<ProjectFoldState>]>;
  /** Events read. */
  events: number;
}

/** Reads and folds a campaign's projects, then builds their rows and the departmental rows. */
export async function deriveCampaign(store: EventStore, job: CampaignJob): Promise<CampaignResult> {
  const campaigns = new Map(job.campaigns);
  const operators = new Map(job.operators);
  const campaignOf = (key: string) => campaigns.get(key) ?? initialStored(campaignFold, key);
  const operatorOf = (id: string) => operators.get(id) ?? initialStored(operatorFold, id);
  const covered = new Set(job.covered);
  const states = new Map<string, StoredFoldState<ProjectFoldState>>();
  let events = 0;
  for (const [projectId, streamIds] of job.projects) {
    const replayed = await replayProject(store, projectId, streamIds, job.head);
    events += replayed.events;
    if (replayed.stored !== null) states.set(projectId, replayed.stored);
  }
  const projectRows: unknown[][] = [];
  const collectifs: unknown[][] = [];
  const lean: Array<[string, StoredFoldState<ProjectFoldState>]> = [];
  for (const [projectId, stored] of states) {
    const ref = stored.state.ref;
    if (ref === null) continue;
    collectifs.push(...collectifRows(projectId, stored));
    projectRows.push(projectStatusRow(projectId, stored, campaignOf(campaignKey(ref.cafCode, ref.schoolYear)), operatorOf(ref.operatorId)));
    if (covered.has(projectId)) lean.push([projectId, { ...stored, state: { ...stored.state, collectifs: {} } }]);
  }
  let figures: unknown[][] = [];
  let totals: unknown[] | null = null;
  if (job.key !== '') {
    const [cafCode, schoolYear] = job.key.split(':') as [string, string];
    const listed = job.listed.map((id) => states.get(id) ?? initialStored(projectFold, id));
    const operatorIds = [...new Set(listed.flatMap((p) => (p.state.ref ? [p.state.ref.operatorId] : [])))].sort();
    ({ figures, totals } = departmentRows(
      cafCode,
      schoolYear,
      campaignOf(job.key),
      listed,
      new Map(operatorIds.map((id) => [id, operatorOf(id)])),
    ));
  }
  return { key: job.key, projectRows, collectifRows: collectifs, figures, totals, lean, events };
}
