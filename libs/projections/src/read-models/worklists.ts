import type { LocalDate } from '@clas/domain';
import type {
  CollectifListItem,
  ConventionListItem,
  ListConditions,
  ListPage,
  ListScope,
  OperatorListItem,
  PageRequest,
  ProjectListItem,
  ReadModelQueries,
  RenewalLetterItem,
} from './read-model-queries.js';

/**
 * Worklists (issue 13): each is a named, small predicate over one list table, so adding one is
 * one line here. `audience` says who it is for; the API applies the reader's scope on top (an
 * operator's worklists are its own rows). The predicates are constant SQL over the read-model
 * columns, evaluated against "now" as the read model holds it; a predicate about lateness also
 * reads the day the worklist is opened (the Paris day of the API clock), bound as a parameter:
 * a row does not change when a due date passes, the day it is read does. A `renewals` list
 * adds that day too (renewal deadlines, R-LIFE-DATES) and the other rows it depends on.
 */
export interface Worklist {
  name: string;
  audience: 'caf' | 'operator';
  /**
   * The list whose rows it filters. `renewals`: the projects whose renewal letter is owed on the
   * day it is read (a campaign's deadline and the other projects decide it, not one row alone).
   */
  over: 'projects' | 'conventions' | 'collectifs' | 'operators' | 'renewals';
  /** What it holds, and the rule behind it. */
  description: string;
  /** The SQL condition; a function receives the placeholder bound to the day the worklist is read. */
  where: string | ((today: string) => string);
}

const ADVANCE_DUE = `"lifecycle_status" = 'approved' AND "advances_cents" = 0 AND "forecast_ps_cents" > 0`;
const BALANCE_DUE = `"bilan_status" = 'validated' AND "due_cents" > 0`;
const BILAN_OWED = `"lifecycle_status" = 'approved' AND "bilan_status" IN ('none', 'returned')`;
/** R-BILAN-DUE: a part not received whose due date is before today (the column is null for a project that owes none). */
const bilanLate = (today: string) => `"lifecycle_status" = 'approved' AND "bilan_next_due_on" < ${today}`;
const RENEWABLE = `"lifecycle_status" = 'approved'`;

export const WORKLISTS: readonly Worklist[] = [
  // A Caf agent's
  {
    name: 'applications-to-examine',
    audience: 'caf',
    over: 'projects',
    description: 'filed, examination not opened (R-LIFE)',
    where: `"lifecycle_status" = 'filed'`,
  },
  {
    name: 'files-incomplete',
    audience: 'caf',
    over: 'projects',
    description: 'filed or under examination, eligibility incomplete on the application (R-ELIG)',
    where: `"lifecycle_status" IN ('filed', 'under_examination') AND "planned_eligibility" = 'incomplete'`,
  },
  {
    name: 'decisions-pending',
    audience: 'caf',
    over: 'projects',
    description: 'under examination, no committee decision yet',
    where: `"lifecycle_status" = 'under_examination'`,
  },
  {
    name: 'advances-due',
    audience: 'caf',
    over: 'projects',
    description: 'approved with a forecast PS and no advance paid (R-PS-PAYMENTS)',
    where: ADVANCE_DUE,
  },
  {
    name: 'bilans-due',
    audience: 'caf',
    over: 'projects',
    description: 'approved, no bilan filed or the bilan sent back (R-BILAN-1)',
    where: BILAN_OWED,
  },
  {
    name: 'bilans-late',
    audience: 'caf',
    over: 'projects',
    description: 'approved, a bilan part not received and its due date passed (R-BILAN-DUE)',
    where: bilanLate,
  },
  {
    name: 'decisions-not-notified',
    audience: 'caf',
    over: 'projects',
    description: 'a decision or correction letter never sent to the operator (R-NOTIFY)',
    where: `"unnotified_letters" > 0`,
  },
  {
    name: 'balances-to-pay',
    audience: 'caf',
    over: 'projects',
    description: 'bilan validated, payable above paid (R-PS-PAYMENTS)',
    where: BALANCE_DUE,
  },
  {
    name: 'amounts-to-recover',
    audience: 'caf',
    over: 'projects',
    description: 'paid above payable: to recover (R-PS-ACTUAL)',
    where: `"due_cents" < 0`,
  },
  {
    name: 'amendments-to-validate',
    audience: 'caf',
    over: 'conventions',
    description: 'conventions with an amendment requested and not decided (R-CONV-AMEND-YEAR)',
    where: `"pending_amendments" > 0`,
  },
  {
    name: 'renewals-awaited',
    audience: 'caf',
    over: 'renewals',
    description: "approved last year, the next year's campaign open and its renewal deadline not past, no renewal filed (R-LIFE-4)",
    where: RENEWABLE,
  },
  // An operator's: what it still owes, and what the Caf owes it
  {
    name: 'bilans-to-file',
    audience: 'operator',
    over: 'projects',
    description: 'approved, no bilan filed or the bilan sent back (R-BILAN-1); bilanNextDueOn before today = late (R-BILAN-DUE)',
    where: BILAN_OWED,
  },
  {
    name: 'staff-to-declare',
    audience: 'operator',
    over: 'collectifs',
    description: 'opened collectifs with no staff assigned (R-ELIG-STAFF)',
    where: `"staff_assigned" = 0`,
  },
  {
    name: 'declarations-to-file',
    audience: 'operator',
    over: 'operators',
    description: 'operators with an insurance or laïcité charter declaration never filed (R-ELIG-OPERATOR)',
    where: `"declarations_missing" > 0`,
  },
  {
    name: 'caf-owes',
    audience: 'operator',
    over: 'projects',
    description: 'an advance due or a balance to pay by the Caf (R-PS-PAYMENTS)',
    where: `((${ADVANCE_DUE}) OR (${BALANCE_DUE}))`,
  },
  {
    name: 'renewal-letters',
    audience: 'operator',
    over: 'renewals',
    description: "renewal letters to send: approved last year, the next year's campaign open and its renewal deadline not past (R-LIFE-4)",
    where: RENEWABLE,
  },
];

