import { isDecision, requireContext } from '../commands/command.js';
import { invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { ProjectEvent, ProjectRef } from '../events/project.events.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, reject } from '../shared/result.js';
import type { FileBilan, IssueRecovery, PayAdvance, PayBalance, ReturnBilanForCorrection, ValidateBilan } from './project.commands.js';
import type { ProjectContext } from './project.context.js';
import { knownProject } from './project-guards.js';
import { type ProjectState, netPaid } from './project.state.js';

const isApproved = (state: ProjectState): boolean => state.status === 'decided' && state.decision?.terms.outcome === 'approved';

/** R-BILAN-1: each APPROVED project files its bilan; a returned bilan is filed again (new id). */
export function fileBilan(command: FileBilan, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const ref = knownProject(state, d.projectId);
  if (isDecision(ref)) return ref;
  if (!isApproved(state))
    return reject(
      'BILAN_BEFORE_APPROVAL',
      'R-BILAN-1',
      `a bilan is filed by an approved project; this one is ${state.status.replace('_', ' ')}`,
      { status: state.status },
    );
  if (state.bilan?.status === 'filed')
    return reject('BILAN_ALREADY_FILED', 'R-BILAN-1', `bilan ${state.bilan.bilanId} is awaiting the Caf's review`, {
      bilanId: state.bilan.bilanId,
    });
  if (state.bilan?.status === 'validated')
    return reject('BILAN_ALREADY_VALIDATED', 'R-BILAN-1', `bilan ${state.bilan.bilanId} has been validated`, {
      bilanId: state.bilan.bilanId,
    });
  if (state.bilanIds.includes(d.bilanId))
    return rejectWith(invalid('bilanId', 'a corrected bilan is filed under a new id', { bilanId: d.bilanId }));
  return accept(
    makeEvent(
      'BilanFiled',
      {
        ...ref,
        bilanId: d.bilanId,
        filedOn: parisDateOf(command.occurredAt),
        quantitative: d.quantitative,
        qualitative: d.qualitative,
        financial: d.financial,
      },
      command.occurredAt,
    ),
  );
}

function pendingBilan(state: ProjectState, projectId: string, bilanId: string): ProjectRef | Decision<ProjectEvent> {
  const ref = knownProject(state, projectId);
  if (isDecision(ref)) return ref;
  if (state.bilan === null || state.bilan.bilanId !== bilanId)
    return reject('BILAN_UNKNOWN', 'R-BILAN-1', `no bilan ${bilanId} awaiting review`, { bilanId });
  if (state.bilan.status !== 'filed')
    return reject('BILAN_ALREADY_REVIEWED', 'R-BILAN-1', `bilan ${bilanId} is already ${state.bilan.status}`, {
      bilanId,
      status: state.bilan.status,
    });
  return ref;
}

export function validateBilan(command: ValidateBilan, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const ref = pendingBilan(state, d.projectId, d.bilanId);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent('BilanValidated', { ...ref, bilanId: d.bilanId, validatedOn: parisDateOf(command.occurredAt) }, command.occurredAt),
  );
}

export function returnBilanForCorrection(command: ReturnBilanForCorrection, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const ref = pendingBilan(state, d.projectId, d.bilanId);
  if (isDecision(ref)) return ref;
  return accept(
    makeEvent(
      'BilanReturnedForCorrection',
      { ...ref, bilanId: d.bilanId, returnedOn: parisDateOf(command.occurredAt), reasons: d.reasons },
      command.occurredAt,
    ),
  );
}

/**
 * R-PS-PAYMENTS: the order of payments — an advance after an approval, the balance after the
 * validated bilan (003, step 11), a recovery of no more than what was paid. How much is due is
 * the PS rules' business (a projection); this decider never computes the PS.
 */
function paymentTarget(state: ProjectState, projectId: string, id: string): ProjectRef | Decision<ProjectEvent> {
  const ref = knownProject(state, projectId);
  if (isDecision(ref)) return ref;
  if (state.payments.ids.includes(id))
    return reject('DUPLICATE_PAYMENT', 'R-INPUT', `payment ${id} is already recorded`, { field: 'id', id });
  return ref;
}

