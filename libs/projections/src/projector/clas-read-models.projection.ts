import type { ConventionState } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import { campaignFold, campaignKey } from '../folds/campaign.fold.js';
import { conventionFold } from '../folds/convention.fold.js';
import { operatorFold } from '../folds/operator.fold.js';
import { projectFold } from '../folds/project.fold.js';
import type { ReadDatabase, SqlExecutor } from '../read-models/read-database.js';
import { streamDirectoryRows } from '../read-models/stream-directory.writer.js';
import {
  BREAKDOWN_COLUMNS,
  BREAKDOWN_KEY,
  CAMPAIGN_COLUMNS,
  COLLECTIF_COLUMNS,
  CONVENTION_COLUMNS,
  OPERATOR_COLUMNS,
  campaignRow,
  collectifRows,
  operatorRow,
  PROJECT_COLUMNS,
  TOTALS_COLUMNS,
  conventionCampaignKeys,
  conventionStatusRow,
  departmentRows,
  projectStatusRow,
} from './clas-answer-rows.js';
import { rebuildClasReadModels } from './clas-rebuild.js';
import { replayProjects } from './project-replay.js';
import type { BatchView, EventRows, ReadModelProjection } from './engine/read-model-projection.js';

export const CLAS_READ_MODELS = 'clas-read-models';

/** Projects derived per slice (rows upserted, then dropped). */
const DERIVE_CHUNK = 500;

/**
 * The Clas read models: the four folds of libs/projections/src/folds and the answers "now"
 * derived from them (clas-answer-rows.ts) with the same pure answer functions the time-travel
 * reader uses. Campaign, operator and convention states are stored; project states are
 * replayed from the log when not cached (project-replay.ts). A rebuild goes campaign by
 * campaign (clas-rebuild.ts) rather than through the log in global order.
 */
export function clasReadModelProjection(): ReadModelProjection {
  return {
    name: CLAS_READ_MODELS,
    // Version 3: caf_name in the departmental tables; as_of timestamptz and explanations jsonb on PostgreSQL.
    // Version 4: the list tables (rm_campaign, rm_operator, rm_collectif) and the list / worklist
    // columns of rm_project_status and rm_convention_status (issue 13).
    // Version 5: envelope, committed and remaining in the departmental tables (R-BUDGET-ENVELOPE).
    // Version 6: bilan_next_due_on (R-BILAN-DUE) and unnotified_letters (R-NOTIFY) in rm_project_status.
    // Version 7: renewal_of in rm_project_status (the renewal-letters worklist, R-LIFE-4).
    version: 7,
    folds: [campaignFold, operatorFold, projectFold, conventionFold] as KeyedFold<unknown>[],
    tables: [
      'rm_project_status',
      'rm_convention_status',
      'rm_departmental_figures',
      'rm_departmental_totals',
      'rm_campaign',
      'rm_operator',
      'rm_collectif',
    ],
    derive: deriveClasAnswers,
    // Version 2: project states are replayed from the log, not stored; rebuilt owner by owner.
    replayed: { [projectFold.name]: replayProjects },
    // The derivations read the directory (projects of a campaign, conventions of an operator).
    eventRows: streamDirectoryRows as EventRows<unknown>,
    rebuild: rebuildClasReadModels,
  };
}

async function projectIdsOf(
  db: ReadDatabase,
  tx: SqlExecutor,
  column: 'campaign_key' | 'operator_id',
  values: Iterable<string>,
): Promise<string[]> {
  const list = [...values];
  const ids: string[] = [];
  for (let start = 0; start < list.length; start += 500) {
    const chunk = list.slice(start, start + 500);
    const rows = await tx.query<{ project_id: string }>(
      `SELECT "project_id" FROM ${db.table('rm_stream_directory')} WHERE "kind" = 'project' AND "${column}" IN (${chunk.map((_, i) => db.p(i)).join(',')})`,
      chunk,
    );
    for (const row of rows) ids.push(row.project_id);
  }
  return ids;
}

