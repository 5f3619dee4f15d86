export * from './publisher.port.js';
export * from './relay-checkpoint.js';
export { SqliteRelayCheckpointStore } from './sqlite-relay-checkpoint-store.js';
export { DEFAULT_FORBIDDEN_FIELDS, PersonalDataError, forbiddenFieldsOf } from './personal-data-guard.js';
export { toMessage } from './event-message.js';
export { EventRelay, DEFAULT_TOPIC, type EventRelayOptions, type RelayLogger } from './event-relay.js';
export { KafkaPublisher, type KafkaPublisherOptions } from './kafka-publisher.js';
export { loadRelayConfig, RelayConfigError, type RelayConfig } from './relay-config.js';
export * from './webhooks/index.js';
