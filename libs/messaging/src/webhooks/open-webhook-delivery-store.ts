import { PostgresWebhookDeliveryStore } from './postgres-webhook-delivery-store.js';
import { SqliteWebhookDeliveryStore } from './sqlite-webhook-delivery-store.js';
import type { WebhookDeliveryStore } from './webhook-delivery-store.port.js';

/** The delivery log CLAS_WEBHOOK_DB names: a postgres:// URL, else a SQLite file (or ':memory:'). */
export async function openWebhookDeliveryStore(location: string): Promise<WebhookDeliveryStore> {
  if (/^postgres(ql)?:\/\//.test(location)) return PostgresWebhookDeliveryStore.open(location);
  return new SqliteWebhookDeliveryStore(location);
}
