import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import type { BilanFiledData } from '../events/project.events.js';
import { d, paris } from '../testing/fixtures.js';
import {
  PROJECT,
  advancePaid,
  agreementSigned,
  approvedProject,
  bilanFiled,
  bilanValidated,
  examinationOpened,
  filed,
  refused,
} from '../testing/project-fixtures.js';
import { specification } from '../testing/specification.js';
import type { ProjectCommand } from './project.commands.js';
import { projectDecider } from './project.decider.js';

const spec = specification(projectDecider);
const projectId = PROJECT.projectId;
const bilanData = bilanFiled().data as BilanFiledData;

const fileBilan = (bilanId = 'bil-1'): ProjectCommand => ({
  type: 'FileBilan',
  commandId: `file-${bilanId}`,
  occurredAt: paris('2027-07-10'),
  data: { projectId, bilanId, quantitative: bilanData.quantitative, qualitative: bilanData.qualitative, financial: bilanData.financial },
});
const pay = (type: 'PayAdvance' | 'PayBalance', amount: number, paymentId = 'pay-x'): ProjectCommand => ({
  type,
  commandId: `${type}-${paymentId}`,
  occurredAt: paris('2027-10-01'),
  data: { projectId, paymentId, amount },
});
const recover = (amount: number): ProjectCommand => ({
  type: 'IssueRecovery',
  commandId: 'rec-cmd',
  occurredAt: paris('2027-10-01'),
  data: { projectId, recoveryId: 'rec-1', amount, reason: 'fewer compliant collectifs than approved' },
});

describe('bilan (R-BILAN-1)', () => {
  it('R-BILAN-1: an approved project files its qualitative, quantitative and financial bilan', () => {
    spec.given(approvedProject()).when(fileBilan()).then([bilanFiled()]);
  });

  it('R-BILAN-1: a bilan before the approval decision is rejected', () => {
    spec.given([filed(), examinationOpened()]).when(fileBilan()).thenRejected('BILAN_BEFORE_APPROVAL', 'R-BILAN-1');
    spec.given([filed(), examinationOpened(), refused()]).when(fileBilan()).thenRejected('BILAN_BEFORE_APPROVAL', 'R-BILAN-1');
  });

  it('R-BILAN-1: a bilan returned for correction is filed again under a new id, then validated', () => {
    const returned = makeEvent(
      'BilanReturnedForCorrection',
      { ...PROJECT, bilanId: 'bil-1', returnedOn: d('2027-08-01'), reasons: ['co-funders missing'] },
      paris('2027-08-01'),
    );
    const given = [...approvedProject(), bilanFiled(), returned];
    spec
      .given([...approvedProject(), bilanFiled()])
      .when(fileBilan('bil-2'))
      .thenRejected('BILAN_ALREADY_FILED', 'R-BILAN-1');
    spec.given(given).when(fileBilan('bil-1')).thenRejected('INVALID_INPUT', 'R-INPUT');
    const [second] = spec.given(given).when(fileBilan('bil-2')).thenAccepted();
    const validate: ProjectCommand = {
      type: 'ValidateBilan',
      commandId: 'v',
      occurredAt: paris('2027-09-15'),
      data: { projectId, bilanId: 'bil-2' },
    };
    spec
      .given([...given, second])
      .when(validate)
      .then([makeEvent('BilanValidated', { ...PROJECT, bilanId: 'bil-2', validatedOn: d('2027-09-15') }, paris('2027-09-15'))]);
    spec
      .given([...given, second])
      .when({ ...validate, data: { projectId, bilanId: 'bil-1' } })
      .thenRejected('BILAN_UNKNOWN', 'R-BILAN-1');
  });
});

