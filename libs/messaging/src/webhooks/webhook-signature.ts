import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Clas-Signature';
export const TIMESTAMP_HEADER = 'X-Clas-Timestamp';
export const EVENT_ID_HEADER = 'X-Clas-Event-Id';

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`). The timestamp (Unix seconds,
 * sent in X-Clas-Timestamp) is inside the MAC so a receiver can refuse an old delivery replayed
 * by whoever recorded it; the body is signed byte for byte as sent.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** What a receiver does (README "Webhooks"): recompute and compare in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** 32 random bytes, hex: the secret a subscription's deliveries are signed with. */
export const newWebhookSecret = (): string => randomBytes(32).toString('hex');
