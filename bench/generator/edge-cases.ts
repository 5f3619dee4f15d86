import { makeEvent, parisDateOf, projectStreamId, schoolYear } from '@clas/domain';
import type { GeneratedAppend } from './national-log.js';

/** The project of `notReceivableOnly`: Caf 01's first operator, in the generator's first school year. */
export const NOT_RECEIVABLE_ONLY = {
  projectId: 'prj-01-late-paper-file',
  operatorId: 'op-01-0',
  cafCode: '01',
  schoolYear: schoolYear('2025-2026'),
} as const;

/**
 * A project whose first and only event is a declaration of non-receivability (R-LIFE-1: a paper
 * file received after the deadline, never filed through the system). Once the live projector
 * listed it and the rebuild did not: logs that read-model tests compare carry it. Recorded at
 * `recordedAt` (keep the log's recorded order: the instant of the append before it), about a
 * file received the day before.
 */
export function notReceivableOnly(recordedAt: string): GeneratedAppend {
  const occurredAt = new Date(Date.parse(recordedAt) - 86_400_000).toISOString();
  const event = makeEvent(
    'ApplicationFoundNotReceivable',
    {
      ...NOT_RECEIVABLE_ONLY,
      reason: 'filed_after_deadline',
      ruleId: 'R-LIFE-1',
      explanation: 'paper file received after the deadline',
      declaredOn: parisDateOf(occurredAt),
    },
    occurredAt,
  );
  return {
    streamId: projectStreamId(NOT_RECEIVABLE_ONLY.projectId),
    recordedAt,
    events: [
      {
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        occurredAt,
        metadata: { actor: 'gen-caf_agent', role: 'caf_agent', caf: NOT_RECEIVABLE_ONLY.cafCode },
      },
    ],
  };
}
