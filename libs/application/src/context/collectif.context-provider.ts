import {
  type CollectifCommand,
  type CollectifContext,
  type CollectifEvent,
  type CollectifState,
  campaignStreamId,
  checkId,
  collectifDecider,
} from '@clas/domain';
import type { ProjectState } from '@clas/domain';
import { UNKNOWN_OWNER } from '../authorization.js';
import { type AggregateBinding, type ContextResult, missing, provided } from './aggregate-binding.js';
import type { FactReader } from './fact-reader.js';

/** Commands whose decider reads the campaign's parameters (group size, training, no-sport, recommended period). */
const NEEDS_CAMPAIGN: ReadonlySet<CollectifCommand['type']> = new Set(['EnrolChild', 'AssignStaff', 'RecordSession', 'CorrectSession']);

/** Not receivable, withdrawn or refused: no collectif opens on it. */
const isOpen = (project: ProjectState): boolean =>
  project.status !== 'not_receivable' &&
  project.status !== 'withdrawn' &&
  !(project.status === 'decided' && project.decision?.terms.outcome === 'refused');

/**
 * OpenCollectif needs its project (the bus has already resolved it as the collectif's owner, so
 * an unknown one never gets here: 403 to a scoped caller, 404 to `system`);
 * enrolments, staff and sessions need the parameters of the collectif's campaign. A collectif
 * exists only inside a filed project of an open campaign, so a missing campaign is a 404 too.
 */
async function collectifContext(
  command: CollectifCommand,
  state: CollectifState,
  facts: FactReader,
): Promise<ContextResult<CollectifContext>> {
  if (command.type === 'OpenCollectif') {
    const project = await facts.project(command.data.projectId);
    if (project === null || project.ref === null || project.schoolCycle === null) return missing('project', String(command.data.projectId));
    return provided({
      project: {
        ref: project.ref,
        schoolCycle: project.schoolCycle,
        plannedRefs: project.application?.content.collectifs.map((c) => c.ref) ?? [],
        open: isOpen(project),
      },
    });
  }
  if (!NEEDS_CAMPAIGN.has(command.type) || state.ref === null) return provided({});
  const campaign = await facts.campaignParameters(state.ref.cafCode, state.ref.schoolYear);
  return campaign === null ? missing('campaign', campaignStreamId(state.ref.cafCode, state.ref.schoolYear)) : provided({ campaign });
}

/** `collectif-<id>`: enrolments, staff, sessions, attendance. */
export const collectifBinding: AggregateBinding<CollectifCommand, CollectifEvent, CollectifState, CollectifContext | undefined> = {
  kind: 'collectif',
  decider: collectifDecider,
  creates: new Set(['OpenCollectif']),
  ownerOf: (state) => (state.ref === null ? null : { cafCode: state.ref.cafCode, operatorId: state.ref.operatorId }),
  // The new collectif belongs to its project's operator and Caf: the command names only the project.
  claimedOwner: (command) => (command.type === 'OpenCollectif' ? checkId(command.data.projectId, 'projectId') : UNKNOWN_OWNER),
  resolveOwner: async (command, _claimed, facts) => {
    const projectId = (command.data as { projectId?: unknown }).projectId;
    const project = await facts.project(projectId);
    return {
      what: 'project',
      id: String(projectId),
      owner: project?.ref ? { cafCode: project.ref.cafCode, operatorId: project.ref.operatorId } : null,
    };
  },
  context: collectifContext,
};
