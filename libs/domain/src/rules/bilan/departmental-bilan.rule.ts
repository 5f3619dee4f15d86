import { COLLECTIF_LEVELS, type CollectifLevel } from '../../events/vocabulary.js';
import type { Cents } from '../../shared/money.js';
import type { SchoolYear } from '../../shared/school-year.js';
import { hoursFromMinutes, percentOneDecimal, type Fraction } from './decimal.js';
import type { ProjectBilanQuantitative } from './project-bilan-quantitative.rule.js';

/**
 * R-BILAN-4: the departmental bilan aggregates every project of a Caf for a school year, with
 * breakdowns by territory and by school cycle. Figures are plain numbers here; each row lists
 * the projects it sums, whose project bilans carry the event ids.
 */

export interface ProjectTerritory {
  communeCode: string;
  communeName: string;
  /** null when the commune belongs to no EPCI recorded for the project. */
  epciCode: string | null;
  epciName: string | null;
  rural: boolean;
  qpv: boolean;
}

export interface ProjectMeta {
  projectId: string;
  operatorId: string;
  cafCode: string;
  schoolYear: SchoolYear;
  territory: ProjectTerritory;
  /** From the PS projection: the committee's forecast and what was paid for the year. */
  psForecast: Cents;
  psPaid: Cents;
  /** R-BUDGET-ENVELOPE: what the project takes from the Caf's envelope (forecast PS + bonuses, local Caf funds). */
  committed: Cents;
}

export interface DepartmentalFigures {
  operators: number;
  projects: number;
  collectifs: number;
  compliantCollectifs: number;
  children: number;
  childrenByCycle: Record<CollectifLevel, number>;
  sessions: number;
  minutes: number;
  hours: string;
  attendance: { present: number; marked: number; rate: Fraction | null; percent: string | null };
  parentActions: number;
  parentsReached: number;
  psForecast: Cents;
  psPaid: Cents;
  /** R-BUDGET-ENVELOPE: the envelope committed by these projects. */
  committed: Cents;
  /** Sorted. */
  projectIds: string[];
}

export interface BreakdownRow extends DepartmentalFigures {
  key: string;
  label: string;
}

export interface DepartmentalBilan {
  ruleId: 'R-BILAN-4';
  cafCode: string;
  schoolYear: SchoolYear;
  totals: DepartmentalFigures;
  /** Sorted by commune code. */
  byCommune: BreakdownRow[];
  /** Sorted by EPCI code; projects without an EPCI come last under key "none". */
  byEpci: BreakdownRow[];
  /** rural, then urban. */
  byArea: BreakdownRow[];
  /** qpv, then hors_qpv. */
  byQpv: BreakdownRow[];
  /** primary, college, lycee: children of every project by cycle. */
  byCycle: { cycle: CollectifLevel; children: number; percentOfChildren: string | null }[];
  /** Approved projects of the scope with no quantitative bilan yet: counted with zero activity. */
  projectsWithoutBilan: string[];
  /** Bilans whose project is not in the scope's metadata: left out of every figure. */
  bilansWithoutProject: string[];
}

interface Entry {
  meta: ProjectMeta;
  bilan: ProjectBilanQuantitative | null;
}

function figuresOf(entries: readonly Entry[]): DepartmentalFigures {
  const childrenByCycle = Object.fromEntries(COLLECTIF_LEVELS.map((c) => [c, 0])) as Record<CollectifLevel, number>;
  const f = {
    collectifs: 0,
    compliantCollectifs: 0,
    children: 0,
    sessions: 0,
    minutes: 0,
    present: 0,
    marked: 0,
    parentActions: 0,
    parentsReached: 0,
    psForecast: 0,
    psPaid: 0,
    committed: 0,
  };
  for (const { meta, bilan } of entries) {
    f.psForecast += meta.psForecast;
    f.psPaid += meta.psPaid;
    f.committed += meta.committed;
    if (!bilan) continue;
    f.collectifs += bilan.collectifsRun.value;
    f.compliantCollectifs += bilan.compliantCollectifs.value;
    // Children of different projects are summed: a child is enrolled in one project's cycle (R-LIFE-3).
    f.children += bilan.children.total.value;
    for (const c of COLLECTIF_LEVELS) childrenByCycle[c] += bilan.children.byCycle[c].value;
    f.sessions += bilan.sessions.held.value;
    f.minutes += bilan.sessions.minutes.value;
    f.present += bilan.attendance.present;
    f.marked += bilan.attendance.present + bilan.attendance.absent + bilan.attendance.excused;
    f.parentActions += bilan.parentActions.actions.value;
    f.parentsReached += bilan.parentActions.parentsReached.value;
  }
  return {
    operators: new Set(entries.map((e) => e.meta.operatorId)).size,
    projects: entries.length,
    collectifs: f.collectifs,
    compliantCollectifs: f.compliantCollectifs,
    children: f.children,
    childrenByCycle,
    sessions: f.sessions,
    minutes: f.minutes,
    hours: hoursFromMinutes(f.minutes),
    attendance: {
      present: f.present,
      marked: f.marked,
      rate: f.marked === 0 ? null : { num: f.present, den: f.marked },
      percent: percentOneDecimal(f.present, f.marked),
    },
    parentActions: f.parentActions,
    parentsReached: f.parentsReached,
    psForecast: f.psForecast,
    psPaid: f.psPaid,
    committed: f.committed,
    projectIds: entries.map((e) => e.meta.projectId).sort(),
  };
}

