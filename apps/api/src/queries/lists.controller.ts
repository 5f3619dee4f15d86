import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, canReadChildLevel } from '@clas/application';
import { parisDateOf } from '@clas/domain';
import type { Clock } from '@clas/event-store';
import {
  type CampaignList,
  type CollectifList,
  type CollectifListItem,
  type ConventionList,
  type ListPage,
  ListParameterError,
  ReadModelsUnavailableError,
  type OperatorList,
  type OperatorListItem,
  type ProjectList,
  type ReadModelQueries,
  WORKLISTS,
  type WorklistIndex,
  type WorklistPage,
  worklistNamed,
  worklistPage,
} from '@clas/projections';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CollectifPathParams } from '../collectifs/collectif-path.params.js';
import { AnswersWith } from '../contract/answers-with.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { ApiError, forbidden, notFound, validationFailed } from '../http/api-error.js';
import { OperatorPathParams } from '../operators/operator-path.params.js';
import { CLOCK, READ_MODELS } from '../tokens.js';
import {
  CampaignListQueryDto,
  ConventionListQueryDto,
  OperatorListQueryDto,
  PageQueryDto,
  ProjectListQueryDto,
  WorklistPathParams,
} from './lists.query.dto.js';
import { ProjectPathParams } from './query-params.dto.js';
import { ReadScope, listScopeOf } from './read-scope.js';
import { DETAIL_READERS, LIST_READERS } from './readers.js';

/** How long `minPosition` waits for the read model before answering with what it has. */
const MIN_POSITION_WAIT_MS = 2_000;

/**
 * Lists, details and worklists served from the read-model tables (issue 13): one indexed query
 * per page, never a fold of the log. Each page says the read model's position and `asOf`;
 * `minPosition` waits briefly for a position (read your own write). The reader's scope is
 * forced under its filters (listScopeOf): an operator lists only its own; dashboards read
 * aggregates only, so they get campaigns and operators but no project-level list.
 */
