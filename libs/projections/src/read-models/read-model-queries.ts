import { CheckpointRepository } from './checkpoint.repository.js';
import type { ReadDatabase } from './read-database.js';

/**
 * Lists and worklists served from the read-model tables (issue 13): filtered, sorted, keyset
 * (cursor) pages, each saying which read-model position it reflects. Never a fold of the log:
 * a page is one indexed query. The API applies the reader's scope (`ListScope`) on top of the
 * filters, so an operator's filters can only narrow its own rows.
 */

/** A page of a list: `nextCursor` null on the last page; `position`/`asOf` = the read model's checkpoint. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  /** Global log position the read model had applied when the page was read. */
  position: number;
  /** When the read model committed that position (ISO instant), null before its first commit. */
  asOf: string | null;
  /** Only when `minPosition` was asked: false = the read model had not reached it in time, the page is older. */
  minPositionReached?: boolean;
}

export type ProjectList = ListPage<ProjectListItem>;
export type CampaignList = ListPage<CampaignListItem>;
export type OperatorList = ListPage<OperatorListItem>;
export type CollectifList = ListPage<CollectifListItem>;
export type ConventionList = ListPage<ConventionListItem>;

/** What the reader may see, forced by the API from the actor (null = no restriction). */
export interface ListScope {
  cafCode: string | null;
  operatorId: string | null;
}

/** A bad list parameter the query layer alone can judge (the cursor): the API answers 400 naming it. */
export class ListParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'ListParameterError';
  }
}

/**
 * The read-model tables do not exist yet: this process only reads (CLAS_PROJECTOR=external, or
 * another process holds the writer lock) and the writer has not created them. Not a bug of the
 * request: the API answers 503 until the projector has started.
 */
export class ReadModelsUnavailableError extends Error {
  constructor() {
    super('the read models are not available yet: their projector has not created the tables');
    this.name = 'ReadModelsUnavailableError';
  }
}

export const MAX_LIST_LIMIT = 200;
export const DEFAULT_LIST_LIMIT = 50;
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const PROJECT_STATUSES = ['drafted', 'filed', 'not_receivable', 'withdrawn', 'under_examination', 'approved', 'refused'] as const;
export const ELIGIBILITY_VERDICTS = ['eligible', 'not_eligible', 'incomplete', 'unknown'] as const;
export const PROJECT_SORTS = ['id', 'title', 'status', 'commune', 'due'] as const;
export const CAMPAIGN_STATUSES = ['open', 'not_opened'] as const;
export const CONVENTION_STATUSES = ['requested', 'signed', 'refused', 'terminated'] as const;

export interface PageRequest<S extends string = string> {
  limit?: number;
  cursor?: string;
  sort?: S;
  order?: SortOrder;
}

export interface ProjectListFilter extends PageRequest<(typeof PROJECT_SORTS)[number]> {
  cafCode?: string;
  schoolYear?: string;
  operatorId?: string;
  status?: string;
  eligibility?: string;
  commune?: string;
  epci?: string;
  rural?: boolean;
  qpv?: boolean;
  cycle?: string;
  /** Free text searched in the title (case-insensitive substring). */
  q?: string;
}

export interface ProjectListItem {
  projectId: string;
  cafCode: string;
  schoolYear: string;
  operatorId: string;
  title: string;
  schoolCycle: string;
  commune: string;
  epci: string;
  rural: boolean;
  qpv: boolean;
  status: string;
  plannedEligibility: string;
  actualEligibility: string;
  bilanStatus: string;
  /** R-BILAN-DUE: earliest due date of a bilan part not received (approved projects); a part is late on any later day. */
  bilanNextDueOn: string | null;
  /** R-NOTIFY: decision and correction letters never sent. @asType integer */
  unnotifiedLetters: number;
  /** @asType integer */
  forecastPsCents: number;
  /** @asType integer */
  paidCents: number;
  /** Payable − paid; negative = to recover. @asType integer */
  dueCents: number;
  asOf: string;
  /** The project's detail (eligibility, PS, bilan, history hang below it). */
  links: { eligibility: string; ps: string; collectifs: string };
}

