import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@clas/application';
import type { Clock } from '@clas/event-store';
import type { EnvelopeAnswer } from '@clas/projections';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { AnswersWith } from '../contract/answers-with.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { CLOCK, QUERIES } from '../tokens.js';
import { asOfOfQuery } from './as-of.http.js';
import { AsOfQueryDto } from './as-of.query.dto.js';
import type { ClasQueriesPort } from './clas-queries.port.js';
import { DepartmentPathParams } from './query-params.dto.js';
import { valueOf } from './query-result.js';
import { ReadScope } from './read-scope.js';
import { AGGREGATE_READERS } from './readers.js';

/** R-BUDGET-ENVELOPE: a departmental aggregate (no child-level detail), so dashboards read it too. */
@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('cafs')
export class EnvelopesController {
  constructor(
    @Inject(QUERIES) private readonly queries: ClasQueriesPort,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scope: ReadScope,
  ) {}

  @Get(':cafCode/envelopes/:schoolYear')
  @Roles(...AGGREGATE_READERS)
  @ApiOperation({
    operationId: 'budgetEnvelope',
    summary:
      'R-BUDGET-ENVELOPE: the envelope of the Caf for the school year with its amendments, committed (forecast PS + bonuses, local Caf funds), consumed (payments), remaining, overrides',
  })
  @AnswersWith('EnvelopeAnswer', 'The envelope at the date (at, knownAt), each figure with its explanation and a French summary')
  @ApiErrorResponses(400, 401, 403, 404)
  async envelope(@Param() path: DepartmentPathParams, @Query() query: AsOfQueryDto, @CurrentActor() actor: Actor): Promise<EnvelopeAnswer> {
    const asOf = asOfOfQuery(query, this.clock.now());
    this.scope.department(actor, path.cafCode);
    return valueOf(await this.queries.envelope(path.cafCode, path.schoolYear, asOf));
  }
}
