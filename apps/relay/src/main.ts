import { createEventStore } from '@clas/event-store';
import { EventRelay, KafkaPublisher, RelayConfigError, SqliteRelayCheckpointStore, loadRelayConfig } from '@clas/messaging';
import { ConfigError, JsonLogger, describeConfig, loadConfig, storeConfigOf } from '@clas/runtime';

/**
 * The Kafka relay: log → topic, at least once, keyed by stream (libs/messaging/src/event-relay.ts).
 * One instance per topic: two relays on one checkpoint would each send everything.
 */
const logger = new JsonLogger('relay');

async function main(): Promise<void> {
  const config = loadConfig();
  const relayConfig = loadRelayConfig();
  logger.event('configuration', { ...describeConfig(config), relay: relayConfig });

  const store = await createEventStore(
    storeConfigOf(config, (error, attempt, delayMs) =>
      logger.event('store.subscription_dropped', { attempt, delayMs, error: (error as Error).message }, 'warn'),
    ),
  );
  await store.ping();
  const checkpoints = new SqliteRelayCheckpointStore(relayConfig.checkpointPath);
  const publisher = new KafkaPublisher({ brokers: relayConfig.brokers, clientId: relayConfig.clientId });
  const relay = new EventRelay({
    store,
    publisher,
    checkpoints,
    topic: relayConfig.topic,
    batchSize: relayConfig.batchSize,
    forbiddenFields: relayConfig.forbiddenFields,
    logger,
  });

  const shutdown = (signal: string): void => {
    logger.event('shutdown', { signal });
    void relay.stop();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  try {
    await relay.run();
  } finally {
    await Promise.allSettled([publisher.close(), checkpoints.close(), store.close()]);
  }
}

try {
  await main();
} catch (error) {
  // A bad configuration, an unreachable store or a refused event: a clear message and a non-zero exit.
  const isConfig = error instanceof ConfigError || error instanceof RelayConfigError;
  logger.event('fatal', { error: isConfig ? (error as Error).message : `relay stopped: ${(error as Error).message}` }, 'fatal');
  process.exit(isConfig ? 2 : 1);
}