/**
 * R-LIFE-4: a project approved in school year Y−1 whose operator still owes its renewal
 * ("prolongation") letter for year Y: the campaign of Y is open, its renewal deadline not past,
 * and no project of Y renews it yet.
 */
export interface RenewalLetterItem extends ProjectListItem {
  renewal: {
    /** The school year the renewal is for (Y). */
    schoolYear: string;
    /** R-LIFE-DATES: the last day a renewal of Y is receivable (campaign parameters). */
    deadline: string;
    /** The campaign of Y in the campaign list. */
    campaign: string;
  };
}

export interface CampaignListFilter extends PageRequest {
  cafCode?: string;
  schoolYear?: string;
  status?: string;
}

export interface CampaignListItem {
  cafCode: string;
  cafName: string;
  schoolYear: string;
  status: string;
  openedOn: string | null;
  deadlineNew: string | null;
  deadlineRenewal: string | null;
  /** @asType integer */
  amendments: number;
  asOf: string;
  links: { projects: string; departmentalBilan: string };
}

export interface OperatorListFilter extends PageRequest {
  cafCode?: string;
  kind?: string;
  /** Case-insensitive substring of the registered name. */
  name?: string;
}

export interface OperatorListItem {
  operatorId: string;
  cafCode: string;
  name: string;
  kind: string;
  /** R-ELIG-OPERATOR declaration kinds never declared. @asType integer */
  declarationsMissing: number;
  registeredOn: string | null;
  asOf: string;
  links: { self: string; projects: string; conventions: string };
}

export interface CollectifListItem {
  collectifId: string;
  projectId: string;
  cafCode: string;
  schoolYear: string;
  operatorId: string;
  schoolLevel: string;
  commune: string;
  rural: boolean;
  openedOn: string;
  /** @asType integer */
  childrenEnrolled: number;
  /** @asType integer */
  staffAssigned: number;
  /** @asType integer */
  sessionsHeld: number;
  asOf: string;
  links: { self: string; project: string };
}

export interface ConventionListFilter extends PageRequest {
  cafCode?: string;
  operatorId?: string;
  status?: string;
}

export interface ConventionListItem {
  conventionId: string;
  cafCode: string;
  operatorId: string;
  status: string;
  startSchoolYear: string | null;
  /** @asType integer */
  years: number | null;
  /** @asType integer */
  pendingAmendments: number;
  asOf: string;
  links: { self: string };
}

/** The opaque cursor: the last item's sort value and id, and the sort it belongs to. */
interface CursorBody {
  s: string;
  o: SortOrder;
  v: string | number;
  id: string;
}

export function encodeCursor(body: CursorBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, sort: string, order: SortOrder): CursorBody {
  const bad = (why: string) => new ListParameterError('cursor', `must be a nextCursor of this list (${why})`);
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) throw bad('not base64url');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not JSON');
  }
  const b = body as Partial<CursorBody> | null;
  if (
    typeof b !== 'object' ||
    b === null ||
    typeof b.id !== 'string' ||
    (typeof b.v !== 'string' && typeof b.v !== 'number') ||
    typeof b.s !== 'string' ||
    typeof b.o !== 'string'
  ) {
    throw bad('malformed');
  }
  if (b.s !== sort || b.o !== order) throw bad(`it was made for sort=${b.s}&order=${b.o}`);
  return b as CursorBody;
}

/** WHERE conditions with their parameters, placeholders numbered by the dialect. */
class Conditions {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];
  constructor(private readonly db: ReadDatabase) {}

  next(value: unknown): string {
    this.params.push(this.db.value(value));
    return this.db.p(this.params.length - 1);
  }

  eq(column: string, value: unknown): void {
    if (value === undefined || value === null) return;
    this.sql.push(`"${column}" = ${this.next(value)}`);
  }

  contains(column: string, text: string | undefined): void {
    if (text === undefined || text === '') return;
    const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    this.sql.push(`LOWER("${column}") LIKE ${this.next(`%${escaped}%`)} ESCAPE '\\'`);
  }

  raw(sql: string): void {
    this.sql.push(sql);
  }

  where(): string {
    return this.sql.length === 0 ? '' : `WHERE ${this.sql.join(' AND ')}`;
  }
}

