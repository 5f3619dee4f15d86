import { isDecision, requireContext } from '../commands/command.js';
import { makeEvent } from '../events/catalogue.js';
import type { ProjectEvent } from '../events/project.events.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, reject } from '../shared/result.js';
import type { RecordAgreementSigned, RecordNotificationSent } from './project.commands.js';
import type { ProjectContext } from './project.context.js';
import { knownProject } from './project-guards.js';
import type { ProjectState } from './project.state.js';

/**
 * R-NOTIFY: sending is a fact with its date. The letter must be one the log renders (the context
 * renders it again), and the hash the one of that rendering: the log then proves WHICH document
 * went out, and anyone can render it again and compare.
 */
export function recordNotificationSent(
  command: RecordNotificationSent,
  state: ProjectState,
  context: ProjectContext,
): Decision<ProjectEvent> {
  const d = command.data;
  const ref = knownProject(state, d.projectId);
  if (isDecision(ref)) return ref;
  const letter = requireContext(context.letter, 'letter', command.type);
  if (letter === null)
    return reject('LETTER_UNKNOWN', 'R-NOTIFY', `project ${d.projectId} has no letter ${d.letterId}`, {
      field: 'letterId',
      letterId: d.letterId,
    });
  if (letter.letterId !== d.letterId)
    throw new Error(`${command.type}: context.letter is ${letter.letterId}, the command names ${d.letterId}`);
  if (letter.documentHash !== d.documentHash) {
    return reject('DOCUMENT_HASH_MISMATCH', 'R-NOTIFY', 'the document hash is not the one of the letter as rendered from the log', {
      field: 'documentHash',
      expected: letter.documentHash,
      given: d.documentHash,
    });
  }
  return accept(
    makeEvent(
      'NotificationSent',
      {
        ...ref,
        letterId: d.letterId,
        decisionId: letter.decisionId,
        channel: d.channel,
        recipientId: d.recipientId,
        documentHash: d.documentHash,
        sentOn: parisDateOf(command.occurredAt),
      },
      command.occurredAt,
    ),
  );
}

/**
 * R-AGREEMENT-ANNUAL: an operator without a multi-year convention covering the project's year
 * signs an annual agreement drawn from the approval; the signed document is named by its hash.
 */
export function recordAgreementSigned(
  command: RecordAgreementSigned,
  state: ProjectState,
  context: ProjectContext,
): Decision<ProjectEvent> {
  const d = command.data;
  const ref = knownProject(state, d.projectId);
  if (isDecision(ref)) return ref;
  const agreement = requireContext(context.agreement, 'agreement', command.type);
  if (agreement === null || state.status === 'withdrawn')
    return reject('AGREEMENT_WITHOUT_APPROVAL', 'R-AGREEMENT-ANNUAL', 'an annual agreement follows an approval of the committee', {
      status: state.status,
    });
  const convention = requireContext(context.conventionCoveringYear, 'conventionCoveringYear', command.type);
  if (convention !== null)
    return reject(
      'AGREEMENT_NOT_NEEDED',
      'R-AGREEMENT-ANNUAL',
      `the multi-year convention ${convention} covers ${ref.schoolYear}: no annual agreement is signed`,
      { conventionId: convention },
    );
  if (state.agreement !== null)
    return reject('AGREEMENT_ALREADY_SIGNED', 'R-AGREEMENT-ANNUAL', `the annual agreement was signed on ${state.agreement.signedOn}`, {
      agreementId: state.agreement.agreementId,
    });
  if (agreement.documentHash !== d.documentHash) {
    return reject(
      'DOCUMENT_HASH_MISMATCH',
      'R-AGREEMENT-ANNUAL',
      'the document hash is not the one of the agreement as rendered from the log',
      {
        field: 'documentHash',
        expected: agreement.documentHash,
        given: d.documentHash,
      },
    );
  }
  return accept(
    makeEvent(
      'AnnualAgreementSigned',
      {
        ...ref,
        agreementId: agreement.agreementId,
        decisionId: agreement.decisionId,
        signatoryRole: d.signatoryRole,
        documentHash: d.documentHash,
        signedOn: parisDateOf(command.occurredAt),
      },
      command.occurredAt,
    ),
  );
}
