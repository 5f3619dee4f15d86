/**
 * Which streams belong to a question. Stream ids are opaque (`project-<id>`, `collectif-<id>`),
 * so the reader asks this directory which aggregates hang together. Entries are written once,
 * from each aggregate's first event, and never change (a collectif belongs to one project
 * forever), so the directory is safe for any past date: the time filters (`at`, `knownAt`) are
 * applied to the events themselves, never to the directory. An aggregate listed here whose
 * events were recorded after `knownAt` simply contributes nothing to the fold.
 *
 * Every method returns aggregate ids (turn them into stream ids with the domain's helpers),
 * sorted, and [] / null for an unknown owner.
 */
export interface ProjectEntry {
  projectId: string;
  operatorId: string;
  cafCode: string;
  schoolYear: string;
}

export interface ConventionEntry {
  conventionId: string;
  operatorId: string;
  cafCode: string;
  projectIds: string[];
}

export interface StreamDirectory {
  /**
   * Reads what was appended since the directory's checkpoint. The reader calls it before every
   * answer, so a stream written just before the question is never missed (read-your-writes).
   */
  catchUp(): Promise<void>;
  project(projectId: string): Promise<ProjectEntry | null>;
  collectifsOfProject(projectId: string): Promise<string[]>;
  projectsOfCampaign(cafCode: string, schoolYear: string): Promise<string[]>;
  projectsOfOperator(operatorId: string): Promise<string[]>;
  convention(conventionId: string): Promise<ConventionEntry | null>;
  conventionsOfOperator(operatorId: string): Promise<string[]>;
}

/**
 * The event types that open an aggregate: the only ones a directory needs to scan. Every type a
 * decider may emit on an empty project, collectif or convention stream belongs here, or that
 * aggregate is invisible to the directory (and so to the API and the rebuild) while the live
 * projector, which also takes any stream's version 0, lists it: a declaration of
 * non-receivability can be the first and only event of a project (R-LIFE-1).
 */
export const DIRECTORY_EVENT_TYPES = [
  'ProjectDrafted',
  'ApplicationFiled',
  'ApplicationFoundNotReceivable',
  'CollectifOpened',
  'ConventionRequested',
  // A committee stream opens with its orientations or a meeting (R-COMMITTEE-MEETING); the rebuild must scan them as the live projector sees them.
  'CommitteeOrientationsSet',
  'CommitteeMeetingScheduled',
  'CommitteeMeetingHeld',
] as const;
