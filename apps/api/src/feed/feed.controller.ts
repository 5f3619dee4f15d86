import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, canReadChildLevel } from '@clas/application';
import { withoutIndividualData } from '@clas/domain';
import type { EventStore, StoredEvent } from '@clas/event-store';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnswersWith } from '../contract/answers-with.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { FEED_READERS } from '../queries/readers.js';
import { EVENT_STORE } from '../tokens.js';
import { FeedQueryDto } from './feed.query.dto.js';

/** A page of the feed: call again with after=nextAfter until isEnd. */
export interface FeedPage {
  /** The events' envelopes; `data` is the event's payload as the catalogue records it (docs/tour.md), minus individual-level fields for dashboards. */
  events: StoredEvent[];
  /** The scan position reached: pass it as `after` for the next page. */
  nextAfter: number;
  /** True when the page reached the end of the log. */
  isEnd: boolean;
}

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
  @ApiOperation({
    operationId: 'feed',
    summary:
      'Events in global order from a position, in pages (auditor: every event of its Caf; dashboard: without individual-level events and fields)',
  })
  @AnswersWith('FeedPage', 'A page of events; call again with after=nextAfter until isEnd')
  @ApiErrorResponses(400, 401, 403)
  async page(@Query() query: FeedQueryDto, @CurrentActor() actor: Actor): Promise<FeedPage> {
    const limit = query.limit ?? 100;
    const page = await this.store.readAllPage({ after: query.after ?? 0, limit, pageSize: limit });
    const inCaf = actor.caf === null ? page.events : page.events.filter((e) => e.metadata.caf === actor.caf);
    const events = canReadChildLevel(actor)
      ? inCaf
      : inCaf.map((e) => withoutIndividualData(e)).filter((e): e is StoredEvent => e !== null);
    return { events, nextAfter: page.nextAfter, isEnd: page.isEnd };
  }
}
