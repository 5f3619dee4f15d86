import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createEventStore, type EventStore } from '@clas/event-store';
import { type ClasConfig, describeConfig, JsonLogger } from '@clas/runtime';
import { AppModule } from './app.module.js';

export function storeConfigOf(config: ClasConfig) {
  return config.eventStore === 'postgres'
    ? { kind: 'postgres' as const, url: config.databaseUrl!, maxEventBytes: config.maxEventBytes }
    : { kind: 'sqlite' as const, path: config.sqlitePath, maxEventBytes: config.maxEventBytes };
}

/** Builds the HTTP application (used by main.ts and by the e2e tests). */
export async function createApi(config: ClasConfig, store: EventStore, logger = new JsonLogger('api')): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, store), { logger, bodyParser: false });
  // Body size limit (issue 6): a larger body is a 413, never a crash.
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.enableShutdownHooks();
  return app;
}

export async function startApi(config: ClasConfig): Promise<NestExpressApplication> {
  const logger = new JsonLogger('api');
  logger.event('configuration', describeConfig(config));
  const store = await createEventStore(storeConfigOf(config));
  await store.ping();
  const app = await createApi(config, store, logger);
  await app.listen(config.port);
  logger.event('listening', { port: config.port, url: `http://127.0.0.1:${config.port}` });
  return app;
}