async function deriveClasAnswers(batch: BatchView, db: ReadDatabase, tx: SqlExecutor): Promise<void> {
  const touched = (name: string): ReadonlySet<string> => batch.touched.get(name) ?? new Set();
  // A campaign's parameters or an operator's declarations change the answers of all their projects.
  const projectIds = new Set(touched(projectFold.name));
  for (const id of await projectIdsOf(db, tx, 'campaign_key', touched(campaignFold.name))) projectIds.add(id);
  for (const id of await projectIdsOf(db, tx, 'operator_id', touched(operatorFold.name))) projectIds.add(id);

  const campaignKeys = new Set<string>(touched(campaignFold.name));
  // DERIVE_CHUNK projects at a time: a rebuild derives every project once at the end, and their
  // states' answers and explanation JSON (tens of KB each) must not all be alive together.
  const sortedIds = [...projectIds].sort();
  for (let start = 0; start < sortedIds.length; start += DERIVE_CHUNK) {
    await deriveProjects(batch, db, tx, sortedIds.slice(start, start + DERIVE_CHUNK), campaignKeys);
  }

  await deriveCampaignsAndOperators(batch, db, tx, touched(campaignFold.name), touched(operatorFold.name));
  await deriveDepartments(batch, db, tx, campaignKeys);
  await deriveConventions(batch, db, tx, touched(conventionFold.name), touched(operatorFold.name));
}

/** The rm_project_status rows of `ids` (sorted); adds the campaigns they belong to to `campaignKeys`. */
async function deriveProjects(
  batch: BatchView,
  db: ReadDatabase,
  tx: SqlExecutor,
  ids: readonly string[],
  campaignKeys: Set<string>,
): Promise<void> {
  const projects = await batch.states(projectFold, ids);
  const operatorIds = new Set<string>();
  const ownKeys = new Set<string>();
  for (const { state } of projects.values()) {
    if (state.ref === null) continue;
    ownKeys.add(campaignKey(state.ref.cafCode, state.ref.schoolYear));
    operatorIds.add(state.ref.operatorId);
  }
  for (const key of ownKeys) campaignKeys.add(key);
  const campaigns = await batch.states(campaignFold, [...ownKeys]);
  const operators = await batch.states(operatorFold, [...operatorIds]);

  const projectRows: unknown[][] = [];
  const collectifs: unknown[][] = [];
  for (const [projectId, stored] of projects) {
    const ref = stored.state.ref;
    if (ref === null) continue;
    // A collectif is never removed from its project's state: upserting its row is enough.
    collectifs.push(...collectifRows(projectId, stored));
    projectRows.push(
      projectStatusRow(projectId, stored, campaigns.get(campaignKey(ref.cafCode, ref.schoolYear))!, operators.get(ref.operatorId)!),
    );
  }
  await db.upsert(tx, 'rm_project_status', PROJECT_COLUMNS, ['project_id'], projectRows);
  await db.upsert(tx, 'rm_collectif', COLLECTIF_COLUMNS, ['collectif_id'], collectifs);
}

/** The rm_campaign and rm_operator rows of the touched campaigns and operators (their own states only). */
async function deriveCampaignsAndOperators(
  batch: BatchView,
  db: ReadDatabase,
  tx: SqlExecutor,
  campaignKeys: ReadonlySet<string>,
  operatorIds: ReadonlySet<string>,
): Promise<void> {
  const campaigns = await batch.states(campaignFold, [...campaignKeys].sort());
  const campaignRows = [...campaigns].map(([key, stored]) => campaignRow(key, stored));
  await db.upsert(tx, 'rm_campaign', CAMPAIGN_COLUMNS, ['campaign_key'], campaignRows);
  const operators = await batch.states(operatorFold, [...operatorIds].sort());
  const operatorRows = [...operators].flatMap(([id, stored]) => {
    const row = operatorRow(id, stored);
    return row === null ? [] : [row];
  });
  await db.upsert(tx, 'rm_operator', OPERATOR_COLUMNS, ['operator_id'], operatorRows);
}

