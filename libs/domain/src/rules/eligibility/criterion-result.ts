import type { Explanation } from '../../shared/recorded-event.js';

export type EligibilityCriterionId =
  | 'R-ELIG-PUBLIC'
  | 'R-ELIG-CHARTER'
  | 'R-ELIG-NOT-HOMEWORK'
  | 'R-ELIG-COLLECTIVE'
  | 'R-ELIG-STAFF'
  | 'R-ELIG-COORD'
  | 'R-ELIG-RHYTHM'
  | 'R-ELIG-AXES'
  | 'R-ELIG-COFUNDING'
  | 'R-ELIG-OPERATOR'
  | 'R-ELIG-NO-SPORT'
  | 'R-ELIG-TRAINING';

/** §3: met, not met, not enough facts yet, or met through an exception (rural, disability). */
export type CriterionStatus = 'met' | 'not_met' | 'unknown' | 'waived';

export interface CriterionResult {
  criterion: EligibilityCriterionId;
  status: CriterionStatus;
  reasons: string[];
  explanation: Explanation;
}

/** Worst-first order used to combine the parts of one criterion. */
const SEVERITY: Record<CriterionStatus, number> = { not_met: 3, unknown: 2, waived: 1, met: 0 };

/** A criterion made of several checks is as bad as its worst check. */
export function worstStatus(statuses: readonly CriterionStatus[]): CriterionStatus {
  return statuses.reduce<CriterionStatus>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'met');
}

export function criterionResult(
  criterion: EligibilityCriterionId,
  status: CriterionStatus,
  reasons: string[],
  inputs: Record<string, unknown>,
  sourceEventIds: string[],
): CriterionResult {
  return {
    criterion,
    status,
    reasons,
    explanation: { ruleId: criterion, inputs, sourceEventIds, output: { status, reasons } },
  };
}
