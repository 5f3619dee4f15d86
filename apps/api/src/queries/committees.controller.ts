import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@clas/application';
import type { Clock } from '@clas/event-store';
import type { CommitteeAnswer, CommitteeMeetingAnswer, MeetingRankingAnswer } from '@clas/projections';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnswersWith } from '../contract/answers-with.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CommitteeMeetingPathParams, CommitteePathParams } from '../committees/committee-path.params.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { CLOCK, QUERIES } from '../tokens.js';
import { AsOfQueryDto } from './as-of.query.dto.js';
import { asOfOfQuery } from './as-of.http.js';
import type { ClasQueriesPort } from './clas-queries.port.js';
import { valueOf } from './query-result.js';
import { ReadScope } from './read-scope.js';
import { COMMITTEE_READERS } from './readers.js';

/** The committee of a Caf and school year at any date (`at`, `knownAt`): departmental, so never an operator's. */
@ApiTags('committees')
@ApiBearerAuth()
@Controller('committees')
export class CommitteesController {
  constructor(
    @Inject(QUERIES) private readonly queries: ClasQueriesPort,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scope: ReadScope,
  ) {}

  @Get(':cafCode/:schoolYear')
  @Roles(...COMMITTEE_READERS)
  @ApiOperation({
    operationId: 'committeeView',
    summary: "R-COMMITTEE-ORIENTATIONS, R-COMMITTEE-MEETING: the year's orientations and the meetings, each with the decisions taken in it",
  })
  @AnswersWith('CommitteeAnswer', 'The committee at the date')
  @ApiErrorResponses(400, 401, 403, 404)
  async view(@Param() path: CommitteePathParams, @Query() query: AsOfQueryDto, @CurrentActor() actor: Actor): Promise<CommitteeAnswer> {
    const asOf = asOfOfQuery(query, this.clock.now());
    this.scope.department(actor, path.cafCode);
    return valueOf(await this.queries.committee(path.cafCode, path.schoolYear, asOf));
  }

  @Get(':cafCode/:schoolYear/meetings/:meetingId')
  @Roles(...COMMITTEE_READERS)
  @ApiOperation({
    operationId: 'committeeMeeting',
    summary: 'R-COMMITTEE-MEETING: one meeting — date, members, agenda, minutes, decisions',
  })
  @AnswersWith('CommitteeMeetingAnswer', 'The meeting at the date')
  @ApiErrorResponses(400, 401, 403, 404)
  async meeting(
    @Param() path: CommitteeMeetingPathParams,
    @Query() query: AsOfQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<CommitteeMeetingAnswer> {
    const asOf = asOfOfQuery(query, this.clock.now());
    this.scope.department(actor, path.cafCode);
    return valueOf(await this.queries.committeeMeeting(path.cafCode, path.schoolYear, path.meetingId, asOf));
  }

  @Get(':cafCode/:schoolYear/meetings/:meetingId/ranking')
  @Roles(...COMMITTEE_READERS)
  @ApiOperation({
    operationId: 'committeeRanking',
    summary:
      "R-COMMITTEE-ORIENTATIONS: the meeting's files by score against the orientations, with planned eligibility, PS forecast and running total",
  })
  @AnswersWith('MeetingRankingAnswer', 'The ranking at the date')
  @ApiErrorResponses(400, 401, 403, 404)
  async ranking(
    @Param() path: CommitteeMeetingPathParams,
    @Query() query: AsOfQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<MeetingRankingAnswer> {
    const asOf = asOfOfQuery(query, this.clock.now());
    this.scope.department(actor, path.cafCode);
    return valueOf(await this.queries.committeeRanking(path.cafCode, path.schoolYear, path.meetingId, asOf));
  }
}
