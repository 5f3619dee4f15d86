import { type EventStore, LogFollower, type StoredEvent } from '@clas/event-store';
import type { ConventionEntry, ProjectEntry, StreamDirectory } from './stream-directory.port.js';
import { DIRECTORY_EVENT_TYPES } from './stream-directory.port.js';

const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

/**
 * The directory kept in memory, caught up by scanning the log for the few "first event" types
 * from its own checkpoint. Good for tests, the CLI and a single API process; the projector's
 * TypeORM implementation has the same interface.
 */
export class InMemoryStreamDirectory implements StreamDirectory {
  private readonly follower: LogFollower;
  private readonly projects = new Map<string, ProjectEntry>();
  private readonly collectifsByProject = new Map<string, Set<string>>();
  private readonly projectsByCampaign = new Map<string, Set<string>>();
  private readonly projectsByOperator = new Map<string, Set<string>>();
  private readonly conventions = new Map<string, ConventionEntry>();
  private readonly conventionsByOperator = new Map<string, Set<string>>();

  constructor(store: EventStore, pageSize = 1000) {
    this.follower = new LogFollower(store, DIRECTORY_EVENT_TYPES, (event) => this.add(event), pageSize);
  }

  /** Last global position scanned. */
  get position(): number {
    return this.follower.position;
  }

  catchUp(): Promise<void> {
    return this.follower.catchUp();
  }

  private add(event: StoredEvent): void {
    switch (event.type) {
      case 'ProjectDrafted':
      case 'ApplicationFiled':
      case 'ApplicationFoundNotReceivable': {
        const { projectId, operatorId, cafCode, schoolYear } = event.data as ProjectEntry;
        if (!this.projects.has(projectId)) this.projects.set(projectId, { projectId, operatorId, cafCode, schoolYear });
        addTo(this.projectsByCampaign, `${cafCode}:${schoolYear}`, projectId);
        addTo(this.projectsByOperator, operatorId, projectId);
        return;
      }
      case 'CollectifOpened': {
        const { collectifId, projectId } = event.data as { collectifId: string; projectId: string };
        addTo(this.collectifsByProject, projectId, collectifId);
        return;
      }
      case 'ConventionRequested': {
        const { conventionId, operatorId, cafCode, projectIds } = event.data as ConventionEntry;
        if (!this.conventions.has(conventionId))
          this.conventions.set(conventionId, { conventionId, operatorId, cafCode, projectIds: [...projectIds] });
        addTo(this.conventionsByOperator, operatorId, conventionId);
        return;
      }
      default:
        return;
    }
  }

  async project(projectId: string): Promise<ProjectEntry | null> {
    return this.projects.get(projectId) ?? null;
  }

  async collectifsOfProject(projectId: string): Promise<string[]> {
    return sorted(this.collectifsByProject.get(projectId) ?? []);
  }

  async projectsOfCampaign(cafCode: string, schoolYear: string): Promise<string[]> {
    return sorted(this.projectsByCampaign.get(`${cafCode}:${schoolYear}`) ?? []);
  }

  async projectsOfOperator(operatorId: string): Promise<string[]> {
    return sorted(this.projectsByOperator.get(operatorId) ?? []);
  }

  async convention(conventionId: string): Promise<ConventionEntry | null> {
    const entry = this.conventions.get(conventionId);
    return entry ? { ...entry, projectIds: [...entry.projectIds] } : null;
  }

  async conventionsOfOperator(operatorId: string): Promise<string[]> {
    return sorted(this.conventionsByOperator.get(operatorId) ?? []);
  }
}

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (set) set.add(value);
  else index.set(key, new Set([value]));
}
