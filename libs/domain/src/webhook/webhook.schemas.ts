import { WEBHOOK_EVENT_TYPES } from '../events/webhook.events.js';
import { cafCode, id, list, object, oneOf, scalar, withMeta } from '../schema/schema.js';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/**
 * A URL another system listens on: http or https, and no user or password in it — whoever
 * reads the log (auditors, the feed, an export) would read them; the deliveries are
 * authenticated by their HMAC signature instead.
 */
export function isWebhookUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > WEBHOOK_URL_MAX_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.hostname !== '';
}

export const webhookUrl = () =>
  withMeta(
    scalar<string>(isWebhookUrl, `must be an http(s) URL of at most ${WEBHOOK_URL_MAX_LENGTH} characters, without user or password`, {
      type: 'string',
      format: 'uri',
      pattern: '^https?://',
      maxLength: WEBHOOK_URL_MAX_LENGTH,
    }),
    { example: 'https://erp.example.org/clas/webhooks' },
  );

export const subscribeWebhookData = object({
  cafCode: cafCode(),
  subscriptionId: id(),
  url: webhookUrl(),
  eventTypes: withMeta(list(oneOf(WEBHOOK_EVENT_TYPES), { min: 1, max: WEBHOOK_EVENT_TYPES.length, unique: { what: 'event type' } }), {
    description: 'the decision and payment events the URL is sent',
  }),
});

export const unsubscribeWebhookData = object({
  cafCode: cafCode(),
  subscriptionId: id(),
});
