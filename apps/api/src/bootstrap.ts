import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ClasCommandBus, PersonDirectory } from '@clas/application';
import { createEventStore, type EventStore, LogSealer, sealOutcomeFields, sealPeriodically, systemClock } from '@clas/event-store';
import { ClasQueries, InMemoryStreamDirectory, ReadModelsRuntime } from '@clas/projections';
import { type ClasConfig, describeConfig, JsonLogger, localApiUrl, resolveJwtSecret, sealSignerOf, storeConfigOf } from '@clas/runtime';
import type { ApiDependencies, ApiOptions } from './api-options.js';
import { AppModule } from './app.module.js';
import { configuredTokenService } from '@clas/auth';
import { AllExceptionsFilter } from './http/all-exceptions.filter.js';
import { correlationIdMiddleware } from './http/correlation-id.middleware.js';
import { hardenHttp } from './http/http-hardening.js';
import { bodyParserErrorsMiddleware } from './http/body-parser-errors.middleware.js';
import { jsonDepthMiddleware } from './http/json-depth.middleware.js';
import { RequestValidationPipe } from './http/request-validation.pipe.js';
import { setUpOpenApi } from './openapi.js';
import { openPersonalData } from '@clas/personal-data';
import { DEFAULT_WEBHOOK_RETRY, WebhookDispatcher, openWebhookDeliveryStore } from '@clas/messaging';

export type { ApiOptions } from './api-options.js';

/**
 * Fills in what the caller did not hand in; one stream directory serves the bus, the queries and
 * the read scope; one person directory the bus and /persons, and the bus sees the personal-data
 * records so that a record made before an enrolment reserves its id (issue 11 §4).
 */
async function resolveDependencies(
  config: ClasConfig,
  store: EventStore,
  options: ApiOptions,
  logger: JsonLogger,
): Promise<ApiDependencies> {
  // First: a secret that cannot be read or created stops here, before any file is opened.
  const tokens = configuredTokenService(config);
  const owned: ApiDependencies['owned'] = [...(options.closeWithApp ?? [])];
  const clock = options.clock ?? systemClock;
  const directory = options.directory ?? new InMemoryStreamDirectory(store);
  const persons = options.persons ?? new PersonDirectory(store);
  let personalData = options.personalData;
  if (!personalData) {
    personalData = await openPersonalData(config);
    owned.push(personalData);
  }
  let readModels = options.readModels;
  if (!readModels) {
    const runtime = await openReadModels(config, store, logger, null);
    owned.push(runtime);
    readModels = runtime.queries;
  }
  let webhookDeliveries = options.webhookDeliveries;
  if (!webhookDeliveries) {
    webhookDeliveries = await openWebhookDeliveryStore(config.webhooks.db);
    owned.push(webhookDeliveries);
  }
  return {
    bus: options.bus ?? new ClasCommandBus(store, { directory, persons, personRecords: personalData }),
    queries: options.queries ?? new ClasQueries(store, directory, clock),
    directory,
    persons,
    personalData,
    clock,
    readModels,
    webhookDeliveries,
    tokens,
    owned,
  };
}

/**
 * The read models of the lists, per CLAS_PROJECTOR (ReadModelsRuntime): the projector in this
 * process when it gets the writer lock, else read-only. `storeConfig` lets a rebuild use worker
 * threads; only startApi knows the store was opened from the configuration.
 */
function openReadModels(
  config: ClasConfig,
  store: EventStore,
  logger: JsonLogger,
  storeConfig: ReturnType<typeof storeConfigOf> | null,
): Promise<ReadModelsRuntime> {
  return ReadModelsRuntime.open({
    store,
    ...(storeConfig && { storeConfig }),
    readDb: config.readDb,
    mode: config.projector,
    log: (message, fields, level) => logger.event(message, fields, level ?? 'log'),
  });
}