interface KeysetSpec {
  table: string;
  /**
   * The columns the items read, when not all: rm_project_status carries each project's
   * explanation (tens of KB of JSON) that a list never shows, and reading it made a page of 50
   * ten times slower.
   */
  columns?: readonly string[];
  /** Computed columns read besides `columns`: alias → SQL expression (the table is aliased "row"). */
  computed?: Readonly<Record<string, string>>;
  idColumn: string;
  /** Sort name → column. */
  sortColumns: Readonly<Record<string, string>>;
  numericSorts?: ReadonlySet<string>;
}

/** rm_project_status without its explanation. */
const PROJECT_LIST_COLUMNS = [
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
  'lifecycle_status',
  'planned_eligibility',
  'actual_eligibility',
  'bilan_status',
  'bilan_next_due_on',
  'unnotified_letters',
  'forecast_ps_cents',
  'paid_cents',
  'due_cents',
  'as_of',
];
const asNumber = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const asBool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';
const asInstant = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const enc = encodeURIComponent;

/** The list and worklist queries over the read-model tables. */
export class ReadModelQueries {
  private readonly checkpoints: CheckpointRepository;

  constructor(
    private readonly db: ReadDatabase,
    private readonly projection: string,
  ) {
    this.checkpoints = new CheckpointRepository(db);
  }

  /** The read model's committed position and its instant. */
  async position(): Promise<{ position: number; asOf: string | null }> {
    const checkpoint = await this.available(() => this.checkpoints.read(this.db, this.projection));
    return checkpoint === null ? { position: 0, asOf: null } : { position: checkpoint.position, asOf: checkpoint.updatedAt };
  }