function breakdown(
  entries: readonly Entry[],
  keyOf: (e: Entry) => string,
  labelOf: (e: Entry) => string,
  order: (a: string, b: string) => number,
): BreakdownRow[] {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const k = keyOf(e);
    const group = groups.get(k);
    if (group) group.push(e);
    else groups.set(k, [e]);
  }
  return [...groups.keys()].sort(order).map((k) => {
    const group = groups.get(k) ?? [];
    return { key: k, label: labelOf(group[0]), ...figuresOf(group) };
  });
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const fixedOrder =
  (keys: readonly string[]) =>
  (a: string, b: string): number =>
    keys.indexOf(a) - keys.indexOf(b);

export function departmentalBilan(
  projectBilans: readonly ProjectBilanQuantitative[],
  projectsMeta: readonly ProjectMeta[],
  scope: { cafCode: string; schoolYear: SchoolYear },
): DepartmentalBilan {
  const metas = projectsMeta.filter((m) => m.cafCode === scope.cafCode && m.schoolYear === scope.schoolYear);
  const bilans = new Map(projectBilans.filter((b) => b.schoolYear === scope.schoolYear).map((b) => [b.projectId, b]));
  const metaIds = new Set(metas.map((m) => m.projectId));
  const entries: Entry[] = metas
    .map((meta) => ({ meta, bilan: bilans.get(meta.projectId) ?? null }))
    .sort((a, b) => byText(a.meta.projectId, b.meta.projectId));

  const totals = figuresOf(entries);
  const NO_EPCI = 'none';
  return {
    ruleId: 'R-BILAN-4',
    cafCode: scope.cafCode,
    schoolYear: scope.schoolYear,
    totals,
    byCommune: breakdown(
      entries,
      (e) => e.meta.territory.communeCode,
      (e) => e.meta.territory.communeName,
      byText,
    ),
    byEpci: breakdown(
      entries,
      (e) => e.meta.territory.epciCode ?? NO_EPCI,
      (e) => e.meta.territory.epciName ?? 'hors EPCI',
      (a, b) => (a === NO_EPCI ? 1 : 0) - (b === NO_EPCI ? 1 : 0) || byText(a, b),
    ),
    byArea: breakdown(
      entries,
      (e) => (e.meta.territory.rural ? 'rural' : 'urban'),
      (e) => (e.meta.territory.rural ? 'milieu rural' : 'milieu urbain'),
      fixedOrder(['rural', 'urban']),
    ),
    byQpv: breakdown(
      entries,
      (e) => (e.meta.territory.qpv ? 'qpv' : 'hors_qpv'),
      (e) => (e.meta.territory.qpv ? 'QPV' : 'hors QPV'),
      fixedOrder(['qpv', 'hors_qpv']),
    ),
    byCycle: COLLECTIF_LEVELS.map((cycle) => ({
      cycle,
      children: totals.childrenByCycle[cycle],
      percentOfChildren: percentOneDecimal(totals.childrenByCycle[cycle], totals.children),
    })),
    projectsWithoutBilan: entries.filter((e) => e.bilan === null).map((e) => e.meta.projectId),
    bilansWithoutProject: [...bilans.keys()].filter((id) => !metaIds.has(id)).sort(),
  };
}