@ApiTags('lists')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller()
export class ListsController {
  constructor(
    @Inject(READ_MODELS) private readonly lists: ReadModelQueries,
    private readonly scope: ReadScope,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('campaigns')
  @Roles(...LIST_READERS)
  @ApiOperation({ operationId: 'listCampaigns', summary: 'Campaigns (by Caf, school year, status), by Caf and year' })
  @AnswersWith('CampaignList', 'A page of campaigns, each linking to its projects and departmental bilan')
  async campaigns(@Query() query: CampaignListQueryDto, @CurrentActor() actor: Actor): Promise<CampaignList> {
    const scope = listScopeOf(actor);
    return this.paged(query, () => this.lists.campaigns(query, { cafCode: scope.cafCode, operatorId: null }));
  }

  @Get('operators')
  @Roles(...LIST_READERS)
  @ApiOperation({ operationId: 'listOperators', summary: 'Operators (by Caf, kind, name search); an operator sees itself' })
  @AnswersWith('OperatorList', 'A page of operators (registered names: legal entities)')
  async operators(@Query() query: OperatorListQueryDto, @CurrentActor() actor: Actor): Promise<OperatorList> {
    return this.paged(query, () => this.lists.operators(query, listScopeOf(actor)));
  }

  @Get('operators/:operatorId')
  @Roles(...LIST_READERS)
  @ApiOperation({ operationId: 'operatorDetail', summary: 'One operator: registered name, kind, Caf' })
  @AnswersWith('OperatorListItem', 'The operator')
  @ApiErrorResponses(404)
  async operator(@Param() path: OperatorPathParams, @CurrentActor() actor: Actor): Promise<OperatorListItem> {
    const item = await served(() => this.lists.operator(path.operatorId));
    this.scope.row(actor, item && { cafCode: item.cafCode, operatorId: item.operatorId }, 'operator', path.operatorId, false);
    return item!;
  }

  @Get('projects')
  @Roles(...DETAIL_READERS)
  @ApiOperation({
    operationId: 'listProjects',
    summary: 'Projects (by Caf, school year, operator, status, eligibility, commune/EPCI, rural/QPV, cycle, title text)',
  })
  @AnswersWith('ProjectList', 'A page of projects, each linking to its detail')
  async projects(@Query() query: ProjectListQueryDto, @CurrentActor() actor: Actor): Promise<ProjectList> {
    return this.paged(query, () => this.lists.projects(query, listScopeOf(actor)));
  }

  @Get('projects/:projectId/collectifs')
  @Roles(...DETAIL_READERS)
  @ApiOperation({ operationId: 'listProjectCollectifs', summary: "A project's opened collectifs (counts only)" })
  @AnswersWith('CollectifList', 'A page of collectifs')
  @ApiErrorResponses(404)
  async collectifs(@Param() path: ProjectPathParams, @Query() query: PageQueryDto, @CurrentActor() actor: Actor): Promise<CollectifList> {
    await this.scope.project(actor, path.projectId);
    return this.paged(query, () => this.lists.collectifs(path.projectId, query, listScopeOf(actor)));
  }

  @Get('collectifs/:collectifId')
  @Roles(...DETAIL_READERS)
  @ApiOperation({ operationId: 'collectifDetail', summary: 'One collectif: level, place, children enrolled, staff, sessions held' })
  @AnswersWith('CollectifListItem', 'The collectif')
  @ApiErrorResponses(404)
  async collectif(@Param() path: CollectifPathParams, @CurrentActor() actor: Actor): Promise<CollectifListItem> {
    const item = await served(() => this.lists.collectif(path.collectifId));
    this.scope.row(actor, item && { cafCode: item.cafCode, operatorId: item.operatorId }, 'collectif', path.collectifId, true);
    return item!;
  }

  @Get('conventions')
  @Roles(...DETAIL_READERS)
  @ApiOperation({ operationId: 'listConventions', summary: 'Multi-year conventions (by Caf, operator, status)' })
  @AnswersWith('ConventionList', 'A page of conventions, each linking to its R-CONV-4 view')
  async conventions(@Query() query: ConventionListQueryDto, @CurrentActor() actor: Actor): Promise<ConventionList> {
    return this.paged(query, () => this.lists.conventions(query, listScopeOf(actor)));
  }

  @Get('worklists')
  @Roles(...DETAIL_READERS)
  @ApiOperation({ operationId: 'worklists', summary: 'The worklists this reader may open' })
  @AnswersWith('WorklistIndex', 'Name, audience, list filtered, description and link of each worklist')
  async worklists(@CurrentActor() actor: Actor): Promise<WorklistIndex> {
    listScopeOf(actor);
    return {
      worklists: WORKLISTS.filter((w) => mayOpen(actor, w.audience)).map((w) => ({
        name: w.name,
        audience: w.audience,
        over: w.over,
        description: w.description,
        href: `/worklists/${w.name}`,
      })),
    };
  }

  @Get('worklists/:name')
  @Roles(...DETAIL_READERS)
  @ApiOperation({
    operationId: 'worklist',
    summary:
      "A worklist: a Caf agent's (to examine, incomplete, decisions, advances, bilans due or late, decisions not notified, balances, recoveries, amendments, renewals awaited) or an operator's (what it owes, renewal letters, what the Caf owes it)",
  })
  @AnswersWith('WorklistPage', 'A page of the list the worklist filters, scoped to the reader')
  async worklist(@Param() path: WorklistPathParams, @Query() query: PageQueryDto, @CurrentActor() actor: Actor): Promise<WorklistPage> {
    const worklist = worklistNamed(path.name);
    if (worklist === undefined) throw notFound('worklist', path.name);
    if (!mayOpen(actor, worklist.audience)) throw forbidden(`${actor.role} ${actor.id} may not open the Caf worklist ${worklist.name}`);
    // Lateness (R-BILAN-DUE) and renewal deadlines (R-LIFE-DATES) are judged on the Paris day of the API clock when the worklist is read.
    const today = parisDateOf(this.clock.now().toISOString());
    return this.paged(query, () => worklistPage(this.lists, worklist, query, listScopeOf(actor), today));
  }

  /** minPosition, then the page; a bad cursor (judged by the query layer) is a 400 naming it. */
  private paged<P extends ListPage<unknown>>(query: PageQueryDto, read: () => Promise<P>): Promise<P> {
    return served(async () => {
      const reached = query.minPosition === undefined ? undefined : await this.lists.waitFor(query.minPosition, MIN_POSITION_WAIT_MS);
      const page = await read();
      return reached === undefined ? page : { ...page, minPositionReached: reached };
    });
  }
}

/** The query layer's expected failures as HTTP: a bad cursor or limit 400 naming it, tables not there yet 503. */
async function served<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ListParameterError) throw validationFailed([{ field: error.parameter, message: error.message }]);
    if (error instanceof ReadModelsUnavailableError) throw new ApiError(503, 'SERVICE_UNAVAILABLE', error.message);
    throw error;
  }
}

/** The Caf's worklists are not an operator's; an operator's (what it owes) the Caf side may read too. */
function mayOpen(actor: Actor, audience: 'caf' | 'operator'): boolean {
  return canReadChildLevel(actor) && (audience === 'operator' || actor.role !== 'operator');
}
