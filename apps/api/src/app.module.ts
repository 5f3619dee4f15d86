import { type DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '@clas/event-store';
import type { ClasConfig } from '@clas/runtime';
import { HealthController } from './health/health.controller.js';
import { CLAS_CONFIG, EVENT_STORE } from './tokens.js';

/** The store is created before Nest boots (so a bad configuration fails fast) and handed in. */
@Module({})
export class AppModule {
  static forRoot(config: ClasConfig, store: EventStore): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController],
      providers: [
        { provide: CLAS_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: store },
      ],
      exports: [CLAS_CONFIG, EVENT_STORE],
      global: true,
    };
  }
}