describe('payments (R-PS-PAYMENTS)', () => {
  it('R-PS-PAYMENTS: an advance is paid after the approval and names the decision', () => {
    const [event] = spec
      .given(approvedProject())
      .when(pay('PayAdvance', 300_000, 'pay-1'))
      .thenAccepted();
    expect(event).toEqual(
      makeEvent(
        'AdvancePaid',
        { ...PROJECT, paymentId: 'pay-1', decisionId: 'dec-1', amount: 300_000, paidOn: d('2027-10-01') },
        paris('2027-10-01'),
      ),
    );
  });

  it('R-PS-PAYMENTS: no payment before the decision, nor on a refused project', () => {
    spec.given([filed(), examinationOpened()]).when(pay('PayAdvance', 1000)).thenRejected('PAYMENT_BEFORE_DECISION', 'R-PS-PAYMENTS');
    spec
      .given([filed(), examinationOpened(), refused()])
      .when(pay('PayAdvance', 1000))
      .thenRejected('PAYMENT_ON_REFUSED_PROJECT', 'R-PS-PAYMENTS');
  });

  it('R-PS-PAYMENTS: the balance waits for the validated bilan, and is paid once', () => {
    spec
      .given([...approvedProject(), advancePaid()])
      .when(pay('PayBalance', 329_380))
      .thenRejected('BALANCE_BEFORE_VALIDATED_BILAN', 'R-PS-PAYMENTS');
    spec
      .given([...approvedProject(), advancePaid(), bilanFiled()])
      .when(pay('PayBalance', 329_380))
      .thenRejected('BALANCE_BEFORE_VALIDATED_BILAN', 'R-PS-PAYMENTS');
    const settled = [...approvedProject(), advancePaid(), agreementSigned(), bilanFiled(), bilanValidated()];
    const [balance] = spec
      .given(settled)
      .when(pay('PayBalance', 329_380, 'pay-2'))
      .thenAccepted();
    expect(balance.data).toMatchObject({ bilanId: 'bil-1', amount: 329_380 });
    spec
      .given([...settled, balance])
      .when(pay('PayBalance', 100, 'pay-3'))
      .thenRejected('BALANCE_ALREADY_PAID', 'R-PS-PAYMENTS');
    spec
      .given([...settled, balance])
      .when(pay('PayAdvance', 100, 'pay-3'))
      .thenRejected('ADVANCE_AFTER_BALANCE', 'R-PS-PAYMENTS');
  });

  it('R-PS-PAYMENTS: a recovery comes after the validated bilan and never exceeds what was paid', () => {
    const settled = [...approvedProject(), advancePaid(300_000), bilanFiled(), bilanValidated()];
    spec
      .given([...approvedProject(), advancePaid(300_000)])
      .when(recover(50_000))
      .thenRejected('RECOVERY_BEFORE_VALIDATED_BILAN', 'R-PS-PAYMENTS');
    spec.given(settled).when(recover(300_001)).thenRejected('RECOVERY_EXCEEDS_PAYMENTS', 'R-PS-PAYMENTS');
    spec.given(settled).when(recover(300_000)).thenAccepted();
  });

  it('R-PS-PAYMENTS: an advance on a withdrawn project can be recovered at once', () => {
    const withdrawn = makeEvent(
      'ApplicationWithdrawn',
      { ...PROJECT, reason: 'premises lost', withdrawnOn: d('2026-12-01') },
      paris('2026-12-01'),
    );
    spec
      .given([...approvedProject(), advancePaid(300_000), withdrawn])
      .when(recover(300_000))
      .thenAccepted();
    spec
      .given([...approvedProject(), advancePaid(300_000), withdrawn])
      .when(pay('PayAdvance', 1000))
      .thenRejected('APPLICATION_CLOSED', 'R-PS-PAYMENTS');
  });

  it('R-INPUT: a reused payment id is rejected (a zero or negative amount: project.schemas.unit.spec)', () => {
    spec
      .given([...approvedProject(), advancePaid()])
      .when(pay('PayAdvance', 100, 'pay-1'))
      .thenRejected('DUPLICATE_PAYMENT', 'R-INPUT');
  });
});