  /** Runs a read; a failure on tables that do not exist yet becomes ReadModelsUnavailableError. */
  private async available<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (!(await this.tablesExist())) throw new ReadModelsUnavailableError();
      throw error;
    }
  }

  private async tablesExist(): Promise<boolean> {
    const runner = this.db.dataSource.createQueryRunner();
    try {
      return await runner.hasTable(this.db.schema === null ? 'rm_checkpoint' : `${this.db.schema}.rm_checkpoint`);
    } finally {
      await runner.release();
    }
  }

  /**
   * Waits (polling, at most `timeoutMs`) until the read model applied `position`: a client that
   * just wrote reads its own write. Returns whether it got there.
   */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.position()).position >= position) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * One keyset page: rows after the cursor in (sort column, id) order, `limit + 1` read to know
   * whether there is a next page. The checkpoint is read first: the rows are at least that fresh.
   */
  private async page<R extends Record<string, unknown>, T>(
    spec: KeysetSpec,
    where: Conditions,
    request: PageRequest,
    map: (row: R) => T,
  ): Promise<ListPage<T>> {
    const { position, asOf } = await this.position();
    const limit = request.limit ?? DEFAULT_LIST_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
      throw new ListParameterError('limit', `must be an integer between 1 and ${MAX_LIST_LIMIT}`);
    }
    const sort = request.sort ?? 'id';
    const column = spec.sortColumns[sort];
    if (column === undefined) throw new ListParameterError('sort', `must be one of ${Object.keys(spec.sortColumns).join(', ')}`);
    const order = request.order ?? 'asc';
    const cmp = order === 'asc' ? '>' : '<';
    const dir = order === 'asc' ? 'ASC' : 'DESC';
    if (request.cursor !== undefined) {
      const c = decodeCursor(request.cursor, sort, order);
      if (column === spec.idColumn) where.raw(`"${spec.idColumn}" ${cmp} ${where.next(c.id)}`);
      else {
        const v = spec.numericSorts?.has(sort) === true ? Number(c.v) : String(c.v);
        where.raw(
          `("${column}" ${cmp} ${where.next(v)} OR ("${column}" = ${where.next(v)} AND "${spec.idColumn}" ${cmp} ${where.next(c.id)}))`,
        );
      }
    }
    const orderBy = column === spec.idColumn ? `"${column}" ${dir}` : `"${column}" ${dir}, "${spec.idColumn}" ${dir}`;
    const selected = [
      ...(spec.columns === undefined ? ['"row".*'] : spec.columns.map((c) => `"row"."${c}"`)),
      ...Object.entries(spec.computed ?? {}).map(([alias, sql]) => `${sql} AS "${alias}"`),
    ];
    // Aliased so a predicate's subquery can name the row it is about ("row"."project_id").
    const rows = (await this.db.dataSource.query(
      `SELECT ${selected.join(', ')} FROM ${this.db.table(spec.table)} AS "row" ${where.where()} ORDER BY ${orderBy} LIMIT ${limit + 1}`,
      where.params,
    )) as R[];
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const last = pageRows.at(-1);
    const nextCursor =
      more && last !== undefined
        ? encodeCursor({
            s: sort,
            o: order,
            v: spec.numericSorts?.has(sort) === true ? Number(last[column]) : String(last[column]),
            id: String(last[spec.idColumn]),
          })
        : null;
    return { items: pageRows.map(map), nextCursor, position, asOf };
  }

  private scoped(where: Conditions, scope: ListScope): void {
    where.eq('caf_code', scope.cafCode);
    where.eq('operator_id', scope.operatorId);
  }

  async projects(filter: ProjectListFilter, scope: ListScope, extra?: (where: Conditions) => void): Promise<ListPage<ProjectListItem>> {
    const where = new Conditions(this.db);
    this.scoped(where, scope);
    where.eq('caf_code', filter.cafCode);
    where.eq('school_year', filter.schoolYear);
    where.eq('operator_id', filter.operatorId);
    where.eq('lifecycle_status', filter.status);
    where.eq('planned_eligibility', filter.eligibility);
    where.eq('commune', filter.commune);
    where.eq('epci', filter.epci);
    where.eq('rural', filter.rural);
    where.eq('qpv', filter.qpv);
    where.eq('school_cycle', filter.cycle);
    where.contains('title', filter.q);
    extra?.(where);
    return this.page(
      {
        table: 'rm_project_status',
        columns: PROJECT_LIST_COLUMNS,
        idColumn: 'project_id',
        sortColumns: { id: 'project_id', title: 'title', status: 'lifecycle_status', commune: 'commune', due: 'due_cents' },
        numericSorts: new Set(['due']),
      },
      where,
      filter,
      projectItem,
    );
  }

  /**
   * R-LIFE-4 / R-LIFE-DATES: the approved projects of year Y−1 whose renewal letter for Y is
   * still owed on `today` (a Paris day): the campaign of Y in the same Caf is open and its
   * renewal deadline not past, and no project renews them (a withdrawn or not receivable renewal
   * does not count: the operator may still file one before the deadline). `extra` is the
   * worklist's own predicate.
   */
  async renewalLettersOwed(
    request: PageRequest,
    scope: ListScope,
    today: string,
    extra?: (where: Conditions) => void,
  ): Promise<ListPage<RenewalLetterItem>> {
    const where = new Conditions(this.db);
    this.scoped(where, scope);
    extra?.(where);
    // Y's first calendar year is Y−1's second one: '2025-2026' is renewed in '2026-2027'.
    const campaignOfNextYear = `"campaign"."caf_code" = "row"."caf_code" AND SUBSTR("campaign"."school_year", 1, 4) = SUBSTR("row"."school_year", 6, 4)`;
    where.raw(
      `EXISTS (SELECT 1 FROM ${this.db.table('rm_campaign')} AS "campaign" WHERE ${campaignOfNextYear} AND "campaign"."status" = 'open' AND "campaign"."deadline_renewal" >= ${where.next(today)})`,
    );
    where.raw(
      `NOT EXISTS (SELECT 1 FROM ${this.db.table('rm_project_status')} AS "renewal" WHERE "renewal"."renewal_of" = "row"."project_id" AND "renewal"."lifecycle_status" NOT IN ('withdrawn', 'not_receivable'))`,
    );
    const ofCampaign = (column: string) =>
      `(SELECT "campaign"."${column}" FROM ${this.db.table('rm_campaign')} AS "campaign" WHERE ${campaignOfNextYear})`;
    return this.page(
      {
        table: 'rm_project_status',
        columns: PROJECT_LIST_COLUMNS,
        computed: { renewal_school_year: ofCampaign('school_year'), renewal_deadline: ofCampaign('deadline_renewal') },
        idColumn: 'project_id',
        sortColumns: { id: 'project_id' },
      },
      where,
      request,
      (r: Record<string, unknown>): RenewalLetterItem => {
        const schoolYear = String(r.renewal_school_year);
        const cafCode = String(r.caf_code);
        return {
          ...projectItem(r),
          renewal: {
            schoolYear,
            deadline: String(r.renewal_deadline),
            campaign: `/campaigns?cafCode=${enc(cafCode)}&schoolYear=${enc(schoolYear)}`,
          },
        };
      },
    );
  }

  async campaigns(filter: CampaignListFilter, scope: ListScope): Promise<ListPage<CampaignListItem>> {
    const where = new Conditions(this.db);
    where.eq('caf_code', scope.cafCode);
    where.eq('caf_code', filter.cafCode);
    where.eq('school_year', filter.schoolYear);
    where.eq('status', filter.status);
    return this.page(
      { table: 'rm_campaign', idColumn: 'campaign_key', sortColumns: { id: 'campaign_key' } },
      where,
      filter,
      (r: Record<string, unknown>): CampaignListItem => ({
        cafCode: String(r.caf_code),
        cafName: String(r.caf_name),
        schoolYear: String(r.school_year),
        status: String(r.status),
        openedOn: (r.opened_on as string | null) ?? null,
        deadlineNew: (r.deadline_new as string | null) ?? null,
        deadlineRenewal: (r.deadline_renewal as string | null) ?? null,
        amendments: asNumber(r.amendments),
        asOf: asInstant(r.as_of),
        links: {
          projects: `/projects?cafCode=${enc(String(r.caf_code))}&schoolYear=${enc(String(r.school_year))}`,
          departmentalBilan: `/cafs/${enc(String(r.caf_code))}/bilans/${enc(String(r.school_year))}`,
        },
      }),
    );
  }

  async operators(filter: OperatorListFilter, scope: ListScope, extra?: (where: Conditions) => void): Promise<ListPage<OperatorListItem>> {
    const where = new Conditions(this.db);
    this.scoped(where, scope);
    where.eq('caf_code', filter.cafCode);
    where.eq('kind', filter.kind);
    where.contains('name_search', filter.name);
    extra?.(where);
    return this.page(
      { table: 'rm_operator', idColumn: 'operator_id', sortColumns: { id: 'operator_id', name: 'name_search' } },
      where,
      filter,
      (r: Record<string, unknown>) => operatorItem(r),
    );
  }

  async operator(operatorId: string): Promise<OperatorListItem | null> {
    const rows = await this.available(() =>
      this.db.query<Record<string, unknown>>(`SELECT * FROM ${this.db.table('rm_operator')} WHERE "operator_id" = ${this.db.p(0)}`, [
        operatorId,
      ]),
    );
    return rows[0] === undefined ? null : operatorItem(rows[0]);
  }

  async collectifs(projectId: string, request: PageRequest, scope: ListScope): Promise<ListPage<CollectifListItem>> {
    return this.collectifsWhere(request, scope, (where) => where.eq('project_id', projectId));
  }

  async collectifsWhere(request: PageRequest, scope: ListScope, extra: (where: Conditions) => void): Promise<ListPage<CollectifListItem>> {
    const where = new Conditions(this.db);
    this.scoped(where, scope);
    extra(where);
    return this.page(
      { table: 'rm_collectif', idColumn: 'collectif_id', sortColumns: { id: 'collectif_id' } },
      where,
      request,
      (r: Record<string, unknown>) => collectifItem(r),
    );
  }

  async collectif(collectifId: string): Promise<CollectifListItem | null> {
    const rows = await this.available(() =>
      this.db.query<Record<string, unknown>>(`SELECT * FROM ${this.db.table('rm_collectif')} WHERE "collectif_id" = ${this.db.p(0)}`, [
        collectifId,
      ]),
    );
    return rows[0] === undefined ? null : collectifItem(rows[0]);
  }

  async conventions(
    filter: ConventionListFilter,
    scope: ListScope,
    extra?: (where: Conditions) => void,
  ): Promise<ListPage<ConventionListItem>> {
    const where = new Conditions(this.db);
    this.scoped(where, scope);
    where.eq('caf_code', filter.cafCode);
    where.eq('operator_id', filter.operatorId);
    where.eq('status', filter.status);
    extra?.(where);
    return this.page(
      {
        table: 'rm_convention_status',
        // Not the R-CONV-4 view (JSON): the item links to it.
        columns: ['convention_id', 'caf_code', 'operator_id', 'status', 'start_school_year', 'years', 'pending_amendments', 'as_of'],
        idColumn: 'convention_id',
        sortColumns: { id: 'convention_id' },
      },
      where,
      filter,
      (r: Record<string, unknown>): ConventionListItem => {
        const id = String(r.convention_id);
        return {
          conventionId: id,
          cafCode: String(r.caf_code),
          operatorId: String(r.operator_id),
          status: String(r.status),
          startSchoolYear: (r.start_school_year as string | null) ?? null,
          years: r.years === null || r.years === undefined ? null : Number(r.years),
          pendingAmendments: asNumber(r.pending_amendments),
          asOf: asInstant(r.as_of),
          links: { self: `/conventions/${enc(id)}` },
        };
      },
    );
  }
}

