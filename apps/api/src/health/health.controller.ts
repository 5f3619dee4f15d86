import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@clas/event-store';
import type { ClasConfig } from '@clas/runtime';
import { Public } from '../auth/public.decorator.js';
import { CLAS_CONFIG, EVENT_STORE } from '../tokens.js';

/** Public: load balancers probe it without a token. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLAS_CONFIG) private readonly config: ClasConfig,
  ) {}

  /** 200 when the event store answers; 503 with the reason otherwise (for load balancers). */
  @Get()
  @ApiOperation({ operationId: 'health', summary: 'Is the event store reachable? (no token needed)' })
  async health(): Promise<{ status: 'ok'; eventStore: string; headPosition: number }> {
    try {
      await this.store.ping();
      return { status: 'ok', eventStore: this.config.eventStore, headPosition: await this.store.headPosition() };
    } catch (error) {
      throw new HttpException(
        { status: 'unavailable', eventStore: this.config.eventStore, error: (error as Error).message },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }
}
