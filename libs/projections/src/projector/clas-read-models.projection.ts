import type { AsOf, KeyedFold } from '../core/keyed-fold.js';
import { conventionView } from '../answers/convention-view.answer.js';
import { departmentalBilan } from '../answers/departmental-bilan.answer.js';
import { eligibilityStatus } from '../answers/eligibility.answer.js';
import { forecastStatement, payablePs } from '../answers/payable-ps.answer.js';
import { dayOf } from '../answers/answer-support.js';
import { campaignFold, campaignKey, type CampaignFoldState } from '../folds/campaign.fold.js';
import { conventionFold, type ConventionFoldState } from '../folds/convention.fold.js';
import { operatorFold, type OperatorFoldState } from '../folds/operator.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import { projectFold } from '../folds/project.fold.js';
import type { StoredFoldState } from '../read-models/fold-state.repository.js';
import type { ReadDatabase, SqlExecutor } from '../read-models/read-database.js';
import { departmentalBreakdown, type ProjectMoney } from './departmental-breakdown.js';
import type { BatchView, ReadModelProjection } from './read-model-projection.js';

export const CLAS_READ_MODELS = 'clas-read-models';

const PROJECT_COLUMNS = [
  'project_id', 'caf_code', 'school_year', 'operator_id', 'lifecycle_status', 'planned_eligibility', 'actual_eligibility',
  'forecast_ps_cents', 'actual_ps_cents', 'paid_cents', 'due_cents', 'explanation', 'as_of', 'last_position',
];
const CONVENTION_COLUMNS = ['convention_id', 'caf_code', 'operator_id', 'status', 'start_school_year', 'years', 'view', 'as_of', 'last_position'];
const BREAKDOWN_COLUMNS = [
  'caf_code', 'school_year', 'commune', 'epci', 'rural', 'qpv', 'school_level', 'projects', 'operators', 'collectifs', 'children', 'sessions',
  'minutes', 'hours', 'attendance_present', 'attendance_marked', 'attendance_rate', 'parent_actions', 'parents_reached', 'ps_forecast_cents', 'ps_paid_cents',
];
const TOTALS_COLUMNS = [
  'caf_code', 'school_year', 'projects', 'operators', 'collectifs', 'children', 'sessions', 'minutes', 'hours', 'attendance_present',
  'attendance_marked', 'attendance_rate', 'parent_actions', 'parents_reached', 'ps_forecast_cents', 'ps_paid_cents', 'bilans_missing', 'as_of',
];

const latest = (...instants: string[]): string => instants.reduce((a, b) => (b > a ? b : a), '');
const asOfAt = (instant: string): AsOf => ({ at: instant, knownAt: instant });
/** Projects derived per slice (rows upserted, then dropped). */
const DERIVE_CHUNK = 500;
const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/**
 * The Clas read models: the four folds of libs/projections/src/folds, stored, and the answers
 * "now" derived from them with the same pure answer functions the time-travel reader uses.
 * "Now" of a row is `as_of` = the latest occurredAt/recordedAt of every state it reads, so the
 * row equals the time-travel answer at at = knownAt = as_of, whatever the batch boundaries.
 */
export function clasReadModelProjection(): ReadModelProjection {
  return {
    name: CLAS_READ_MODELS,
    version: 1,
    folds: [campaignFold, operatorFold, projectFold, conventionFold] as KeyedFold<unknown>[],
    tables: ['rm_project_status', 'rm_convention_status', 'rm_departmental_figures', 'rm_departmental_totals'],
    derive: deriveClasAnswers,
  };
}

async function projectIdsOf(db: ReadDatabase, tx: SqlExecutor, column: 'campaign_key' | 'operator_id', values: Iterable<string>): Promise<string[]> {
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

  await deriveDepartments(batch, db, tx, campaignKeys);
  await deriveConventions(batch, db, tx, touched(conventionFold.name), touched(operatorFold.name));
}