export type { Conditions as ListConditions };

function projectItem(r: Record<string, unknown>): ProjectListItem {
  const id = String(r.project_id);
  return {
    projectId: id,
    cafCode: String(r.caf_code),
    schoolYear: String(r.school_year),
    operatorId: String(r.operator_id),
    title: String(r.title),
    schoolCycle: String(r.school_cycle),
    commune: String(r.commune),
    epci: String(r.epci),
    rural: asBool(r.rural),
    qpv: asBool(r.qpv),
    status: String(r.lifecycle_status),
    plannedEligibility: String(r.planned_eligibility),
    actualEligibility: String(r.actual_eligibility),
    bilanStatus: String(r.bilan_status),
    bilanNextDueOn: r.bilan_next_due_on === null || r.bilan_next_due_on === undefined ? null : String(r.bilan_next_due_on),
    unnotifiedLetters: asNumber(r.unnotified_letters),
    forecastPsCents: asNumber(r.forecast_ps_cents),
    paidCents: asNumber(r.paid_cents),
    dueCents: asNumber(r.due_cents),
    asOf: asInstant(r.as_of),
    links: {
      eligibility: `/projects/${enc(id)}/eligibility`,
      ps: `/projects/${enc(id)}/ps`,
      collectifs: `/projects/${enc(id)}/collectifs`,
    },
  };
}

