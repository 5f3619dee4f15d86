import { DECLARATION_KINDS, cafName, type ConventionState, type Explanation } from '@clas/domain';
import { envelopeAnswer } from '../answers/envelope.answer.js';
import type { AsOf } from '../core/keyed-fold.js';
import { conventionView } from '../answers/convention-view.answer.js';
import { departmentalBilan } from '../answers/departmental-bilan.answer.js';
import { eligibilityStatus } from '../answers/eligibility.answer.js';
import { forecastStatement, payablePs } from '../answers/payable-ps.answer.js';
import { dayOf } from '../answers/answer-support.js';
import { bilanDeadlines } from '../answers/project-bilan.answer.js';
import { unnotifiedDecisions } from '../letters/letter-model.js';
import { withSharedFacts } from '../answers/project-facts.builder.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';
import type { OperatorFoldState } from '../folds/operator.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import type { StoredFoldState } from '../read-models/fold-state.repository.js';
import { departmentalBreakdown, type ProjectMoney } from './departmental-breakdown.js';

/**
 * The rows of the Clas answer tables, built from fold states by the same pure answer functions
 * the time-travel reader uses. Shared by the live derivation (clas-read-models.projection.ts)
 * and the partitioned rebuild (clas-rebuild.ts), so both write identical rows.
 * "Now" of a row is `as_of` = the latest occurredAt/recordedAt of every state it reads, so the
 * row equals the time-travel answer at at = knownAt = as_of, whatever the batch boundaries.
 */
export const PROJECT_COLUMNS = [
  'project_id',
  'caf_code',
  'school_year',
  'operator_id',
  'title',
  'school_cycle',
  'commune',
  'epci',
  'rural',
  'qpv',
  'bilan_status',
  'bilan_next_due_on',
  'unnotified_letters',
  'advances_cents',
  'renewal_of',
  'lifecycle_status',
  'planned_eligibility',
  'actual_eligibility',
  'forecast_ps_cents',
  'actual_ps_cents',
  'paid_cents',
  'due_cents',
  'explanation',
  'as_of',
  'last_position',
];
export const CONVENTION_COLUMNS = [
  'convention_id',
  'caf_code',
  'operator_id',
  'status',
  'start_school_year',
  'years',
  'pending_amendments',
  'view',
  'as_of',
  'last_position',
];
/** The figures both departmental tables carry, per breakdown row and per Caf × year total. */
const FIGURE_COLUMNS = [
  'projects',
  'operators',
  'collectifs',
  'children',
  'sessions',
  'minutes',
  'hours',
  'attendance_present',
  'attendance_marked',
  'attendance_rate',
  'parent_actions',
  'parents_reached',
  'ps_forecast_cents',
  'ps_paid_cents',
  'committed_cents',
];
export const BREAKDOWN_KEY = ['caf_code', 'school_year', 'commune', 'epci', 'rural', 'qpv', 'school_level'];
export const BREAKDOWN_COLUMNS = [...BREAKDOWN_KEY, 'caf_name', ...FIGURE_COLUMNS];
export const TOTALS_COLUMNS = [
  'caf_code',
  'caf_name',
  'school_year',
  ...FIGURE_COLUMNS,
  'envelope_cents',
  'remaining_cents',
  'bilans_missing',
  'as_of',
];

/**
 * The stored explanation keeps every node of the derivation (rule id, inputs, output, source
 * event ids) except the week-by-week children of R-PS-WEEK: those repeat the enrolment event ids
 * of every week (≈ 60 % of a row, 57 KB a project on the national bench) and the collectif-level
 * R-PS-WEEK node already cites every session and enrolment it used. The weeks that did not count
 * stay listed with their reasons; the full week detail is the time-travel answer at `as_of`.
 */
