import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, canReadChildLevel } from '@clas/application';
import { withoutIndividualData } from '@clas/domain';
import type { EventStore, StoredEvent } from '@clas/event-store';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { FEED_READERS } from '../queries/readers.js';
import { EVENT_STORE } from '../tokens.js';
import { FeedQueryDto } from './feed.query.dto.js';

/**
 * The log in global order, for dashboards (the broker-less outbound feed of architecture.md).
 * Events name people by opaque ids only (domain.md §8). A Caf-scoped reader gets that Caf's
 * events; `nextAfter` is the scan position either way, so paging never skips or repeats.
 * Dashboards read aggregates only (issue 11 §4): the individual-level events the domain's
 * catalogue marks (enrolments, departures, attendance sheets, staff) are left out and its
 * individual-level fields (disability flags) removed; auditors get every event of their Caf.
 */
@ApiTags('feed')
@ApiBearerAuth()
@Controller('feed')
export class FeedController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Roles(...FEED_READERS)
  @ApiOperation({ operationId: 'feed', summary: 'Events in global order from a position, in pages (auditor: every event of its Caf; dashboard: without individual-level events and fields)' })
  @ApiOkResponse({
    description: 'A page of events; call again with after=nextAfter until isEnd',
    schema: { type: 'object', example: { events: [{ eventId: '…', streamId: 'campaign-11-2026-2027', streamVersion: 0, globalPosition: 1, type: 'CampaignOpened', schemaVersion: 1, data: {}, occurredAt: '…', recordedAt: '…', metadata: { actor: 'u-1', role: 'caf_agent', caf: '11' } }], nextAfter: 1, isEnd: true } },
  })
  @ApiErrorResponses(400, 401, 403)
  async page(@Query() query: FeedQueryDto, @CurrentActor() actor: Actor): Promise<{ events: StoredEvent[]; nextAfter: number; isEnd: boolean }> {
    const limit = query.limit ?? 100;
    const page = await this.store.readAllPage({ after: query.after ?? 0, limit, pageSize: limit });
    const inCaf = actor.caf === null ? page.events : page.events.filter((e) => e.metadata.caf === actor.caf);
    const events = canReadChildLevel(actor) ? inCaf : inCaf.map((e) => withoutIndividualData(e)).filter((e): e is StoredEvent => e !== null);
    return { events, nextAfter: page.nextAfter, isEnd: page.isEnd };
  }
}
