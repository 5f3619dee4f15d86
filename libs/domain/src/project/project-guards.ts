import { invalid, rejectWith } from '../commands/input-validation.js';
import type { ProjectEvent, ProjectRef } from '../events/project.events.js';
import { type Decision, reject } from '../shared/result.js';
import type { ProjectState } from './project.state.js';

/** A project that exists in this stream and is the one the command names; otherwise the rejection. */
export function knownProject(state: ProjectState, projectId: string): ProjectRef | Decision<ProjectEvent> {
  if (state.ref === null) return reject('PROJECT_UNKNOWN', 'R-LIFE', `project ${projectId} has no history`, { projectId });
  if (state.ref.projectId !== projectId)
    return rejectWith(invalid('projectId', 'names another project than this stream', { expected: state.ref.projectId }));
  return state.ref;
}

/** The project is closed for business: not receivable, withdrawn, or refused. */
export function closedReason(state: ProjectState): string | null {
  if (state.status === 'not_receivable') return 'the application was found not receivable';
  if (state.status === 'withdrawn') return 'the application was withdrawn';
  if (state.status === 'decided' && state.decision?.terms.outcome === 'refused') return 'the committee refused the project';
  return null;
}