/** The rm_project_status rows of `ids` (sorted); adds the campaigns they belong to to `campaignKeys`. */
async function deriveProjects(batch: BatchView, db: ReadDatabase, tx: SqlExecutor, ids: readonly string[], campaignKeys: Set<string>): Promise<void> {
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
  for (const [projectId, stored] of projects) {
    const project = stored.state;
    if (project.ref === null) continue;
    const campaign = campaigns.get(campaignKey(project.ref.cafCode, project.ref.schoolYear))!;
    const operator = operators.get(project.ref.operatorId)!;
    const instant = latest(stored.lastInstant, campaign.lastInstant, operator.lastInstant);
    const asOf = asOfAt(instant);
    const eligibility = eligibilityStatus(project, campaign.state, operator.state.kind === null ? null : operator.state, asOf);
    const ps = payablePs(project, campaign.state, asOf);
    projectRows.push([
      projectId,
      project.ref.cafCode,
      project.ref.schoolYear,
      project.ref.operatorId,
      project.status,
      eligibility.planned?.verdict ?? 'unknown',
      eligibility.actual?.verdict ?? 'unknown',
      ps.forecast?.payable ?? 0,
      ps.actual?.payable ?? null,
      ps.paid,
      ps.due,
      JSON.stringify({ basis: ps.basis, notApplicable: ps.notApplicable, forecast: ps.forecast?.explanation ?? null, actual: ps.actual?.explanation ?? null, plannedReasons: eligibility.planned?.reasons ?? [], actualReasons: eligibility.actual?.reasons ?? [] }),
      instant,
      stored.lastPosition,
    ]);
  }
  await db.upsert(tx, 'rm_project_status', PROJECT_COLUMNS, ['project_id'], projectRows);
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
    const projects: ProjectFoldState[] = ids.map((id) => stored.get(id)!.state);
    const operatorIds = [...new Set(projects.flatMap((p) => (p.ref ? [p.ref.operatorId] : [])))].sort();
    const operatorStates = await batch.states(operatorFold, operatorIds);
    const operators: Record<string, OperatorFoldState> = {};
    for (const [id, s] of operatorStates) operators[id] = s.state;
    const instant = latest(campaign.lastInstant, ...[...stored.values()].map((s) => s.lastInstant), ...[...operatorStates.values()].map((s) => s.lastInstant));
    const asOf = asOfAt(instant);
    const answer = departmentalBilan(cafCode, schoolYear, projects, campaign.state, operators, asOf);

    await tx.query(`DELETE FROM ${db.table('rm_departmental_figures')} WHERE "caf_code" = ${db.p(0)} AND "school_year" = ${db.p(1)}`, [cafCode, schoolYear]);
    await tx.query(`DELETE FROM ${db.table('rm_departmental_totals')} WHERE "caf_code" = ${db.p(0)} AND "school_year" = ${db.p(1)}`, [cafCode, schoolYear]);
    if (answer.bilan === null) continue;

    // The same figures the departmental answer sums (R-BILAN-4): forecast at the date, payments made by then.
    const money = new Map<string, ProjectMoney>();
    const day = dayOf(asOf);
    for (const p of projects) {
      money.set(p.projectId, {
        psForecast: forecastStatement(p, campaign.state, asOf)?.payable ?? 0,
        psPaid: p.payments.filter((x) => x.date <= day).reduce((sum, x) => sum + x.amount, 0),
      });
    }
    for (const row of departmentalBreakdown(projects, money)) {
      breakdownRows.push([
        cafCode, schoolYear, row.commune, row.epci, row.rural, row.qpv, row.schoolLevel, row.projects.size, row.operators.size, row.collectifs, row.children, row.sessions,
        row.minutes, hours(row.minutes), row.present, row.marked, row.marked === 0 ? null : row.present / row.marked, row.parentActions, row.parentsReached, row.psForecast, row.psPaid,
      ]);
    }
    const t = answer.bilan.totals;
    totalsRows.push([
      cafCode, schoolYear, t.projects, t.operators, t.collectifs, t.children, t.sessions, t.minutes, hours(t.minutes), t.attendance.present,
      t.attendance.marked, t.attendance.marked === 0 ? null : t.attendance.present / t.attendance.marked, t.parentActions, t.parentsReached, t.psForecast, t.psPaid,
      answer.bilansMissing.length, instant,
    ]);
  }
  await db.upsert(tx, 'rm_departmental_figures', BREAKDOWN_COLUMNS, ['caf_code', 'school_year', 'commune', 'epci', 'rural', 'qpv', 'school_level'], breakdownRows);
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
    const convention: ConventionFoldState = stored.state;
    if (convention.requested === null || convention.operatorId === null || convention.cafCode === null) continue;
    const operator = (await batch.states(operatorFold, [convention.operatorId])).get(convention.operatorId)!;
    // Same inputs as the time-travel reader: every covered project (even one not filed yet), in request order.
    const projectStates = await batch.states(projectFold, convention.requested.projectIds);
    const projects = convention.requested.projectIds.map((id) => projectStates.get(id)!.state);
    const keys = projects.flatMap((p) => (p.ref ? [campaignKey(p.ref.cafCode, p.ref.schoolYear)] : []));
    const start = convention.signed?.period ?? convention.requested.period;
    keys.push(campaignKey(convention.cafCode, start.startSchoolYear));
    const campaignStates = await batch.states(campaignFold, [...new Set(keys)]);
    const campaigns: Record<string, CampaignFoldState> = {};
    for (const [key, s] of campaignStates) campaigns[key] = s.state;
    const instant = latest(
      stored.lastInstant,
      operator.lastInstant,
      ...[...projectStates.values()].map((s) => s.lastInstant),
      ...[...campaignStates.values()].map((s) => s.lastInstant),
    );
    const view = conventionView(convention, operator.state.kind === null ? null : operator.state, projects, campaigns, asOfAt(instant));
    const status = convention.terminated ? 'terminated' : convention.refused ? 'refused' : convention.signed ? 'signed' : 'requested';
    rows.push([conventionId, convention.cafCode, convention.operatorId, status, start.startSchoolYear, start.years, JSON.stringify(view), instant, stored.lastPosition]);
  }
  await db.upsert(tx, 'rm_convention_status', CONVENTION_COLUMNS, ['convention_id'], rows);
}
