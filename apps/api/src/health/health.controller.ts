import { Controller, Get, Inject, Logger } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@clas/event-store';
import { Public } from '../auth/public.decorator.js';
import { AnswersWith, responseRef } from '../contract/answers-with.decorator.js';
import { ApiError } from '../http/api-error.js';
import { EVENT_STORE } from '../tokens.js';

/** GET /health's 200 body. */
export interface HealthAnswer {
  status: 'ok';
}

/**
 * Public: load balancers probe it without a token. So it says up or down and nothing else: no
 * positions or counts (how busy the system is), no store kind or error text (what to attack);
 * the reason of a 503 goes to the log.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('health');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** 200 when the event store answers; 503 otherwise (for load balancers). */
  @Get()
  @ApiOperation({ operationId: 'health', summary: 'Is the event store reachable? (no token needed)' })
  @AnswersWith('HealthAnswer', 'The event store answers')
  @ApiResponse({
    status: 503,
    description: 'The event store does not answer (SERVICE_UNAVAILABLE, status: unavailable)',
    content: { 'application/json': { schema: responseRef('ErrorResponse') } },
  })
  async health(): Promise<HealthAnswer> {
    try {
      await this.store.ping();
      return { status: 'ok' };
    } catch (error) {
      this.logger.error({ msg: 'health check failed: the event store does not answer', error: (error as Error).message });
      throw new ApiError(503, 'SERVICE_UNAVAILABLE', 'the event store does not answer', { status: 'unavailable' });
    }
  }
}
