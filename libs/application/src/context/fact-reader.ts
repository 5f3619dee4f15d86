import {
  type CampaignParameters,
  type EnvelopeContext,
  type CollectifRef,
  type ProjectRef,
  type CommitteeState,
  type OperatorState,
  type ProjectState,
  type SchoolYear,
  campaignDecider,
  campaignStreamId,
  collectifStreamId,
  conventionCoversSchoolYear,
  conventionDecider,
  conventionStreamId,
  committeeDecider,
  committeeStreamId,
  isAggregateId,
  isCafCode,
  isSchoolYear,
  operatorDecider,
  operatorStreamId,
  projectCommitment,
  projectDecider,
  projectStreamId,
  sourced,
} from '@clas/domain';
import type { EventStore } from '@clas/event-store';
import type { LetterSources } from '@clas/projections/letters';
import type { OperatorProjectDirectory } from './operator-project-directory.port.js';
import type { PersonClaim, PersonRecordOwners } from '../scope/person-claims.js';
import type { PersonDirectory } from '../scope/person-directory.js';
import { loadAggregate } from '../stream-fold.js';

/**
 * What the context providers read of OTHER streams than the one being decided: each fact is
 * folded from its own stream with the domain's evolve (never from a read model, which may lag).
 * Malformed keys read as "absent": the decider's own input checks then name the bad field.
 */
export class FactReader {
  constructor(
    private readonly store: EventStore,
    private readonly directory: OperatorProjectDirectory,
    private readonly persons: PersonDirectory,
    private readonly personRecords: PersonRecordOwners | null,
  ) {}

  /** Parameters in force of `campaign-<caf>-<year>`; null when it is not open (or the key is malformed). */
  async campaignParameters(cafCode: unknown, schoolYear: unknown): Promise<CampaignParameters | null> {
    if (!isCafCode(cafCode) || !isSchoolYear(schoolYear)) return null;
    const { state } = await loadAggregate(this.store, campaignDecider, campaignStreamId(cafCode, schoolYear));
    return state.status === 'open' ? state.parameters : null;
  }

  /** The committee of a Caf and school year (R-COMMITTEE-MEETING); its initial state when nothing was recorded (or the key is malformed). */
  async committee(cafCode: unknown, schoolYear: unknown): Promise<CommitteeState> {
    if (!isCafCode(cafCode) || !isSchoolYear(schoolYear)) return committeeDecider.initialState();
    const { state } = await loadAggregate(this.store, committeeDecider, committeeStreamId(cafCode, schoolYear));
    return state;
  }

  /**
   * R-BUDGET-ENVELOPE: the envelope of `campaign-<caf>-<year>` and what the campaign's approved
   * projects other than `exceptProjectId` commit (each folded from its own stream, decision in
   * force, with the shared commitment rule); null when the campaign has no envelope (no check).
   * The read spans streams that the append does not lock: two approvals of the same campaign
   * decided at the same instant could each fit alone. The envelope answer then shows the excess
   * (a negative `remaining`); the committee's decisions come one at a time in practice.
   */
  async envelope(cafCode: string, schoolYear: SchoolYear, exceptProjectId: string): Promise<EnvelopeContext | null> {
    const { state } = await loadAggregate(this.store, campaignDecider, campaignStreamId(cafCode, schoolYear));
    if (state.status !== 'open' || state.envelope === null) return null;
    await this.directory.catchUp();
    const ids = (await this.directory.projectsOfCampaign(cafCode, schoolYear)).filter((id) => id !== exceptProjectId);
    let committedByOthers = 0;
    for (const id of ids) {
      const project = await this.project(id);
      const terms = project?.decision?.terms;
      // isApproved's test, spelled out so that the approval's terms are typed.
      if (!project || project.status === 'withdrawn' || project.application === null || terms?.outcome !== 'approved') continue;
      committedByOthers += projectCommitment({
        projectId: id,
        parameters: state.parameters,
        approval: terms,
        decisionEventIds: [],
        localFunds: sourced(project.application.content.budget.otherCafFunding),
      }).total;
    }
    return { envelope: state.envelope, parameters: state.parameters, committedByOthers };
  }

