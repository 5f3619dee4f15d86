import type { CollectifLevel } from '@clas/domain';
import { sessionIdOf } from '../folds/collectif-branch.js';
import { byId } from '../folds/fold-support.js';
import type { ProjectFoldState } from '../folds/project-state.js';

const PRESENT = 'p'.charCodeAt(0);

/** One dashboard row before it is written: figures of one Caf × year × territory × level. */
export interface BreakdownFigures {
  commune: string;
  epci: string;
  rural: boolean;
  qpv: boolean;
  schoolLevel: CollectifLevel;
  projects: Set<string>;
  operators: Set<string>;
  collectifs: number;
  children: number;
  sessions: number;
  minutes: number;
  present: number;
  marked: number;
  parentActions: number;
  parentsReached: number;
  psForecast: number;
  psPaid: number;
  /** R-BUDGET-ENVELOPE: the envelope committed by the projects of the row. */
  committed: number;
}

export interface ProjectMoney {
  psForecast: number;
  psPaid: number;
  committed: number;
}

/**
 * Splits an integer amount over weights, to the unit, by largest remainder: the parts add up
 * exactly to the whole, so the rows of a Caf sum to its totals (cents never drift).
 */
export function splitByWeights(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / total);
  const parts = exact.map((x) => Math.trunc(x));
  let rest = amount - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => [Math.abs(x - Math.trunc(x)), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const step = Math.sign(rest);
  for (let k = 0; rest !== 0 && k < order.length; k++, rest -= step) parts[order[k]![1]] += step;
  return parts;
}

/**
 * R-BILAN-4 by territory × school level, from the project fold states. Collectif figures go to
 * the collectif's own level; project figures (parents reached, PS) are split over the
 * project's levels in proportion to its collectifs there.
 */
export function departmentalBreakdown(projects: readonly ProjectFoldState[], money: ReadonlyMap<string, ProjectMoney>): BreakdownFigures[] {
  const rows = new Map<string, BreakdownFigures>();
  for (const project of projects) {
    if (project.status !== 'approved' || project.ref === null) continue;
    const territory = project.application?.content.territory;
    const commune = territory?.commune ?? 'unknown';
    const epci = territory?.epci ?? '';
    const rural = territory?.rural ?? false;
    const qpv = territory?.qpv ?? false;
    const perLevel = new Map<CollectifLevel, BreakdownFigures>();
    const rowFor = (level: CollectifLevel): BreakdownFigures => {
      const key = JSON.stringify([commune, epci, rural, qpv, level]);
      let row = rows.get(key);
      if (row === undefined) {
        row = {
          commune,
          epci,
          rural,
          qpv,
          schoolLevel: level,
          projects: new Set(),
          operators: new Set(),
          collectifs: 0,
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
        rows.set(key, row);
      }
      perLevel.set(level, row);
      return row;
    };
    const collectifsPerLevel = new Map<CollectifLevel, number>();
    for (const collectif of Object.values(project.collectifs)) {
      if (collectif.opened === null) continue;
      const level = collectif.opened.level;
      const row = rowFor(level);
      collectifsPerLevel.set(level, (collectifsPerLevel.get(level) ?? 0) + 1);
      row.collectifs++;
      row.children += collectif.children.length;
      for (const session of collectif.sessions) {
        if (session.cancelled) continue;
        row.sessions++;
        row.minutes += session.minutes;
      }
      for (const sheet of collectif.attendance) {
        if (byId(collectif.sessions, sheet.sessionId, sessionIdOf)?.cancelled === true) continue;
        row.marked += sheet.statuses.length;
        for (let i = 0; i < sheet.statuses.length; i++) if (sheet.statuses.charCodeAt(i) === PRESENT) row.present++;
      }
    }
    if (perLevel.size === 0) {
      // Approved, no collectif opened yet: counted under the level its cycle starts with.
      rowFor(project.application?.content.schoolCycle === 'secondary' ? 'college' : 'primary');
      collectifsPerLevel.set(perLevel.keys().next().value as CollectifLevel, 1);
    }
    const levels = [...perLevel.keys()].sort();
    const weights = levels.map((l) => collectifsPerLevel.get(l) ?? 0);
    const m = money.get(project.projectId) ?? { psForecast: 0, psPaid: 0, committed: 0 };
    const parentsReached = project.parentActions.reduce((s, a) => s + a.parentsReached, 0);
    const shares = {
      psForecast: splitByWeights(m.psForecast, weights),
      psPaid: splitByWeights(m.psPaid, weights),
      committed: splitByWeights(m.committed, weights),
      parentsReached: splitByWeights(parentsReached, weights),
      parentActions: splitByWeights(project.parentActions.length, weights),
    };
    levels.forEach((level, i) => {
      const row = perLevel.get(level)!;
      row.projects.add(project.projectId);
      row.operators.add(project.ref!.operatorId);
      row.psForecast += shares.psForecast[i]!;
      row.psPaid += shares.psPaid[i]!;
      row.committed += shares.committed[i]!;
      row.parentsReached += shares.parentsReached[i]!;
      row.parentActions += shares.parentActions[i]!;
    });
  }
  return [...rows.values()];
}
