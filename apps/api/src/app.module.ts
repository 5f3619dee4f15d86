import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { EventStore } from '@clas/event-store';
import type { ClasConfig } from '@clas/runtime';
import type { ApiDependencies } from './api-options.js';
import { AuthFailureLimiter } from './auth/auth-failure-limiter.js';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
import { TokenService } from '@clas/auth';
import { CampaignsController } from './campaigns/campaigns.controller.js';
import { CollectifsController } from './collectifs/collectifs.controller.js';
import { ConventionCommandsController } from './conventions/conventions.controller.js';
import { CommandGateway } from './commands/command-gateway.js';
import { FeedController } from './feed/feed.controller.js';
import { HealthController } from './health/health.controller.js';
import { OperatorsController } from './operators/operators.controller.js';
import { PersonsController } from './personal-data/persons.controller.js';
import { ProjectCommandsController } from './projects/projects.controller.js';
import { CommitteeCommandsController } from './committees/committees.controller.js';
import { CommitteesController } from './queries/committees.controller.js';
import { ConventionsController } from './queries/conventions.controller.js';
import { DepartmentalBilansController } from './queries/departmental-bilans.controller.js';
import { ListsController } from './queries/lists.controller.js';
import { EnvelopesController } from './queries/envelopes.controller.js';
import { ProjectsController } from './queries/projects.controller.js';
import { LettersController } from './queries/letters.controller.js';
import { ReadScope } from './queries/read-scope.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';
import {
  CLAS_CONFIG,
  CLOCK,
  COMMAND_BUS,
  EVENT_STORE,
  PERSON_DIRECTORY,
  PERSONAL_DATA_STORE,
  QUERIES,
  READ_MODELS,
  STREAM_DIRECTORY,
  WEBHOOK_DELIVERIES,
} from './tokens.js';

const OWNED_RESOURCES = Symbol('OWNED_RESOURCES');

/** Closes what createApi opened (the personal-data store) when the application closes. */
@Injectable()
class OwnedResources implements OnApplicationShutdown {
  constructor(@Inject(OWNED_RESOURCES) private readonly owned: ApiDependencies['owned']) {}

  async onApplicationShutdown(): Promise<void> {
    for (const resource of this.owned) await resource.close();
  }
}

/**
 * The store and every port are created before Nest boots (a bad configuration fails fast) and
 * handed in. Command controllers: one per aggregate (README-api-patterns.md).
 */
@Module({})
export class AppModule {
  static forRoot(config: ClasConfig, store: EventStore, deps: ApiDependencies): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        HealthController,
        // commands, one controller per aggregate
        CampaignsController,
        OperatorsController,
        ProjectCommandsController,
        CollectifsController,
        ConventionCommandsController,
        CommitteeCommandsController,
        WebhooksController,
        // queries
        ProjectsController,
        LettersController,
        ConventionsController,
        CommitteesController,
        DepartmentalBilansController,
        ListsController,
        EnvelopesController,
        FeedController,
        PersonsController,
      ],
      providers: [
        { provide: CLAS_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: store },
        { provide: COMMAND_BUS, useValue: deps.bus },
        { provide: QUERIES, useValue: deps.queries },
        { provide: READ_MODELS, useValue: deps.readModels },
        { provide: STREAM_DIRECTORY, useValue: deps.directory },
        { provide: PERSON_DIRECTORY, useValue: deps.persons },
        { provide: PERSONAL_DATA_STORE, useValue: deps.personalData },
        { provide: CLOCK, useValue: deps.clock },
        { provide: WEBHOOK_DELIVERIES, useValue: deps.webhookDeliveries },
        { provide: OWNED_RESOURCES, useValue: deps.owned },
        { provide: TokenService, useValue: deps.tokens },
        // One per application (per process): the limit is documented as in memory, per process.
        { provide: AuthFailureLimiter, useValue: new AuthFailureLimiter(config.authFailures) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        CommandGateway,
        ReadScope,
        OwnedResources,
      ],
      exports: [CLAS_CONFIG, EVENT_STORE, TokenService],
      global: true,
    };
  }
}
