import type { Rejection } from '../../shared/result.js';
import { nextSchoolYear, previousSchoolYear, type SchoolYear } from '../../shared/school-year.js';
import { type BilanFiledFact, projectBilanStatus, type ProjectBilanStatus } from '../bilan/bilan-due.rule.js';
import { type Sourced, unionIds } from '../facts/sourced.js';

/**
 * R-CONV-2: each year of a convention after the first needs, for the previous year, a
 * compliant qualitative, quantitative and financial bilan of every project it covers.
 */
export interface ConventionYears {
  firstYear: SchoolYear;
  years: number;
}

export interface ConventionScope {
  conventionId: string;
  projectIds: readonly string[];
  period: ConventionYears;
}

export interface ContinuationDecision {
  ruleId: 'R-CONV-2';
  conventionId: string;
  schoolYear: SchoolYear;
  /** null for the first year of the convention, which needs no bilan of its own. */
  previousYear: SchoolYear | null;
  canContinue: boolean;
  /** Every part of the previous year's bilans filed (R-CONV-4); null for the first year. */
  previousBilanReceived: boolean | null;
  previousBilans: ProjectBilanStatus[];
  reasons: Rejection[];
  eventIds: string[];
}

export function yearsOf(period: ConventionYears): SchoolYear[] {
  return Array.from({ length: period.years }, (_, i) => nextSchoolYear(period.firstYear, i));
}

export function canContinue(
  convention: ConventionScope,
  year: SchoolYear,
  bilans: readonly Sourced<BilanFiledFact>[],
): ContinuationDecision {
  const base = { ruleId: 'R-CONV-2' as const, conventionId: convention.conventionId, schoolYear: year };
  if (!yearsOf(convention.period).includes(year)) {
    return {
      ...base,
      previousYear: null,
      canContinue: false,
      previousBilanReceived: null,
      previousBilans: [],
      reasons: [
        {
          code: 'YEAR_NOT_COVERED',
          ruleId: 'R-CONV-2',
          message: `${year} is outside the convention's period`,
          details: { period: convention.period },
        },
      ],
      eventIds: [],
    };
  }
  if (year === convention.period.firstYear) {
    return { ...base, previousYear: null, canContinue: true, previousBilanReceived: null, previousBilans: [], reasons: [], eventIds: [] };
  }

  const previousYear = previousSchoolYear(year);
  const previousBilans = [...convention.projectIds].sort().map((projectId) => projectBilanStatus(projectId, previousYear, bilans));
  const reasons: Rejection[] = previousBilans.flatMap((b): Rejection[] => {
    if (b.compliant) return [];
    const notCompliant = (['qualitative', 'quantitative', 'financial'] as const).filter((k) => b.parts[k].status !== 'compliant');
    return [
      {
        code: b.received ? 'PREVIOUS_BILAN_NOT_COMPLIANT' : 'PREVIOUS_BILAN_MISSING',
        ruleId: 'R-CONV-2',
        message: b.received
          ? `the ${previousYear} bilan of project ${b.projectId} is not assessed compliant (${notCompliant.map((k) => `${k}: ${b.parts[k].status}`).join(', ')})`
          : `the ${previousYear} bilan of project ${b.projectId} is missing: ${b.outstanding.join(', ')}`,
        details: { projectId: b.projectId, previousYear, parts: Object.fromEntries(notCompliant.map((k) => [k, b.parts[k].status])) },
      },
    ];
  });
  return {
    ...base,
    previousYear,
    canContinue: reasons.length === 0,
    previousBilanReceived: previousBilans.every((b) => b.received),
    previousBilans,
    reasons,
    eventIds: unionIds(previousBilans.flatMap((b) => Object.values(b.parts).map((p) => p.eventIds))),
  };
}