function operatorItem(r: Record<string, unknown>): OperatorListItem {
  const id = String(r.operator_id);
  return {
    operatorId: id,
    cafCode: String(r.caf_code),
    name: String(r.name),
    kind: String(r.kind),
    declarationsMissing: asNumber(r.declarations_missing),
    registeredOn: (r.registered_on as string | null) ?? null,
    asOf: asInstant(r.as_of),
    links: {
      self: `/operators/${enc(id)}`,
      projects: `/projects?operatorId=${enc(id)}`,
      conventions: `/conventions?operatorId=${enc(id)}`,
    },
  };
}

function collectifItem(r: Record<string, unknown>): CollectifListItem {
  const id = String(r.collectif_id);
  const projectId = String(r.project_id);
  return {
    collectifId: id,
    projectId,
    cafCode: String(r.caf_code),
    schoolYear: String(r.school_year),
    operatorId: String(r.operator_id),
    schoolLevel: String(r.school_level),
    commune: String(r.commune),
    rural: asBool(r.rural),
    openedOn: String(r.opened_on),
    childrenEnrolled: asNumber(r.children_enrolled),
    staffAssigned: asNumber(r.staff_assigned),
    sessionsHeld: asNumber(r.sessions_held),
    asOf: asInstant(r.as_of),
    links: { self: `/collectifs/${enc(id)}`, project: `/projects/${enc(projectId)}/eligibility` },
  };
}
