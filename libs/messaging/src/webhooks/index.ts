export * from './webhook-signature.js';
export * from './webhook-retry.js';
export * from './webhook-subscriptions.js';
export * from './webhook-delivery-store.port.js';
export { SqliteWebhookDeliveryStore } from './sqlite-webhook-delivery-store.js';
export { WebhookDispatcher, type WebhookDispatcherOptions, type DispatchRound, type WebhookLogger } from './webhook-dispatcher.js';
export { PostgresWebhookDeliveryStore } from './postgres-webhook-delivery-store.js';
export { openWebhookDeliveryStore } from './open-webhook-delivery-store.js';