export const WORKLIST_NAMES = WORKLISTS.map((w) => w.name);

export const worklistNamed = (name: string): Worklist | undefined => WORKLISTS.find((w) => w.name === name);

/** A project in a worklist: the list item, and whether a bilan part is late on the day the worklist is read. */
export interface WorklistProjectItem extends ProjectListItem {
  /** R-BILAN-DUE: a part not received was due before `today` (bilanNextDueOn < today). */
  bilanLate: boolean;
}

/** A page of a worklist: the items of the list it filters (projects, conventions or collectifs). */
export interface WorklistPage extends ListPage<
  WorklistProjectItem | RenewalLetterItem | ConventionListItem | CollectifListItem | OperatorListItem
> {
  worklist: string;
  over: Worklist['over'];
  description: string;
  /** The Paris day the worklist was read for: a bilan part due before it and not received is late (R-BILAN-DUE). */
  today: string;
}

/** The worklists a reader may open. */
export interface WorklistIndex {
  worklists: Array<{ name: string; audience: Worklist['audience']; over: Worklist['over']; description: string; href: string }>;
}

/** One page of a worklist (its table's list item type); `today` is the Paris day it is read on. */
export async function worklistPage(
  queries: ReadModelQueries,
  worklist: Worklist,
  request: PageRequest,
  scope: ListScope,
  today: LocalDate,
): Promise<WorklistPage> {
  const page = await worklistItems(queries, worklist, request, scope, today);
  return { worklist: worklist.name, over: worklist.over, description: worklist.description, today, ...page };
}

async function worklistItems(
  queries: ReadModelQueries,
  worklist: Worklist,
  request: PageRequest,
  scope: ListScope,
  today: LocalDate,
): Promise<ListPage<WorklistProjectItem | RenewalLetterItem | ConventionListItem | CollectifListItem | OperatorListItem>> {
  const predicate = (where: ListConditions) =>
    where.raw(typeof worklist.where === 'string' ? worklist.where : worklist.where(where.next(today)));
  switch (worklist.over) {
    case 'projects': {
      // The same comparison as the bilans-late predicate, so an operator's bilans-to-file says which are late.
      const page = await queries.projects({ limit: request.limit, cursor: request.cursor }, scope, predicate);
      return {
        ...page,
        items: page.items.map((item) => ({ ...item, bilanLate: item.bilanNextDueOn !== null && item.bilanNextDueOn < today })),
      };
    }
    case 'conventions':
      return queries.conventions({ limit: request.limit, cursor: request.cursor }, scope, predicate);
    case 'collectifs':
      return queries.collectifsWhere({ limit: request.limit, cursor: request.cursor }, scope, predicate);
    case 'operators':
      return queries.operators({ limit: request.limit, cursor: request.cursor }, scope, predicate);
    case 'renewals':
      return queries.renewalLettersOwed({ limit: request.limit, cursor: request.cursor }, scope, today, predicate);
    default: {
      const never: never = worklist.over;
      throw new Error(`worklist ${worklist.name} over an unknown list ${String(never)}`);
    }
  }
}