async function deriveDepartments(batch: BatchView, db: ReadDatabase, tx: SqlExecutor, campaignKeys: ReadonlySet<string>): Promise<void> {
  if (campaignKeys.size === 0) return;
  const breakdownRows: unknown[][] = [];
  const totalsRows: unknown[][] = [];
  for (const key of [...campaignKeys].sort()) {
    const [cafCode, schoolYear] = key.split(':') as [string, string];
    const campaign = (await batch.states(campaignFold, [key])).get(key)!;
    const ids = (await projectIdsOf(db, tx, 'campaign_key', [key])).sort();
    const stored = await batch.states(projectFold, ids);
    const projects = ids.map((id) => stored.get(id)!);
    const operatorIds = [...new Set(projects.flatMap((p) => (p.state.ref ? [p.state.ref.operatorId] : [])))].sort();
    const operators = await batch.states(operatorFold, operatorIds);
    const rows = departmentRows(cafCode, schoolYear, campaign, projects, operators);
    await tx.query(`DELETE FROM ${db.table('rm_departmental_figures')} WHERE "caf_code" = ${db.p(0)} AND "school_year" = ${db.p(1)}`, [
      cafCode,
      schoolYear,
    ]);
    await tx.query(`DELETE FROM ${db.table('rm_departmental_totals')} WHERE "caf_code" = ${db.p(0)} AND "school_year" = ${db.p(1)}`, [
      cafCode,
      schoolYear,
    ]);
    breakdownRows.push(...rows.figures);
    if (rows.totals !== null) totalsRows.push(rows.totals);
  }
  await db.upsert(tx, 'rm_departmental_figures', BREAKDOWN_COLUMNS, BREAKDOWN_KEY, breakdownRows);
  await db.upsert(tx, 'rm_departmental_totals', TOTALS_COLUMNS, ['caf_code', 'school_year'], totalsRows);
}

async function deriveConventions(
  batch: BatchView,
  db: ReadDatabase,
  tx: SqlExecutor,
  touchedConventions: ReadonlySet<string>,
  touchedOperators: ReadonlySet<string>,
): Promise<void> {
  const ids = new Set(touchedConventions);
  const owners = [...touchedOperators];
  for (let start = 0; start < owners.length; start += 500) {
    const chunk = owners.slice(start, start + 500);
    const rows = await tx.query<{ stream_id: string }>(
      `SELECT "stream_id" FROM ${db.table('rm_stream_directory')} WHERE "kind" = 'convention' AND "operator_id" IN (${chunk.map((_, i) => db.p(i)).join(',')})`,
      chunk,
    );
    for (const row of rows) ids.add(row.stream_id.slice('convention-'.length));
  }
  if (ids.size === 0) return;
  const conventions = await batch.states(conventionFold, [...ids].sort());
  const rows: unknown[][] = [];
  for (const [conventionId, stored] of conventions) {
    const convention: ConventionState = stored.state;
    if (convention.requested === null || convention.operatorId === null || convention.cafCode === null) continue;
    const operator = (await batch.states(operatorFold, [convention.operatorId])).get(convention.operatorId)!;
    // Same inputs as the time-travel reader: every covered project (even one not filed yet), in request order.
    const projectStates = await batch.states(projectFold, convention.requested.projectIds);
    const projects = convention.requested.projectIds.map((id) => projectStates.get(id)!);
    const keys = conventionCampaignKeys(
      convention,
      projects.map((p) => p.state),
      campaignKey,
    );
    const row = conventionStatusRow(conventionId, stored, operator, projects, await batch.states(campaignFold, keys));
    if (row !== null) rows.push(row);
  }
  await db.upsert(tx, 'rm_convention_status', CONVENTION_COLUMNS, ['convention_id'], rows);
}