export function storedExplanation(explanation: Explanation | null): Explanation | null {
  if (explanation === null) return null;
  if (explanation.ruleId === 'R-PS-WEEK' && explanation.children !== undefined && explanation.children.length > 0) {
    const { children, ...rest } = explanation;
    const uncounted = children
      .filter((week) => (week.output as { counts?: boolean }).counts !== true)
      .map((week) => ({
        isoWeek: (week.inputs as { isoWeek?: string }).isoWeek,
        reasons: (week.output as { reasons?: string[] }).reasons ?? [],
      }));
    return { ...rest, output: { ...(rest.output as object), weeksNotCounted: uncounted } };
  }
  if (explanation.children === undefined) return explanation;
  return { ...explanation, children: explanation.children.map((child) => storedExplanation(child)!) };
}

export const latestInstant = (...instants: string[]): string => instants.reduce((a, b) => (b > a ? b : a), '');
const asOfAt = (instant: string): AsOf => ({ at: instant, knownAt: instant });
const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** The rm_project_status row of a project with a ref (PROJECT_COLUMNS order). */
export function projectStatusRow(
  projectId: string,
  stored: StoredFoldState<ProjectFoldState>,
  campaign: StoredFoldState<CampaignFoldState>,
  operator: StoredFoldState<OperatorFoldState>,
): unknown[] {
  const project = stored.state;
  const ref = project.ref!;
  const instant = latestInstant(stored.lastInstant, campaign.lastInstant, operator.lastInstant);
  const asOf = asOfAt(instant);
  const { eligibility, ps } = withSharedFacts(() => ({
    eligibility: eligibilityStatus(project, campaign.state, operator.state.kind === null ? null : operator.state, asOf),
    ps: payablePs(project, campaign.state, asOf),
  }));
  const territory = project.application?.content.territory;
  return [
    projectId,
    ref.cafCode,
    ref.schoolYear,
    ref.operatorId,
    project.application?.content.title ?? project.drafted?.title ?? '',
    project.application?.content.schoolCycle ?? project.drafted?.schoolCycle ?? '',
    territory?.commune ?? '',
    territory?.epci ?? '',
    territory?.rural ?? false,
    territory?.qpv ?? false,
    project.bilans.at(-1)?.status ?? 'none',
    bilanDeadlines(project, campaign.state, asOf)?.nextDueOn ?? null,
    unnotifiedDecisions(project).length,
    project.payments.filter((p) => p.kind === 'advance').reduce((sum, p) => sum + p.amount, 0),
    project.application?.renewalOf?.previousProjectId ?? '',
    project.status,
    eligibility.planned?.verdict ?? 'unknown',
    eligibility.actual?.verdict ?? 'unknown',
    ps.forecast?.payable ?? 0,
    ps.actual?.payable ?? null,
    ps.paid,
    ps.due,
    JSON.stringify({
      basis: ps.basis,
      notApplicable: ps.notApplicable,
      forecast: storedExplanation(ps.forecast?.explanation ?? null),
      actual: storedExplanation(ps.actual?.explanation ?? null),
      plannedReasons: eligibility.planned?.reasons ?? [],
      actualReasons: eligibility.actual?.reasons ?? [],
    }),
    instant,
    stored.lastPosition,
  ];
}

export interface DepartmentRows {
  /** rm_departmental_figures rows (BREAKDOWN_COLUMNS order). */
  figures: unknown[][];
  /** The rm_departmental_totals row (TOTALS_COLUMNS order), null when the campaign has no bilan. */
  totals: unknown[] | null;
}

/**
 * R-BILAN-4 rows of one campaign. `projects` in the directory's (sorted id) order, `operators`
 * the states of their operators.
 */