export function payAdvance(command: PayAdvance, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const ref = paymentTarget(state, d.projectId, d.paymentId);
  if (isDecision(ref)) return ref;
  if (state.status === 'withdrawn')
    return reject('APPLICATION_CLOSED', 'R-PS-PAYMENTS', 'the application was withdrawn: nothing is paid', {});
  if (!isApproved(state) || state.decision === null) {
    const refused = state.decision?.terms.outcome === 'refused';
    return reject(
      refused ? 'PAYMENT_ON_REFUSED_PROJECT' : 'PAYMENT_BEFORE_DECISION',
      'R-PS-PAYMENTS',
      refused ? 'the committee refused the project' : 'an advance is paid after the approval decision',
      {
        status: state.status,
      },
    );
  }
  if (state.payments.balance !== null)
    return reject('ADVANCE_AFTER_BALANCE', 'R-PS-PAYMENTS', 'the balance has been paid: the year is settled', {});
  return accept(
    makeEvent(
      'AdvancePaid',
      { ...ref, paymentId: d.paymentId, decisionId: state.decision.decisionId, amount: d.amount, paidOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

export function payBalance(command: PayBalance, state: ProjectState, context: ProjectContext): Decision<ProjectEvent> {
  const d = command.data;
  const ref = paymentTarget(state, d.projectId, d.paymentId);
  if (isDecision(ref)) return ref;
  if (state.bilan?.status !== 'validated') {
    return reject('BALANCE_BEFORE_VALIDATED_BILAN', 'R-PS-PAYMENTS', 'the balance is paid after the bilan is validated', {
      bilan: state.bilan,
    });
  }
  if (state.payments.balance !== null)
    return reject(
      'BALANCE_ALREADY_PAID',
      'R-PS-PAYMENTS',
      'the balance has already been paid; an overpayment is recovered, an underpayment is not a second balance',
      {},
    );
  // R-AGREEMENT-ANNUAL: the balance is paid only under a signed annual agreement or a multi-year convention.
  if (state.agreement === null && requireContext(context.conventionCoveringYear, 'conventionCoveringYear', command.type) === null) {
    return reject(
      'NO_SIGNED_AGREEMENT',
      'R-AGREEMENT-ANNUAL',
      `no signed annual agreement and no multi-year convention covering ${ref.schoolYear}: the balance is not paid`,
      { schoolYear: ref.schoolYear },
    );
  }
  return accept(
    makeEvent(
      'BalancePaid',
      { ...ref, paymentId: d.paymentId, bilanId: state.bilan.bilanId, amount: d.amount, paidOn: parisDateOf(command.occurredAt) },
      command.occurredAt,
    ),
  );
}

export function issueRecovery(command: IssueRecovery, state: ProjectState): Decision<ProjectEvent> {
  const d = command.data;
  const ref = paymentTarget(state, d.projectId, d.recoveryId);
  if (isDecision(ref)) return ref;
  // Recovered once what is payable is known (validated bilan), or when the year will not run (withdrawn after an advance).
  if (state.bilan?.status !== 'validated' && state.status !== 'withdrawn') {
    return reject(
      'RECOVERY_BEFORE_VALIDATED_BILAN',
      'R-PS-PAYMENTS',
      'an amount is recovered after the bilan is validated (or the project withdrawn)',
      { status: state.status },
    );
  }
  const paid = netPaid(state);
  if (d.amount > paid) {
    return reject(
      'RECOVERY_EXCEEDS_PAYMENTS',
      'R-PS-PAYMENTS',
      `cannot recover ${d.amount} cents: ${paid} cents paid and not yet recovered`,
      { field: 'amount', amount: d.amount, netPaid: paid },
    );
  }
  return accept(
    makeEvent(
      'RecoveryIssued',
      { ...ref, recoveryId: d.recoveryId, amount: d.amount, issuedOn: parisDateOf(command.occurredAt), reason: d.reason },
      command.occurredAt,
    ),
  );
}