/** The requests whose JSON body is read: `application/json` (any parameters) on a method other than GET/HEAD. */
function jsonBodyOfACommand(req: { method?: string; headers: Record<string, string | string[] | undefined> }): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const contentType = req.headers['content-type'];
  return typeof contentType === 'string' && contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** Builds the HTTP application (used by main.ts and by the e2e tests). */
export async function createApi(
  config: ClasConfig,
  store: EventStore,
  logger = new JsonLogger('api'),
  options: ApiOptions = {},
): Promise<NestExpressApplication> {
  const deps = await resolveDependencies(config, store, options, logger);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, store, deps), { logger, bodyParser: false });
  hardenHttp(app, config);
  app.use(correlationIdMiddleware);
  // Body size limit (issue 6): a larger body is a 413, malformed JSON a 400, never a crash;
  // too deep a body a 400 before anything walks it, an undecodable Content-Encoding a 400 (issue 11).
  // A GET or HEAD carries no body the API reads: it is left unread, so a question is never refused
  // for a body nobody asked for (every query route would otherwise also answer 413/415).
  app.useBodyParser('json', { limit: config.maxBodyBytes, type: jsonBodyOfACommand });
  app.use(jsonDepthMiddleware);
  app.use(bodyParserErrorsMiddleware(logger));
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  app.useGlobalPipes(new RequestValidationPipe());
  setUpOpenApi(app);
  app.enableShutdownHooks();
  return app;
}

export async function startApi(config: ClasConfig, logger = new JsonLogger('api')): Promise<NestExpressApplication> {
  logger.event('configuration', describeConfig(config));
  // Before the store opens: a secret that cannot be read or created stops the start with nothing written.
  const secret = resolveJwtSecret(config);
  logger.event('token secret', { source: secret.source, path: secret.path, generated: secret.created });
  const store = await createEventStore(storeConfigOf(config));
  await store.ping();
  // Seals the log every CLAS_SEAL_INTERVAL_MS, and once more at shutdown (README "Tamper evidence").
  const signer = sealSignerOf(config);
  if (signer.created) logger.event('seal key generated', { path: signer.path, keyId: signer.keyId });
  const sealing = sealPeriodically(new LogSealer(store, signer), config.sealIntervalMs, (outcome) =>
    logger.event(
      'seal',
      sealOutcomeFields(outcome),
      outcome.status === 'refused' || outcome.status === 'failed' ? 'error' : outcome.status === 'up-to-date' ? 'debug' : 'log',
    ),
  );
  // Webhooks (README "Webhooks"): the dispatcher follows the log in this process unless CLAS_WEBHOOKS=off;
  // stopped before the delivery database closes, after the HTTP server stops taking commands.
  const webhookDeliveries = await openWebhookDeliveryStore(config.webhooks.db);
  const dispatcher = config.webhooks.enabled
    ? new WebhookDispatcher({
        store,
        deliveries: webhookDeliveries,
        retry: { ...DEFAULT_WEBHOOK_RETRY, ...config.webhooks.retry },
        pollMs: config.webhooks.pollMs,
        requestTimeoutMs: config.webhooks.requestTimeoutMs,
        logger,
      })
    : null;
  logger.event('webhooks', { dispatcher: dispatcher ? 'on' : 'off (CLAS_WEBHOOKS=off)', deliveries: webhookDeliveries.description });
  dispatcher?.start();
  const stopDispatcher = { close: async () => dispatcher?.stop() };
  const readModels = await openReadModels(config, store, logger, storeConfigOf(config));
  const app = await createApi({ ...config, jwtSecret: secret.value }, store, logger, {
    readModels: readModels.queries,
    closeWithApp: [sealing, readModels, stopDispatcher, webhookDeliveries],
    webhookDeliveries,
  });
  await app.listen(config.port, config.host);
  logger.event('listening', { host: config.host, port: config.port, url: localApiUrl(config), docs: `${localApiUrl(config)}/docs` });
  return app;
}
