import { describe, expect, it } from '@jest/globals';
import { type SchoolYear, schoolYear } from '../../shared/school-year.js';
import { addDays, type LocalDate } from '../../shared/calendar-date.js';
import { AUDE_2026, d, generateCollectif, LANDES_2025, projectFacts, type WeekRhythmParameters } from './testing/bilan.fixtures.js';
import { departmentalBilan, type ProjectMeta } from './departmental-bilan.rule.js';
import { projectBilanQuantitative, type ProjectBilanQuantitative } from './project-bilan-quantitative.rule.js';

interface Generated {
  bilans: ProjectBilanQuantitative[];
  metas: ProjectMeta[];
}

/** A department generated from a plan: per project, its operator, collectif sizes, school levels and territory. */
function department(
  cafCode: string,
  year: SchoolYear,
  params: WeekRhythmParameters,
  firstMonday: LocalDate,
  plan: {
    operatorId: string;
    sizes: number[];
    levels: ('CM1' | '5e' | '1re')[];
    weeks: number;
    psPerCollectif: number;
    attendance: boolean;
  }[],
): Generated {
  const bilans: ProjectBilanQuantitative[] = [];
  const metas: ProjectMeta[] = [];
  plan.forEach((p, i) => {
    const projectId = `${cafCode}-p${String(i).padStart(2, '0')}`;
    const collectifs = p.sizes.map((children, k) =>
      generateCollectif({
        collectifId: `${projectId}-c${k}`,
        children,
        levels: p.levels,
        weeks: p.weeks,
        firstMonday,
        enrolledOn: addDays(firstMonday, -14),
        attendance: p.attendance,
      }),
    );
    bilans.push(projectBilanQuantitative(projectFacts(projectId, collectifs, year), params));
    const commune = i % 7;
    metas.push({
      projectId,
      operatorId: p.operatorId,
      cafCode,
      schoolYear: year,
      territory: {
        communeCode: `${cafCode}${String(100 + commune)}`,
        communeName: `Commune ${commune}`,
        epciCode: commune === 6 ? null : `epci-${commune % 3}`,
        epciName: commune === 6 ? null : `EPCI ${commune % 3}`,
        rural: i % 3 === 0,
        qpv: i % 4 === 0,
      },
      psForecast: p.psPerCollectif * p.sizes.length,
      psPaid: Math.floor((p.psPerCollectif * p.sizes.length) / 2),
      // R-BUDGET-ENVELOPE: the forecast plus 100 € of local Caf funds per project.
      committed: p.psPerCollectif * p.sizes.length + 10_000,
    });
  });
  return { bilans, metas };
}

const LANDES_YEAR = schoolYear('2025-2026');
// Landes 2024-2025 (000): 33 operators for 35 actions, about 870 children, mostly primary. Two operators
// run a collège project besides their primary one (R-LIFE-3); project 5 ran only 20 weeks.
const landes = department(
  '40',
  LANDES_YEAR,
  LANDES_2025,
  d('2025-10-06'),
  Array.from({ length: 35 }, (_, i) => ({
    operatorId: `op-${i < 33 ? i : i - 33}`,
    sizes: i < 30 ? [12, 12] : [10, 10, 10],
    levels: i >= 33 ? ['5e'] : ['CM1'],
    weeks: i === 5 ? 20 : 28,
    psPerCollectif: 275828,
    // Attendance is asserted on the Aude scenario; leaving it out here keeps the suite fast.
    attendance: false,
  })),
);

// Aude 2025-2026 (004): 35 projects, 68 collectifs, 11 operators.
const AUDE_YEAR = schoolYear('2026-2027');
const aude = department(
  '11',
  AUDE_YEAR,
  AUDE_2026,
  d('2026-10-05'),
  Array.from({ length: 35 }, (_, i) => ({
    operatorId: `op-${i % 11}`,
    sizes: i < 33 ? [10, 10] : [10],
    levels: i % 2 === 0 ? ['CM1'] : i % 5 === 0 ? ['1re'] : ['5e'],
    weeks: 28,
    psPerCollectif: 281190,
    // Attendance sheets on one project in five: enough to check the exact sum, cheap to generate.
    attendance: i % 5 === 0,
  })),
);

