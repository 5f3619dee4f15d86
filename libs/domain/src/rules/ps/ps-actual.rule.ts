import type { Cents } from '../../shared/money.js';
import { schoolYearEnd, schoolYearStart } from '../../shared/school-year.js';
import type { ActualCollectif } from '../facts/project-facts.js';
import type { Sourced } from '../facts/sourced.js';
import { eventIdsOf } from '../facts/sourced.js';
import { psPerCollectif } from './ps-per-collectif.rule.js';
import type { PsCollectifLine, PsStatement, PsStatementCommonInput } from './ps-statement.js';
import { completeStatement } from './ps-statement.js';
import { collectifWeeksOfActivity } from './weeks-of-activity.rule.js';

export interface ActualPsInput extends PsStatementCommonInput {
  /** Actual total operating cost, from the financial bilan. */
  actualTotalCost: Sourced<Cents>;
  /** Territory of the project; a collectif's own `rural` overrides it. */
  rural: boolean;
  collectifs: readonly ActualCollectif[];
}

/**
 * R-PS-ACTUAL: the payable PS at the bilan. Cost per collectif = actual cost ÷ collectifs that held
 * at least one session; the PS line counts only compliant collectifs (R-PS-WEEK), never more than
 * approved (the first ones by collectif id, for a stable answer); a bonus granted on k collectifs
 * is paid on min(k, counted collectifs); then R-PS-80 on the actual cost and payments by `at`.
 */
export function actualPs(input: ActualPsInput): PsStatement {
  const params = input.parameters;
  const period = { from: schoolYearStart(params.schoolYear), to: schoolYearEnd(params.schoolYear) };
  const approved = input.approvedCollectifs.value;
  const results = [...input.collectifs]
    .sort((a, b) => (a.collectifId < b.collectifId ? -1 : a.collectifId > b.collectifId ? 1 : 0))
    .map((c) =>
      collectifWeeksOfActivity(
        { collectifId: c.collectifId, rural: c.rural ?? input.rural, sessions: c.sessions, enrolments: c.enrolments, period },
        params,
      ),
    );
  const held = results.filter((r) => r.heldSessions > 0).length;
  const formula = psPerCollectif(input.actualTotalCost.value, held, params, eventIdsOf(input.actualTotalCost));
  let counted = 0;
  const lines: PsCollectifLine[] = results.map((r) => {
    const counts = r.compliant && counted < approved;
    if (counts) counted += 1;
    return {
      collectifId: r.collectifId,
      held: r.heldSessions > 0,
      compliant: r.compliant,
      counted: counts,
      amount: counts ? formula.psPerCollectif : 0,
      ruleIds: ['R-PS-WEEK', 'R-PS-ACTUAL', 'R-PS-FORMULA'],
      sourceEventIds: r.explanation.sourceEventIds,
      weeks: r,
    };
  });
  return completeStatement('actual', input, input.actualTotalCost, formula, lines, counted, [
    {
      ruleId: 'R-PS-ACTUAL',
      inputs: { approvedCollectifs: approved, collectifs: results.length, held, compliant: results.filter((r) => r.compliant).length },
      sourceEventIds: eventIdsOf(input.approvedCollectifs, input.actualTotalCost),
      output: { counted, costPerCollectif: formula.costPerCollectif },
      children: results.map((r) => r.explanation),
    },
  ]);
}
