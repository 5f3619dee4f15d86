export * from './envelope.js';
export * from './event-store.port.js';
export * from './errors.js';
export { UpcasterRegistry } from './upcasting.js';
export { SqliteEventStore, DEFAULT_SQLITE_PATH, type SqliteEventStoreOptions } from './sqlite-event-store.js';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';
export { migrate, dropSchema, DEFAULT_POSTGRES_SCHEMA } from './postgres-schema.js';
export { createEventStore, type EventStoreConfig } from './create-event-store.js';
