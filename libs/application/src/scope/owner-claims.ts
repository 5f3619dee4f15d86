import { type Rejection, checkCafCode, checkId } from '@clas/domain';
import type { Scope } from '../authorization.js';
import type { ResolvedOwner } from '../context/aggregate-binding.js';
import type { FactReader } from '../context/fact-reader.js';

/** The owner a command names by its `operatorId` and `cafCode` (a new project or convention); the bus has checked their shape (COMMAND_SCHEMAS), this keeps an unchecked caller from reaching the directory with a malformed id. */
export function operatorClaim(data: { operatorId?: unknown; cafCode?: unknown }): Scope | Rejection {
  const problem = checkId(data.operatorId, 'operatorId') ?? checkCafCode(data.cafCode);
  return problem ?? { cafCode: data.cafCode as string, operatorId: data.operatorId as string };
}

/**
 * A new project's or convention's owner as the log knows it: the operator with the Caf it is
 * registered with (issue 11 §4). The bus then compares that Caf with the one the command
 * claims; an operator never registered is missing (403 to a scoped caller, 404 to `system`).
 */
export async function registeredOperator(claimed: Scope | null, facts: FactReader): Promise<ResolvedOwner> {
  const operatorId = claimed?.operatorId ?? null;
  const operator = operatorId === null ? null : await facts.operator(operatorId);
  return {
    what: 'operator',
    id: String(operatorId),
    owner: operator === null ? null : { cafCode: operator.cafCode, operatorId: operator.operatorId },
  };
}
