import type { Command } from '../commands/command.js';
import type { Infer } from '../schema/schema.js';
import type { subscribeWebhookData, unsubscribeWebhookData } from './webhook.schemas.js';

export type SubscribeWebhook = Command<'SubscribeWebhook', Infer<typeof subscribeWebhookData>>;
export type UnsubscribeWebhook = Command<'UnsubscribeWebhook', Infer<typeof unsubscribeWebhookData>>;

export type WebhookCommand = SubscribeWebhook | UnsubscribeWebhook;