describe('departmental bilan (R-BILAN-4)', () => {
  it('R-BILAN-4: Landes-like — 33 operators, 35 actions, 870 children mostly primary', () => {
    const b = departmentalBilan(landes.bilans, landes.metas, { cafCode: '40', schoolYear: LANDES_YEAR });
    expect(b.totals).toMatchObject({
      operators: 33,
      projects: 35,
      collectifs: 75,
      compliantCollectifs: 73,
      children: 870,
      childrenByCycle: { primary: 810, college: 60, lycee: 0 },
    });
    expect(b.byCycle).toEqual([
      { cycle: 'primary', children: 810, percentOfChildren: '93.1' },
      { cycle: 'college', children: 60, percentOfChildren: '6.9' },
      { cycle: 'lycee', children: 0, percentOfChildren: '0.0' },
    ]);
    // 74 collectifs × 56 sessions + 2 × 40 (project 5), 90 min each.
    const sessions = 73 * 56 + 2 * 40;
    expect(b.totals).toMatchObject({ sessions, minutes: sessions * 90, hours: `${(sessions * 1.5).toFixed(0)}.00` });
    expect(b.totals.psForecast).toBe(75 * 275828);
    // R-BUDGET-ENVELOPE: what the 35 projects commit is summed like the PS.
    expect(b.totals.committed).toBe(75 * 275828 + 35 * 10_000);
    expect(b.projectsWithoutBilan).toEqual([]);
  });

  it('R-BILAN-4: Aude-like — 35 projects, 68 collectifs, 11 operators; primary / collège / lycée', () => {
    const b = departmentalBilan(aude.bilans, aude.metas, { cafCode: '11', schoolYear: AUDE_YEAR });
    expect(b.totals).toMatchObject({
      operators: 11,
      projects: 35,
      collectifs: 68,
      compliantCollectifs: 68,
      children: 680,
      psForecast: 68 * 281190,
    });
    expect(b.totals.childrenByCycle.primary + b.totals.childrenByCycle.college + b.totals.childrenByCycle.lycee).toBe(680);
    // Projects 5, 15, 25 are lycée (odd and multiple of 5), with 2 collectifs of 10.
    expect(b.totals.childrenByCycle.lycee).toBe(60);
    // Attendance sums exactly over projects: every project uses the same pattern of 44 present in 50 marks per 50.
    const marked = aude.bilans.reduce((n, p) => n + p.attendance.present + p.attendance.absent + p.attendance.excused, 0);
    const present = aude.bilans.reduce((n, p) => n + p.attendance.present, 0);
    expect(b.totals.attendance).toEqual({ present, marked, rate: { num: present, den: marked }, percent: expect.any(String) });
    expect(b.totals.parentsReached).toBe(0);
  });

  it('R-BILAN-4: breakdowns by commune, EPCI, rural/urban and QPV add up to the totals, in a fixed order', () => {
    const b = departmentalBilan(landes.bilans, landes.metas, { cafCode: '40', schoolYear: LANDES_YEAR });
    for (const rows of [b.byCommune, b.byEpci, b.byArea, b.byQpv]) {
      expect(rows.reduce((n, r) => n + r.children, 0)).toBe(870);
      expect(rows.reduce((n, r) => n + r.projects, 0)).toBe(35);
      expect(rows.reduce((n, r) => n + r.psForecast, 0)).toBe(b.totals.psForecast);
      expect(rows.reduce((n, r) => n + r.committed, 0)).toBe(b.totals.committed);
      expect(rows.flatMap((r) => r.projectIds).sort()).toEqual(b.totals.projectIds);
    }
    expect(b.byCommune.map((r) => r.key)).toEqual(['40100', '40101', '40102', '40103', '40104', '40105', '40106']);
    expect(b.byEpci.map((r) => [r.key, r.label])).toEqual([
      ['epci-0', 'EPCI 0'],
      ['epci-1', 'EPCI 1'],
      ['epci-2', 'EPCI 2'],
      ['none', 'hors EPCI'],
    ]);
    expect(b.byArea.map((r) => [r.key, r.projects])).toEqual([
      ['rural', 12],
      ['urban', 23],
    ]);
    expect(b.byQpv.map((r) => [r.key, r.projects])).toEqual([
      ['qpv', 9],
      ['hors_qpv', 26],
    ]);
    // Operators are counted once per row: op-0 runs projects 0 and 33, both in commune 0 and 5 respectively.
    expect(b.byCommune.reduce((n, r) => n + r.operators, 0)).toBeGreaterThanOrEqual(b.totals.operators);
  });

  it('R-BILAN-4: the result does not depend on the order of the inputs', () => {
    const reversed = departmentalBilan([...landes.bilans].reverse(), [...landes.metas].reverse(), {
      cafCode: '40',
      schoolYear: LANDES_YEAR,
    });
    expect(reversed).toEqual(departmentalBilan(landes.bilans, landes.metas, { cafCode: '40', schoolYear: LANDES_YEAR }));
  });

  it('R-BILAN-4: a project with no bilan yet counts with zero activity; other Cafs, other years and orphan bilans are left out', () => {
    const metas: ProjectMeta[] = [
      ...aude.metas.slice(0, 3),
      { ...aude.metas[3], projectId: 'late', operatorId: 'op-new' },
      { ...aude.metas[4], projectId: 'elsewhere', cafCode: '40' },
      { ...aude.metas[5], projectId: 'last-year', schoolYear: schoolYear('2025-2026') },
    ];
    const b = departmentalBilan(aude.bilans.slice(0, 5), metas, { cafCode: '11', schoolYear: AUDE_YEAR });
    expect(b.totals).toMatchObject({ projects: 4, operators: 4, collectifs: 6, children: 60 });
    expect(b.totals.psForecast).toBe(4 * 2 * 281190);
    expect(b.projectsWithoutBilan).toEqual(['late']);
    expect(b.bilansWithoutProject).toEqual(['11-p03', '11-p04']);
  });
});
