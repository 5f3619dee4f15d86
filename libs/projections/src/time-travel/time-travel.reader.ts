import type { CommitteeState, ConventionState, RecordedEvent } from '@clas/domain';
import {
  campaignStreamId,
  collectifStreamId,
  committeeStreamId,
  conventionStreamId,
  isCafCode,
  isSchoolYear,
  operatorStreamId,
  projectStreamId,
} from '@clas/domain';
import type { EventStore } from '@clas/event-store';
import type { AsOf, KeyedFold } from '../core/keyed-fold.js';
import { foldAsOf, mergeByPosition } from '../core/keyed-fold.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';
import { campaignFold, campaignKey } from '../folds/campaign.fold.js';
import { committeeFold, committeeKey } from '../folds/committee.fold.js';
import { conventionFold } from '../folds/convention.fold.js';
import type { OperatorFoldState } from '../folds/operator.fold.js';
import { operatorFold } from '../folds/operator.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import { projectFold } from '../folds/project.fold.js';
import type { ProjectEntry, StreamDirectory } from './stream-directory.port.js';

/** What a project question needs, folded at the date. */
export interface ProjectScope {
  entry: ProjectEntry;
  project: ProjectFoldState;
  campaign: CampaignFoldState;
  /** The operator's own stream only (coordinator, declarations): enough for eligibility. */
  operator: OperatorFoldState;
  /** The events of the project's streams (project + collectifs) visible at the date, in recorded order. */
  events: RecordedEvent[];
}

export interface DepartmentScope {
  campaign: CampaignFoldState;
  projects: ProjectFoldState[];
  operators: Record<string, OperatorFoldState>;
}

export interface ConventionScope {
  convention: ConventionState;
  /** Folded over the operator's stream AND its projects' streams: the approval history (R-CONV-SUPPORT). */
  operator: OperatorFoldState;
  projects: ProjectFoldState[];
  campaigns: Record<string, CampaignFoldState>;
}

/**
 * Time travel (architecture.md): a question reads only the streams it needs, each with
 * `recordedUpTo: knownAt` (what existed then), merges them in recorded (global) order and
 * folds with `at` on occurredAt. A correction recorded later about an earlier date therefore
 * changes the answer only for knownAt ≥ its recording (domain.md §9, example 3).
 * The directory is caught up first, so a stream written just before the question is seen.
 */
export class TimeTravelReader {
  constructor(
    private readonly store: EventStore,
    private readonly directory: StreamDirectory,
  ) {}

  /** Events of several streams known at `knownAt`, in recorded order. */
  async readStreams(streamIds: readonly string[], knownAt: string): Promise<RecordedEvent[]> {
    // Each stream is already ordered; one sort by global position interleaves them as recorded.
    return mergeByPosition(await Promise.all(streamIds.map((id) => this.store.readStream(id, { recordedUpTo: knownAt }))));
  }

  /** The stream ids of a project: its own and its collectifs'. */
  async projectStreamIds(projectId: string): Promise<string[]> {
    const collectifs = await this.directory.collectifsOfProject(projectId);
    return [projectStreamId(projectId), ...collectifs.map(collectifStreamId)];
  }

  async project(projectId: string, asOf: AsOf): Promise<ProjectScope | null> {
    await this.directory.catchUp();
    const entry = await this.directory.project(projectId);
    if (!entry) return null;
    const [events, campaign, operator] = await Promise.all([
      this.projectStreamIds(projectId).then((ids) => this.readStreams(ids, asOf.knownAt)),
      this.campaign(entry.cafCode, entry.schoolYear, asOf),
      this.foldStreams(operatorFold, entry.operatorId, [operatorStreamId(entry.operatorId)], asOf),
    ]);
    const visible = events.filter((e) => e.occurredAt <= asOf.at);
    return { entry, project: foldAsOf(projectFold, projectId, visible, asOf), campaign, operator, events: visible };
  }

