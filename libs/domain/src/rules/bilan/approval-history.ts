import type { LocalDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
import type { SchoolYear } from '../../shared/school-year.js';
import { type Sourced, unionIds } from '../facts/sourced.js';

/**
 * The committee's decisions on projects, as facts. A correction is a later decision for the
 * same project and school year (nothing is updated in the log, domain.md §7): the last one in
 * log order is the effective decision. A withdrawn project counts as neither approved nor refused.
 */
export interface CommitteeDecisionFact {
  projectId: string;
  operatorId: string;
  schoolYear: SchoolYear;
  outcome: 'approved' | 'refused';
  decidedOn: LocalDate;
}

export interface ProjectWithdrawalFact {
  projectId: string;
  schoolYear: SchoolYear;
  withdrawnOn: LocalDate;
}

export interface PsPaymentFact {
  projectId: string;
  operatorId: string;
  schoolYear: SchoolYear;
  paidOn: LocalDate;
  amount: Cents;
}

export interface ApprovalHistory {
  /** In log order. */
  decisions: readonly Sourced<CommitteeDecisionFact>[];
  withdrawals: readonly Sourced<ProjectWithdrawalFact>[];
}

export interface EffectiveDecision {
  projectId: string;
  operatorId: string;
  schoolYear: SchoolYear;
  outcome: 'approved' | 'refused' | 'withdrawn';
  /** More than one decision was recorded for this project and year. */
  corrected: boolean;
  /** Every decision and withdrawal behind the outcome (the superseded ones explain the correction). */
  eventIds: string[];
}

const key = (projectId: string, year: SchoolYear) => `${year}\u0000${projectId}`;

/** The effective decision per project and school year, sorted by school year then project id. */
export function effectiveDecisions(history: ApprovalHistory): EffectiveDecision[] {
  const byKey = new Map<string, EffectiveDecision>();
  for (const d of history.decisions) {
    const k = key(d.value.projectId, d.value.schoolYear);
    const previous = byKey.get(k);
    byKey.set(k, {
      projectId: d.value.projectId,
      operatorId: d.value.operatorId,
      schoolYear: d.value.schoolYear,
      outcome: d.value.outcome,
      corrected: previous !== undefined,
      eventIds: unionIds([previous?.eventIds ?? [], d.eventIds]),
    });
  }
  for (const w of history.withdrawals) {
    const decision = byKey.get(key(w.value.projectId, w.value.schoolYear));
    if (decision)
      byKey.set(key(w.value.projectId, w.value.schoolYear), {
        ...decision,
        outcome: 'withdrawn',
        eventIds: unionIds([decision.eventIds, w.eventIds]),
      });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}