export function departmentRows(
  cafCode: string,
  schoolYear: string,
  campaign: StoredFoldState<CampaignFoldState>,
  stored: readonly StoredFoldState<ProjectFoldState>[],
  operatorStates: ReadonlyMap<string, StoredFoldState<OperatorFoldState>>,
): DepartmentRows {
  const projects = stored.map((s) => s.state);
  const operators: Record<string, OperatorFoldState> = {};
  for (const [id, s] of operatorStates) operators[id] = s.state;
  const instant = latestInstant(
    campaign.lastInstant,
    ...stored.map((s) => s.lastInstant),
    ...[...operatorStates.values()].map((s) => s.lastInstant),
  );
  const asOf = asOfAt(instant);
  const answer = departmentalBilan(cafCode, schoolYear, projects, campaign.state, operators, asOf);
  if (answer.bilan === null) return { figures: [], totals: null };

  // The same figures the departmental answer sums (R-BILAN-4): forecast at the date, payments made by then.
  // R-BUDGET-ENVELOPE: the envelope answer's own figures, so the table and GET …/envelopes/… agree.
  const envelope = envelopeAnswer(cafCode, schoolYear, projects, campaign.state, asOf);
  const committed = new Map(envelope.projects.map((line) => [line.projectId, line.committed]));
  const money = new Map<string, ProjectMoney>();
  const day = dayOf(asOf);
  for (const p of projects) {
    money.set(p.projectId, {
      psForecast: forecastStatement(p, campaign.state, asOf)?.payable ?? 0,
      psPaid: p.payments.filter((x) => x.date <= day).reduce((sum, x) => sum + x.amount, 0),
      committed: committed.get(p.projectId) ?? 0,
    });
  }
  const figures = departmentalBreakdown(projects, money).map((row) => [
    cafCode,
    schoolYear,
    row.commune,
    row.epci,
    row.rural,
    row.qpv,
    row.schoolLevel,
    cafName(cafCode),
    row.projects.size,
    row.operators.size,
    row.collectifs,
    row.children,
    row.sessions,
    row.minutes,
    hours(row.minutes),
    row.present,
    row.marked,
    row.marked === 0 ? null : row.present / row.marked,
    row.parentActions,
    row.parentsReached,
    row.psForecast,
    row.psPaid,
    row.committed,
  ]);
  const t = answer.bilan.totals;
  const totals = [
    cafCode,
    cafName(cafCode),
    schoolYear,
    t.projects,
    t.operators,
    t.collectifs,
    t.children,
    t.sessions,
    t.minutes,
    hours(t.minutes),
    t.attendance.present,
    t.attendance.marked,
    t.attendance.marked === 0 ? null : t.attendance.present / t.attendance.marked,
    t.parentActions,
    t.parentsReached,
    t.psForecast,
    t.psPaid,
    envelope.committed,
    envelope.envelope,
    envelope.remaining,
    answer.bilansMissing.length,
    instant,
  ];
  return { figures, totals };
}

/**
 * The rm_convention_status row (CONVENTION_COLUMNS order), null for a convention not requested.
 * `projects` are the covered projects in request order (an unfiled one as its initial state),
 * `campaigns` their campaigns and the convention's first year's.
 */
export function conventionStatusRow(
  conventionId: string,
  stored: StoredFoldState<ConventionState>,
  operator: StoredFoldState<OperatorFoldState>,
  projectStates: readonly StoredFoldState<ProjectFoldState>[],
  campaignStates: ReadonlyMap<string, StoredFoldState<CampaignFoldState>>,
): unknown[] | null {
  const convention = stored.state;
  if (convention.requested === null || convention.operatorId === null || convention.cafCode === null) return null;
  const start = convention.signed?.period ?? convention.requested.period;
  const campaigns: Record<string, CampaignFoldState> = {};
  for (const [key, s] of campaignStates) campaigns[key] = s.state;
  const instant = latestInstant(
    stored.lastInstant,
    operator.lastInstant,
    ...projectStates.map((s) => s.lastInstant),
    ...[...campaignStates.values()].map((s) => s.lastInstant),
  );
  const view = conventionView(
    convention,
    operator.state.kind === null ? null : operator.state,
    projectStates.map((s) => s.state),
    campaigns,
    asOfAt(instant),
  );
  const status = convention.terminated ? 'terminated' : convention.refused ? 'refused' : convention.signed ? 'signed' : 'requested';
  return [
    conventionId,
    convention.cafCode,
    convention.operatorId,
    status,
    start.startSchoolYear,
    start.years,
    convention.amendments.filter((a) => a.status === 'pending').length,
    JSON.stringify(view),
    instant,
    stored.lastPosition,
  ];
}