  async department(cafCode: string, schoolYear: string, asOf: AsOf): Promise<DepartmentScope | null> {
    if (!isCafCode(cafCode) || !isSchoolYear(schoolYear)) return null;
    await this.directory.catchUp();
    const projectIds = await this.directory.projectsOfCampaign(cafCode, schoolYear);
    const campaign = await this.campaign(cafCode, schoolYear, asOf);
    // One project at a time: its events are parsed, folded and dropped before the next read, so
    // they die young (cheap scavenges) instead of the whole department's events living at once.
    const projects: ProjectFoldState[] = [];
    for (const id of projectIds) projects.push(await this.foldStreams(projectFold, id, await this.projectStreamIds(id), asOf));
    if (campaign.parameters === null && campaign.eventIds.length === 0 && projects.length === 0) return null;
    const operatorIds = [...new Set(projects.flatMap((p) => (p.ref ? [p.ref.operatorId] : [])))].sort();
    const operators: Record<string, OperatorFoldState> = {};
    for (const id of operatorIds) {
      const o = await this.foldStreams(operatorFold, id, [operatorStreamId(id)], asOf);
      operators[o.operatorId] = o;
    }
    return { campaign, projects, operators };
  }

  async convention(conventionId: string, asOf: AsOf): Promise<ConventionScope | null> {
    await this.directory.catchUp();
    const entry = await this.directory.convention(conventionId);
    if (!entry) return null;
    const operatorProjects = await this.directory.projectsOfOperator(entry.operatorId);
    // The operator's history folds its own stream and every project stream of the operator.
    const [convention, operator, projects] = await Promise.all([
      this.foldStreams(conventionFold, conventionId, [conventionStreamId(conventionId)], asOf),
      this.foldStreams(
        operatorFold,
        entry.operatorId,
        [operatorStreamId(entry.operatorId), ...operatorProjects.map(projectStreamId)],
        asOf,
      ),
      Promise.all(entry.projectIds.map((id) => this.foldStreams(projectFold, id, [projectStreamId(id)], asOf))),
    ]);
    const campaignKeys = new Map<string, { cafCode: string; schoolYear: string }>();
    for (const p of projects)
      if (p.ref) campaignKeys.set(campaignKey(p.ref.cafCode, p.ref.schoolYear), { cafCode: p.ref.cafCode, schoolYear: p.ref.schoolYear });
    const start = convention.signed?.period.startSchoolYear ?? convention.requested?.period.startSchoolYear ?? null;
    if (start) campaignKeys.set(campaignKey(entry.cafCode, start), { cafCode: entry.cafCode, schoolYear: start });
    const campaignStates = await Promise.all([...campaignKeys.values()].map((k) => this.campaign(k.cafCode, k.schoolYear, asOf)));
    const campaigns: Record<string, CampaignFoldState> = {};
    for (const c of campaignStates) campaigns[c.key] = c;
    return { convention, operator, projects, campaigns };
  }

  /** The conventions of an operator, each folded at the date (R-AGREEMENT-ANNUAL: does one cover a project's year?). */
  async conventionsOfOperator(operatorId: string, asOf: AsOf): Promise<ConventionState[]> {
    await this.directory.catchUp();
    const ids = await this.directory.conventionsOfOperator(operatorId);
    return Promise.all(ids.map((id) => this.foldStreams(conventionFold, id, [conventionStreamId(id)], asOf)));
  }

  /** The committee of a Caf and year at the date; null when nothing of it is known then (or the key is malformed). */
  async committee(cafCode: string, schoolYear: string, asOf: AsOf): Promise<CommitteeState | null> {
    if (!isCafCode(cafCode) || !isSchoolYear(schoolYear)) return null;
    const committee = await this.foldStreams(
      committeeFold,
      committeeKey(cafCode, schoolYear),
      [committeeStreamId(cafCode, schoolYear)],
      asOf,
    );
    return committee.ref === null ? null : committee;
  }

  async campaign(cafCode: string, schoolYear: string, asOf: AsOf): Promise<CampaignFoldState> {
    const key = campaignKey(cafCode, schoolYear);
    if (!isCafCode(cafCode) || !isSchoolYear(schoolYear)) return campaignFold.initial(key);
    return this.foldStreams(campaignFold, key, [campaignStreamId(cafCode, schoolYear)], asOf);
  }

  async foldStreams<S>(fold: KeyedFold<S>, key: string, streamIds: readonly string[], asOf: AsOf): Promise<S> {
    return foldAsOf(fold, key, await this.readStreams(streamIds, asOf.knownAt), asOf);
  }
}
