import type { ConventionState, RecordedEvent } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import { campaignFold, campaignKey, type CampaignFoldState } from '../folds/campaign.fold.js';
import { conventionFold } from '../folds/convention.fold.js';
import { operatorFold, type OperatorFoldState } from '../folds/operator.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import { projectFold } from '../folds/project.fold.js';
import { FoldStateRepository, type StoredFoldState } from '../read-models/fold-state.repository.js';
import { StreamDirectoryWriter, directoryRowOf, type StreamDirectoryRow } from '../read-models/stream-directory.writer.js';
import { DIRECTORY_EVENT_TYPES } from '../time-travel/stream-directory.port.js';
import {
  BREAKDOWN_COLUMNS,
  BREAKDOWN_KEY,
  CAMPAIGN_COLUMNS,
  COLLECTIF_COLUMNS,
  CONVENTION_COLUMNS,
  OPERATOR_COLUMNS,
  PROJECT_COLUMNS,
  TOTALS_COLUMNS,
  campaignRow,
  conventionCampaignKeys,
  conventionStatusRow,
  operatorRow,
} from './clas-answer-rows.js';
import { inProcessCampaignRunner, rebuildWorkerScript, startCampaignWorkers, type CampaignRunner } from './campaign-runner.js';
import type { CampaignJob, CampaignResult } from './clas-rebuild-campaign.js';
import type { RebuildContext } from './engine/read-model-projection.js';
import { applyStored, initialStored } from './engine/stored-fold.js';

/** The folds whose states are small (one per campaign, operator, convention): folded in one filtered scan. */
const SMALL_FOLDS = [campaignFold, operatorFold, conventionFold] as KeyedFold<unknown>[];
const SCAN_TYPES = [...new Set([...DIRECTORY_EVENT_TYPES, ...SMALL_FOLDS.flatMap((f) => f.eventTypes)])];
const SCAN_PAGE = 2_000;
/** Campaigns whose rows are written per transaction. */
const CAMPAIGNS_PER_COMMIT = 8;

type Stored<S> = StoredFoldState<S>;

/** What the first pass learns: who owns which stream, and the small folds' states. */
interface Scan {
  directory: StreamDirectoryRow[];
  campaigns: Map<string, Stored<CampaignFoldState>>;
  operators: Map<string, Stored<OperatorFoldState>>;
  conventions: Map<string, Stored<ConventionState>>;
  events: number;
}

/**
 * Pass 1: one scan of the log filtered (in the store) to the types that open a stream or feed a
 * small fold — a few percent of the events. Yields the stream directory and the campaign,
 * operator and convention states, folded in global order exactly as the projector folds them.
 */
async function scanSmall(context: RebuildContext): Promise<Scan> {
  const states = new Map<KeyedFold<unknown>, Map<string, Stored<unknown>>>(SMALL_FOLDS.map((f) => [f, new Map()]));
  const routes = SMALL_FOLDS.map((fold) => ({ fold, types: new Set(fold.eventTypes), states: states.get(fold)! }));
  const directory: StreamDirectoryRow[] = [];
  const seen = new Set<string>();
  let after = 0;
  let events = 0;
  while (after < context.head && context.signal?.aborted !== true) {
    const page = await context.store.readAllPage({ after, limit: SCAN_PAGE, types: SCAN_TYPES });
    for (const stored of page.events) {
      if (stored.globalPosition > context.head) break;
      const event = stored as RecordedEvent;
      events++;
      const row = directoryRowOf(event);
      if (row !== null && !seen.has(row.streamId)) {
        seen.add(row.streamId);
        directory.push(row);
      }
      for (const { fold, types, states: foldStates } of routes) {
        if (!types.has(event.type)) continue;
        for (const key of fold.keysOf(event)) {
          let state = foldStates.get(key);
          if (state === undefined) foldStates.set(key, (state = initialStored(fold, key)));
          applyStored(fold, state, event);
        }
      }
    }
    if (page.isEnd || page.nextAfter <= after) break;
    after = page.nextAfter;
  }
  return {
    directory,
    campaigns: states.get(campaignFold) as Map<string, Stored<CampaignFoldState>>,
    operators: states.get(operatorFold) as Map<string, Stored<OperatorFoldState>>,
    conventions: states.get(conventionFold) as Map<string, Stored<ConventionState>>,
    events,
  };
}

