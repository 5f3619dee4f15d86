import { type BreakdownRow, type DepartmentalFigures, cafName } from '@clas/domain';
import type { DepartmentalBilanAnswer, ProjectBilanAnswer } from '@clas/projections';
import type { CellValue, Column, Table } from './table.js';

const FIGURE_COLUMNS: Column[] = [
  { key: 'section', header: 'section', format: 'text' },
  { key: 'key', header: 'code', format: 'text' },
  { key: 'label', header: 'libellé', format: 'text' },
  { key: 'operators', header: 'gestionnaires', format: 'int' },
  { key: 'projects', header: 'projets', format: 'int' },
  { key: 'collectifs', header: 'collectifs', format: 'int' },
  { key: 'compliantCollectifs', header: 'collectifs conformes', format: 'int' },
  { key: 'children', header: 'enfants', format: 'int' },
  { key: 'childrenPrimary', header: 'enfants primaire', format: 'int' },
  { key: 'childrenCollege', header: 'enfants collège', format: 'int' },
  { key: 'childrenLycee', header: 'enfants lycée', format: 'int' },
  { key: 'sessions', header: 'séances', format: 'int' },
  { key: 'hours', header: 'heures', format: 'decimal' },
  { key: 'attendancePercent', header: 'taux de présence %', format: 'decimal' },
  { key: 'parentActions', header: 'actions parents', format: 'int' },
  { key: 'parentsReached', header: 'parents touchés', format: 'int' },
  { key: 'psForecast', header: 'Ps prévisionnelle €', format: 'cents' },
  { key: 'psPaid', header: 'Ps versée €', format: 'cents' },
  // R-BUDGET-ENVELOPE: committed on every line; the envelope and what remains of it on the total line only (it is not split by territory).
  { key: 'committed', header: 'engagé €', format: 'cents' },
  { key: 'envelope', header: 'enveloppe €', format: 'cents' },
  { key: 'remaining', header: 'reste sur enveloppe €', format: 'cents' },
];

function figureRow(section: string, key: string, label: string, f: DepartmentalFigures): Record<string, CellValue> {
  return {
    section,
    key,
    label,
    operators: f.operators,
    projects: f.projects,
    collectifs: f.collectifs,
    compliantCollectifs: f.compliantCollectifs,
    children: f.children,
    childrenPrimary: f.childrenByCycle.primary,
    childrenCollege: f.childrenByCycle.college,
    childrenLycee: f.childrenByCycle.lycee,
    sessions: f.sessions,
    hours: f.hours,
    attendancePercent: f.attendance.percent,
    parentActions: f.parentActions,
    parentsReached: f.parentsReached,
    psForecast: f.psForecast,
    psPaid: f.psPaid,
    committed: f.committed,
    envelope: null,
    remaining: null,
  };
}

/** R-BILAN-4: the totals, then one row per breakdown line (commune, EPCI, rural/urban, QPV). */
export function departmentalBilanTable(answer: DepartmentalBilanAnswer): Table {
  const rows: Array<Record<string, CellValue>> = [];
  const b = answer.bilan;
  if (b) {
    rows.push({
      ...figureRow('total', answer.cafCode, `${cafName(answer.cafCode)} ${answer.schoolYear}`, b.totals),
      envelope: answer.envelope.envelope,
      remaining: answer.envelope.remaining,
    });
    const sections: Array<[string, BreakdownRow[]]> = [
      ['commune', b.byCommune],
      ['epci', b.byEpci],
      ['zone', b.byArea],
      ['qpv', b.byQpv],
    ];
    for (const [section, lines] of sections) for (const line of lines) rows.push(figureRow(section, line.key, line.label, line));
  }
  return { name: `bilan-${answer.cafCode}-${answer.schoolYear}`, asOf: answer.asOf, columns: FIGURE_COLUMNS, rows };
}

const COLLECTIF_COLUMNS: Column[] = [
  { key: 'section', header: 'section', format: 'text' },
  { key: 'collectifId', header: 'collectif', format: 'text' },
  { key: 'rural', header: 'rural', format: 'bool' },
  { key: 'run', header: 'a fonctionné', format: 'bool' },
  { key: 'compliant', header: 'conforme', format: 'bool' },
  { key: 'childrenEnrolled', header: 'enfants inscrits', format: 'int' },
  { key: 'arrivals', header: 'arrivées', format: 'int' },
  { key: 'departures', header: 'départs', format: 'int' },
  { key: 'sessionsHeld', header: 'séances', format: 'int' },
  { key: 'hours', header: 'heures', format: 'decimal' },
  { key: 'weeksOfActivity', header: "semaines d'activité", format: 'int' },
  { key: 'attendancePercent', header: 'taux de présence %', format: 'decimal' },
];

/** R-BILAN-2: the project's total line, then one row per collectif (ids are opaque). */
export function projectBilanTable(answer: ProjectBilanAnswer): Table {
  const rows: Array<Record<string, CellValue>> = [];
  const q = answer.quantitative;
  if (q) {
    rows.push({
      section: 'total',
      collectifId: null,
      rural: null,
      run: null,
      compliant: null,
      childrenEnrolled: q.children.total.value,
      arrivals: q.children.arrivals.value,
      departures: q.children.departures.value,
      sessionsHeld: q.sessions.held.value,
      hours: q.sessions.hours,
      weeksOfActivity: null,
      attendancePercent: q.attendance.percent,
    });
    for (const c of q.collectifs) {
      rows.push({
        section: 'collectif',
        collectifId: c.collectifId,
        rural: c.rural,
        run: c.run,
        compliant: c.compliant,
        childrenEnrolled: c.childrenEnrolled.value,
        arrivals: c.arrivals.value,
        departures: c.departures.value,
        sessionsHeld: c.sessionsHeld.value,
        hours: c.hours,
        weeksOfActivity: c.weeksOfActivity.value,
        attendancePercent: c.attendance.percent,
      });
    }
  }
  return { name: `bilan-projet-${answer.projectId}-${answer.schoolYear}`, asOf: answer.asOf, columns: COLLECTIF_COLUMNS, rows };
}
