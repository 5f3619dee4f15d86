import type { Cents } from '../../shared/money.js';
import type { Sourced } from '../facts/sourced.js';
import { eventIdsOf } from '../facts/sourced.js';
import { psPerCollectif } from './ps-per-collectif.rule.js';
import type { PsStatement, PsStatementCommonInput } from './ps-statement.js';
import { completeStatement } from './ps-statement.js';

export interface ForecastPsInput extends PsStatementCommonInput {
  /** The planned total operating cost C of the project's accompaniment function. */
  plannedTotalCost: Sourced<Cents>;
}

/**
 * R-PS-ACTUAL (forecast part) / R-PS-EXPLAIN: what the committee's decision promises — the PS on the
 * approved collectifs and planned cost, the granted bonuses, R-PS-80, minus payments made by `at`.
 */
export function forecastPs(input: ForecastPsInput): PsStatement {
  const n = input.approvedCollectifs.value;
  const formula = psPerCollectif(
    input.plannedTotalCost.value,
    n,
    input.parameters,
    eventIdsOf(input.plannedTotalCost, input.approvedCollectifs),
  );
  const lines = Array.from({ length: n }, (_, i) => ({
    collectifId: `collectif ${i + 1}/${n}`,
    held: true,
    compliant: true,
    counted: true,
    amount: formula.psPerCollectif,
    ruleIds: ['R-PS-RATE', 'R-PS-CAP', 'R-PS-FORMULA'],
    sourceEventIds: eventIdsOf(input.plannedTotalCost, input.approvedCollectifs),
    weeks: null,
  }));
  return completeStatement('forecast', input, input.plannedTotalCost, formula, lines, n, []);
}