/** The campaign jobs (sorted by key) with their projects' streams, from the directory. */
function campaignJobs(scan: Scan, head: number, covered: ReadonlySet<string>): CampaignJob[] {
  const jobs = new Map<string, { job: CampaignJob; projects: Map<string, string[]>; operators: Set<string> }>();
  const jobOf = (key: string) => {
    let entry = jobs.get(key);
    if (entry === undefined) {
      const job: CampaignJob = { key, listed: [], projects: [], covered: [], campaigns: [], operators: [], head };
      jobs.set(key, (entry = { job, projects: new Map(), operators: new Set() }));
    }
    return entry;
  };
  for (const key of scan.campaigns.keys()) jobOf(key);
  const ownerOf = new Map<string, string>();
  for (const row of scan.directory) {
    if (row.kind !== 'project' || row.projectId === null) continue;
    const key = row.campaignKey ?? '';
    ownerOf.set(row.projectId, key);
    const entry = jobOf(key);
    entry.job.listed.push(row.projectId);
    entry.projects.set(row.projectId, [row.streamId]);
    if (row.operatorId !== null) entry.operators.add(row.operatorId);
  }
  // A collectif's project may have no stream of its own: it still gets a row (as the projector does).
  for (const row of scan.directory) {
    if (row.kind !== 'collectif' || row.projectId === null) continue;
    let key = ownerOf.get(row.projectId);
    if (key === undefined) ownerOf.set(row.projectId, (key = row.campaignKey ?? ''));
    const entry = jobOf(key);
    const streams = entry.projects.get(row.projectId);
    if (streams === undefined) entry.projects.set(row.projectId, [row.streamId]);
    else streams.push(row.streamId);
    if (row.operatorId !== null) entry.operators.add(row.operatorId);
  }
  const out: CampaignJob[] = [];
  for (const { job, projects, operators } of jobs.values()) {
    job.listed.sort();
    job.projects = [...projects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, streams]) => [id, streams.sort()]);
    job.covered = job.projects.map(([id]) => id).filter((id) => covered.has(id));
    // The rows read the project's own campaign (its ref), which is this job's key for well-formed logs.
    const keys = new Set([job.key, ...job.projects.map(([id]) => ownerOf.get(id) ?? '')]);
    job.campaigns = [...keys].flatMap((k) =>
      scan.campaigns.has(k) ? [[k, scan.campaigns.get(k)!] as [string, Stored<CampaignFoldState>]] : [],
    );
    job.operators = [...operators]
      .sort()
      .flatMap((id) => (scan.operators.has(id) ? [[id, scan.operators.get(id)!] as [string, Stored<OperatorFoldState>]] : []));
    out.push(job);
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

async function openRunner(context: RebuildContext): Promise<CampaignRunner> {
  const workers = context.workers;
  const script = rebuildWorkerScript(workers?.execArgv);
  if (script === null || workers === undefined || workers.count < 1) return inProcessCampaignRunner(context.store);
  return startCampaignWorkers(workers.count, workers.store, script, workers.execArgv, workers.heapMb);
}

/**
 * The Clas projection's rebuild, owner by owner instead of the whole log in global order:
 * 1. one filtered scan → stream directory + campaign, operator and convention states (small);
 * 2. campaign by campaign (over worker threads when given a shareable store): read each
 *    project's streams (project + collectifs), fold, build the project rows and the
 *    departmental rows, then drop the states — memory holds a few campaigns, never a season,
 *    and project states are never serialised (the projector replays them when it needs one);
 *    the main thread writes the rows while the workers go on;
 * 3. conventions (from the small states and lean copies of the projects they cover), the small
 *    states, the directory and the checkpoint, in the last transaction.
 * Same folds, same row builders as the live derivation: the tables are identical to an
 * incremental run's (clas-read-models.int.spec.ts).
 */