/** The campaigns a convention's view reads: its projects' and its first year's. */
export function conventionCampaignKeys(
  convention: ConventionState,
  projects: readonly ProjectFoldState[],
  campaignKey: (cafCode: string, schoolYear: string) => string,
): string[] {
  const keys = projects.flatMap((p) => (p.ref ? [campaignKey(p.ref.cafCode, p.ref.schoolYear)] : []));
  const start = convention.signed?.period ?? convention.requested!.period;
  keys.push(campaignKey(convention.cafCode!, start.startSchoolYear));
  return [...new Set(keys)];
}

export const COLLECTIF_COLUMNS = [
  'collectif_id',
  'project_id',
  'caf_code',
  'school_year',
  'operator_id',
  'school_level',
  'commune',
  'rural',
  'opened_on',
  'children_enrolled',
  'staff_assigned',
  'sessions_held',
  'as_of',
  'last_position',
];

/**
 * The rm_collectif rows of a project (COLLECTIF_COLUMNS order): its opened collectifs, counts
 * only. `as_of` is the project's own instant: the counts read nothing else.
 */
export function collectifRows(projectId: string, stored: StoredFoldState<ProjectFoldState>): unknown[][] {
  const ref = stored.state.ref;
  if (ref === null) return [];
  const rows: unknown[][] = [];
  for (const id of Object.keys(stored.state.collectifs).sort()) {
    const c = stored.state.collectifs[id]!;
    if (c.opened === null) continue;
    rows.push([
      id,
      projectId,
      ref.cafCode,
      ref.schoolYear,
      ref.operatorId,
      c.opened.level,
      c.opened.place.commune,
      c.opened.rural,
      c.opened.openedOn,
      c.children.filter((child) => child.enrolments.at(-1)?.leftOn === null).length,
      c.staff.filter((s) => s.assignments.at(-1)?.unassignedOn === null).length,
      c.sessions.filter((s) => !s.cancelled).length,
      stored.lastInstant,
      stored.lastPosition,
    ]);
  }
  return rows;
}

export const CAMPAIGN_COLUMNS = [
  'campaign_key',
  'caf_code',
  'school_year',
  'caf_name',
  'status',
  'opened_on',
  'deadline_new',
  'deadline_renewal',
  'amendments',
  'as_of',
  'last_position',
];

/** The rm_campaign row of a campaign state (CAMPAIGN_COLUMNS order); key "caf:year". */
export function campaignRow(key: string, stored: StoredFoldState<CampaignFoldState>): unknown[] {
  const [cafCode, schoolYear] = key.split(':') as [string, string];
  const c = stored.state;
  return [
    key,
    cafCode,
    schoolYear,
    cafName(cafCode),
    c.parameters === null ? 'not_opened' : 'open',
    c.openedOn,
    c.parameters?.deadlines.newApplication ?? null,
    c.parameters?.deadlines.renewal ?? null,
    c.amendments.length,
    stored.lastInstant,
    stored.lastPosition,
  ];
}

export const OPERATOR_COLUMNS = [
  'operator_id',
  'caf_code',
  'name',
  'name_search',
  'kind',
  'declarations_missing',
  'registered_on',
  'as_of',
  'last_position',
];

/** The rm_operator row (OPERATOR_COLUMNS order), null for an operator not registered (only project facts known). */
export function operatorRow(operatorId: string, stored: StoredFoldState<OperatorFoldState>): unknown[] | null {
  const o = stored.state;
  if (o.cafCode === null || o.name === null || o.kind === null) return null;
  const missing = DECLARATION_KINDS.filter((kind) => o.declarations[kind] === undefined).length;
  return [operatorId, o.cafCode, o.name, o.name.toLowerCase(), o.kind, missing, o.registeredOn, stored.lastInstant, stored.lastPosition];
}