  /** A project's folded state; null when it has no history. */
  async project(projectId: unknown): Promise<ProjectState | null> {
    if (!isAggregateId(projectId)) return null;
    const { state } = await loadAggregate(this.store, projectDecider, projectStreamId(projectId));
    return state.ref === null ? null : state;
  }

  async operator(operatorId: unknown): Promise<Extract<OperatorState, { status: 'registered' }> | null> {
    if (!isAggregateId(operatorId)) return null;
    const { state } = await loadAggregate(this.store, operatorDecider, operatorStreamId(operatorId));
    return state.status === 'registered' ? state : null;
  }

  /** Where a collectif belongs (its project, operator, Caf, year): its opening event, the only one read; null when it was never opened. */
  async collectif(collectifId: unknown): Promise<CollectifRef | null> {
    if (!isAggregateId(collectifId)) return null;
    const [opened] = await this.store.readStream(collectifStreamId(collectifId), { toVersion: 0 });
    if (opened === undefined || opened.type !== 'CollectifOpened') return null;
    const { projectId, operatorId, cafCode, schoolYear } = opened.data as CollectifRef;
    return { collectifId, projectId, operatorId, cafCode, schoolYear };
  }

  /** R-NOTIFY: the streams a project's letters are rendered from (its own, its campaign's, its operator's). */
  async letterSources(ref: ProjectRef): Promise<LetterSources> {
    const [project, campaign, operator] = await Promise.all([
      this.store.readStream(projectStreamId(ref.projectId)),
      this.store.readStream(campaignStreamId(ref.cafCode, ref.schoolYear)),
      this.store.readStream(operatorStreamId(ref.operatorId)),
    ]);
    return { project, campaign, operator };
  }

  /**
   * R-AGREEMENT-ANNUAL: the signed multi-year convention of the operator whose period covers the
   * school year (a convention terminated before the year began covers nothing of it), or null.
   */
  async conventionCoveringYear(operatorId: string, schoolYear: SchoolYear): Promise<string | null> {
    await this.directory.catchUp();
    for (const conventionId of await this.directory.conventionsOfOperator(operatorId)) {
      const { state } = await loadAggregate(this.store, conventionDecider, conventionStreamId(conventionId));
      if (state.operatorId === operatorId && conventionCoversSchoolYear(state, schoolYear)) return conventionId;
    }
    return null;
  }

  /** Whom a person id is reserved for: its operator in the log first, else its personal-data record (when the bus was given the store). */
  async personClaim(personId: string): Promise<PersonClaim | null> {
    const owner = await this.persons.ownerOf(personId);
    if (owner !== null) return { cafCode: owner.cafCode, operatorId: owner.operatorId };
    const record = await this.personRecords?.get(personId);
    return record ? { cafCode: record.cafCode, operatorId: record.operatorId } : null;
  }

  /** The operator's projects (ids from the stream directory, caught up first so a project filed a moment ago counts). */
  async projectsOfOperator(operatorId: string): Promise<ProjectState[]> {
    await this.directory.catchUp();
    const ids = await this.directory.projectsOfOperator(operatorId);
    const projects = await Promise.all(ids.map((id) => this.project(id)));
    return projects.filter((p): p is ProjectState => p !== null);
  }
}

/** The effective committee decision is an approval and the project was not withdrawn afterwards (R-CONV-SUPPORT). */
export const isApproved = (project: ProjectState): boolean =>
  project.status !== 'withdrawn' && project.decision?.terms.outcome === 'approved';

/**
 * R-CONV-SUPPORT: distinct school years before `before` in which the operator had a project
 * approved. A refusal, a withdrawal or an approval corrected into something else does not count.
 */
export function priorApprovedSchoolYears(projects: readonly ProjectState[], before: SchoolYear): number {
  return new Set(projects.filter((p) => p.ref !== null && p.ref.schoolYear < before && isApproved(p)).map((p) => p.ref!.schoolYear)).size;
}

/** R-LIFE-2 / R-CONV-2: "received" = a bilan was filed (one BilanFiled carries the three parts), even if later returned for correction. */
export const bilanReceived = (project: ProjectState): boolean => project.bilan !== null;
