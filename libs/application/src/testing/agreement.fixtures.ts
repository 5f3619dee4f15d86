import { type ProjectRef, campaignStreamId, operatorStreamId, projectStreamId } from '@clas/domain';
import { paris } from '@clas/domain/testing';
import type { EventStore } from '@clas/event-store';
import { renderAgreement } from '@clas/projections/letters';
import type { ClasCommand } from '../clas-command.js';
import { nextCommandId } from './season.fixtures.js';

/**
 * R-AGREEMENT-ANNUAL, the one helper every story paying a balance uses: the RecordAgreementSigned
 * of a project approved in `store`, naming the agreement as rendered from its log (the hash the
 * decider checks). Async because the hash is the rendered PDF's; run it once the approval is in.
 */
export async function agreementSignature(store: EventStore, projectId = 'prj-1', occurredAt = paris('2026-12-01')): Promise<ClasCommand> {
  const projectEvents = await store.readStream(projectStreamId(projectId));
  const ref = projectEvents[0]?.data as ProjectRef | undefined;
  if (ref === undefined) throw new Error(`agreementSignature: project ${projectId} has no events`);
  const [campaign, operator] = await Promise.all([
    store.readStream(campaignStreamId(ref.cafCode, ref.schoolYear)),
    store.readStream(operatorStreamId(ref.operatorId)),
  ]);
  const rendered = await renderAgreement({ project: projectEvents, campaign, operator }, projectId);
  if (rendered === null) throw new Error(`agreementSignature: project ${projectId} has no approval to agree on`);
  return {
    type: 'RecordAgreementSigned',
    commandId: nextCommandId('agreement'),
    occurredAt,
    data: { projectId, signatoryRole: 'president', documentHash: rendered.documentHash },
  };
}
