import { describe, expect, it } from '@jest/globals';
import { d, paris } from '../testing/fixtures.js';
import {
  DOCUMENT_HASH,
  PROJECT,
  advancePaid,
  agreementSigned,
  approvedProject,
  bilanFiled,
  bilanValidated,
  refused,
  filed,
  examinationOpened,
} from '../testing/project-fixtures.js';
import { specification } from '../testing/specification.js';
import type { ProjectCommand } from './project.commands.js';
import type { ProjectContext } from './project.context.js';
import { projectDecider } from './project.decider.js';
import { annualAgreementId, correctionLetterId, decisionLetterId, periodCoversSchoolYear } from './letters.js';
import { schoolYear } from '../shared/school-year.js';

const spec = specification(projectDecider);
const { projectId } = PROJECT;
const OTHER_HASH = 'b'.repeat(64);
const letter = { letterId: 'dec-1', decisionId: 'dec-1', documentHash: DOCUMENT_HASH };
const agreement = { agreementId: 'dec-1-convention-annuelle', decisionId: 'dec-1', documentHash: DOCUMENT_HASH };

const notify = (documentHash = DOCUMENT_HASH, letterId = 'dec-1'): ProjectCommand => ({
  type: 'RecordNotificationSent',
  commandId: 'notify-1',
  occurredAt: paris('2026-10-06', '09:00'),
  data: { projectId, letterId, channel: 'email', recipientId: 'rcpt-op-1', documentHash },
});
const sign = (documentHash = DOCUMENT_HASH): ProjectCommand => ({
  type: 'RecordAgreementSigned',
  commandId: 'sign-1',
  occurredAt: paris('2026-12-01', '10:00'),
  data: { projectId, signatoryRole: 'president', documentHash },
});
const payBalance: ProjectCommand = {
  type: 'PayBalance',
  commandId: 'balance-1',
  occurredAt: paris('2027-10-01'),
  data: { projectId, paymentId: 'pay-2', amount: 329_380 },
};
const validated = [...approvedProject(), advancePaid(), bilanFiled(), bilanValidated()];

describe('R-NOTIFY: sending a letter is a fact with its date and the hash of the document sent', () => {
  it('R-NOTIFY: the letter as rendered, with its hash, is recorded as sent on its day', () => {
    spec
      .given(approvedProject())
      .when(notify(), { letter })
      .then([
        {
          type: 'NotificationSent',
          schemaVersion: 1,
          occurredAt: paris('2026-10-06', '09:00'),
          data: {
            ...PROJECT,
            letterId: 'dec-1',
            decisionId: 'dec-1',
            channel: 'email',
            recipientId: 'rcpt-op-1',
            documentHash: DOCUMENT_HASH,
            sentOn: d('2026-10-06'),
          },
        },
      ]);
  });

  it("R-NOTIFY: a hash that is not the rendered document's is refused, naming the field", () => {
    const rejection = spec.given(approvedProject()).when(notify(OTHER_HASH), { letter }).thenRejected('DOCUMENT_HASH_MISMATCH', 'R-NOTIFY');
    expect(rejection.details).toMatchObject({ field: 'documentHash', expected: DOCUMENT_HASH, given: OTHER_HASH });
  });

  it('R-NOTIFY: a letter the log does not call for is refused', () => {
    spec.given(approvedProject()).when(notify(DOCUMENT_HASH, 'dec-9'), { letter: null }).thenRejected('LETTER_UNKNOWN', 'R-NOTIFY');
  });

  it('R-NOTIFY: a refusal is notified like an approval', () => {
    spec.given([filed(), examinationOpened(), refused()]).when(notify(), { letter }).thenAccepted();
  });

  it('R-NOTIFY: letter ids are derived from the decision (its corrections numbered from 1)', () => {
    expect(decisionLetterId('dec-1')).toBe('dec-1');
    expect(correctionLetterId('dec-1', 2)).toBe('dec-1-rectificatif-2');
    expect(annualAgreementId('dec-1')).toBe('dec-1-convention-annuelle');
  });
});

describe('R-AGREEMENT-ANNUAL: the balance is paid only under a signed agreement or a convention', () => {
  it('R-AGREEMENT-ANNUAL: PayBalance without a signed agreement nor a convention covering the year is refused', () => {
    const rejection = spec
      .given(validated)
      .when(payBalance, { conventionCoveringYear: null })
      .thenRejected('NO_SIGNED_AGREEMENT', 'R-AGREEMENT-ANNUAL');
    expect(rejection.details).toMatchObject({ schoolYear: PROJECT.schoolYear });
  });

  it('R-AGREEMENT-ANNUAL: PayBalance under a multi-year convention covering the year is accepted', () => {
    spec.given(validated).when(payBalance, { conventionCoveringYear: 'conv-1' }).thenAccepted();
  });

  it('R-AGREEMENT-ANNUAL: PayBalance after the annual agreement is signed is accepted (no convention looked up)', () => {
    spec
      .given([...validated, agreementSigned()])
      .when(payBalance, {})
      .thenAccepted();
  });

  it('R-AGREEMENT-ANNUAL: the agreement drawn from the approval is signed, with its hash, once', () => {
    const context: ProjectContext = { agreement, conventionCoveringYear: null };
    const [signed] = spec.given(approvedProject()).when(sign(), context).thenAccepted();
    expect(signed!.data).toMatchObject({ agreementId: 'dec-1-convention-annuelle', signatoryRole: 'president', signedOn: '2026-12-01' });
    spec
      .given([...approvedProject(), signed!])
      .when(sign(), context)
      .thenRejected('AGREEMENT_ALREADY_SIGNED', 'R-AGREEMENT-ANNUAL');
    spec.given(approvedProject()).when(sign(OTHER_HASH), context).thenRejected('DOCUMENT_HASH_MISMATCH', 'R-AGREEMENT-ANNUAL');
  });

  it('R-AGREEMENT-ANNUAL: no annual agreement without an approval, nor under a convention covering the year', () => {
    spec
      .given([filed(), examinationOpened(), refused()])
      .when(sign(), { agreement: null, conventionCoveringYear: null })
      .thenRejected('AGREEMENT_WITHOUT_APPROVAL', 'R-AGREEMENT-ANNUAL');
    spec
      .given(approvedProject())
      .when(sign(), { agreement, conventionCoveringYear: 'conv-1' })
      .thenRejected('AGREEMENT_NOT_NEEDED', 'R-AGREEMENT-ANNUAL');
  });

  it('R-AGREEMENT-ANNUAL: a convention covers the school years of its period only', () => {
    const period = { startSchoolYear: schoolYear('2025-2026'), years: 3 };
    expect(periodCoversSchoolYear(period, schoolYear('2024-2025'))).toBe(false);
    expect(periodCoversSchoolYear(period, schoolYear('2025-2026'))).toBe(true);
    expect(periodCoversSchoolYear(period, schoolYear('2027-2028'))).toBe(true);
    expect(periodCoversSchoolYear(period, schoolYear('2028-2029'))).toBe(false);
  });
});