export async function rebuildClasReadModels(context: RebuildContext): Promise<void> {
  const { db, head } = context;
  // Workers boot (load their modules, open the store) while this thread scans.
  const starting = openRunner(context);
  starting.catch(() => undefined);
  let scan: Scan;
  try {
    scan = await scanSmall(context);
  } catch (error) {
    await starting.then(
      (runner) => runner.close(),
      () => undefined,
    );
    throw error;
  }
  let applied = scan.events;
  context.progress(applied);

  // Projects a convention covers: kept (without their collectifs, all the convention view reads).
  const covered = new Set<string>();
  for (const { state } of scan.conventions.values()) for (const id of state.requested?.projectIds ?? []) covered.add(id);
  const lean = new Map<string, Stored<ProjectFoldState>>();
  const campaignOf = (key: string): Stored<CampaignFoldState> => scan.campaigns.get(key) ?? initialStored(campaignFold, key);
  const operatorOf = (id: string): Stored<OperatorFoldState> => scan.operators.get(id) ?? initialStored(operatorFold, id);

  const jobs = campaignJobs(scan, head, covered);
  const runner = await starting;
  context.usedWorkers?.(runner.threads);
  try {
    let rows = {
      projects: [] as unknown[][],
      collectifs: [] as unknown[][],
      figures: [] as unknown[][],
      totals: [] as unknown[][],
      campaigns: 0,
    };
    const flush = async (): Promise<void> => {
      const batch = rows;
      rows = { projects: [], collectifs: [], figures: [], totals: [], campaigns: 0 };
      await db.transaction(async (tx) => {
        await db.upsert(tx, 'rm_project_status', PROJECT_COLUMNS, ['project_id'], batch.projects);
        await db.upsert(tx, 'rm_collectif', COLLECTIF_COLUMNS, ['collectif_id'], batch.collectifs);
        await db.upsert(tx, 'rm_departmental_figures', BREAKDOWN_COLUMNS, BREAKDOWN_KEY, batch.figures);
        await db.upsert(tx, 'rm_departmental_totals', TOTALS_COLUMNS, ['caf_code', 'school_year'], batch.totals);
      });
    };
    // Keep every worker busy (two jobs each), write results as they come.
    const inFlight = new Map<number, Promise<{ index: number; result: CampaignResult }>>();
    let next = 0;
    const launch = () => {
      const index = next++;
      const job = runner.run(jobs[index]!).then((result) => ({ index, result }));
      // The first failure fails the rebuild (Promise.race below); the jobs still in flight then
      // fail too when the workers stop, and must not surface as unhandled rejections.
      job.catch(() => undefined);
      inFlight.set(index, job);
    };
    while (next < jobs.length && inFlight.size < runner.parallelism * 2) launch();
    while (inFlight.size > 0) {
      const { index, result } = await Promise.race(inFlight.values());
      inFlight.delete(index);
      if (context.signal?.aborted === true) {
        await Promise.allSettled(inFlight.values());
        return;
      }
      if (next < jobs.length) launch();
      rows.projects.push(...result.projectRows);
      rows.collectifs.push(...result.collectifRows);
      rows.figures.push(...result.figures);
      if (result.totals !== null) rows.totals.push(result.totals);
      for (const [id, stored] of result.lean) lean.set(id, stored);
      applied += result.events;
      context.progress(applied);
      if (++rows.campaigns >= CAMPAIGNS_PER_COMMIT) await flush();
    }
    await flush();
  } finally {
    await runner.close();
  }

  const conventionRows: unknown[][] = [];
  for (const conventionId of [...scan.conventions.keys()].sort()) {
    const stored = scan.conventions.get(conventionId)!;
    const convention = stored.state;
    if (convention.requested === null || convention.operatorId === null || convention.cafCode === null) continue;
    const projects = convention.requested.projectIds.map((id) => lean.get(id) ?? initialStored(projectFold, id));
    const keys = conventionCampaignKeys(
      convention,
      projects.map((p) => p.state),
      campaignKey,
    );
    const row = conventionStatusRow(
      conventionId,
      stored,
      operatorOf(convention.operatorId),
      projects,
      new Map(keys.map((k) => [k, campaignOf(k)])),
    );
    if (row !== null) conventionRows.push(row);
  }
  const foldStates = new FoldStateRepository(db);
  await db.transaction(async (tx) => {
    await db.upsert(tx, 'rm_convention_status', CONVENTION_COLUMNS, ['convention_id'], conventionRows);
    await db.upsert(
      tx,
      'rm_campaign',
      CAMPAIGN_COLUMNS,
      ['campaign_key'],
      [...scan.campaigns].map(([key, stored]) => campaignRow(key, stored)),
    );
    await db.upsert(
      tx,
      'rm_operator',
      OPERATOR_COLUMNS,
      ['operator_id'],
      [...scan.operators].flatMap(([id, stored]) => {
        const row = operatorRow(id, stored);
        return row === null ? [] : [row];
      }),
    );
    await foldStates.save(tx, campaignFold as KeyedFold<unknown>, scan.campaigns);
    await foldStates.save(tx, operatorFold as KeyedFold<unknown>, scan.operators);
    await foldStates.save(tx, conventionFold as KeyedFold<unknown>, scan.conventions);
    await new StreamDirectoryWriter(db).save(tx, scan.directory);
    await context.commitCheckpoint(tx);
  });
  context.progress(head);
}
