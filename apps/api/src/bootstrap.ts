import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ClasCommandBus } from '@clas/application';
import { createEventStore, type EventStore, LogSealer, sealOutcomeFields, sealPeriodically, systemClock } from '@clas/event-store';
import { ClasQueries, InMemoryStreamDirectory } from '@clas/projections';
import { type ClasConfig, describeConfig, JsonLogger, sealSignerOf, storeConfigOf } from '@clas/runtime';
import type { ApiDependencies, ApiOptions } from './api-options.js';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './http/all-exceptions.filter.js';
import { correlationIdMiddleware } from './http/correlation-id.middleware.js';
import { bodyParserErrorsMiddleware } from './http/body-parser-errors.middleware.js';
import { RequestValidationPipe } from './http/request-validation.pipe.js';
import { setUpOpenApi } from './openapi.js';
import { openPersonalData } from './personal-data/open-personal-data.js';

export type { ApiOptions } from './api-options.js';


/** Fills in what the caller did not hand in; one stream directory serves the bus, the queries and the read scope. */
async function resolveDependencies(config: ClasConfig, store: EventStore, options: ApiOptions): Promise<ApiDependencies> {
  const owned: ApiDependencies['owned'] = [...(options.closeWithApp ?? [])];
  const clock = options.clock ?? systemClock;
  const directory = options.directory ?? new InMemoryStreamDirectory(store);
  let personalData = options.personalData;
  if (!personalData) {
    personalData = await openPersonalData(config);
    owned.push(personalData);
  }
  return {
    bus: options.bus ?? new ClasCommandBus(store, { directory }),
    queries: options.queries ?? new ClasQueries(store, directory, clock),
    directory,
    personalData,
    clock,
    owned,
  };
}

/** Builds the HTTP application (used by main.ts and by the e2e tests). */
export async function createApi(config: ClasConfig, store: EventStore, logger = new JsonLogger('api'), options: ApiOptions = {}): Promise<NestExpressApplication> {
  const deps = await resolveDependencies(config, store, options);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, store, deps), { logger, bodyParser: false });
  app.disable('x-powered-by');
  app.use(correlationIdMiddleware);
  // Body size limit (issue 6): a larger body is a 413, malformed JSON a 400, never a crash.
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.use(bodyParserErrorsMiddleware(logger));
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  app.useGlobalPipes(new RequestValidationPipe());
  setUpOpenApi(app);
  app.enableShutdownHooks();
  return app;
}

export async function startApi(config: ClasConfig): Promise<NestExpressApplication> {
  const logger = new JsonLogger('api');
  logger.event('configuration', describeConfig(config));
  if (config.jwtSecretSource === 'development-default') {
    logger.event('CLAS_JWT_SECRET is not set: tokens are signed with the public development secret; set it before any real use', {}, 'warn');
  }
  const store = await createEventStore(storeConfigOf(config));
  await store.ping();
  // Seals the log every CLAS_SEAL_INTERVAL_MS, and once more at shutdown (README "Tamper evidence").
  const signer = sealSignerOf(config);
  if (signer.created) logger.event('seal key generated', { path: signer.path, keyId: signer.keyId });
  const sealing = sealPeriodically(new LogSealer(store, signer), config.sealIntervalMs, (outcome) =>
    logger.event('seal', sealOutcomeFields(outcome), outcome.status === 'refused' || outcome.status === 'failed' ? 'error' : outcome.status === 'up-to-date' ? 'debug' : 'log'),
  );
  const app = await createApi(config, store, logger, { closeWithApp: [sealing] });
  await app.listen(config.port);
  logger.event('listening', { port: config.port, url: `http://127.0.0.1:${config.port}`, docs: `http://127.0.0.1:${config.port}/docs` });
  return app;
}
