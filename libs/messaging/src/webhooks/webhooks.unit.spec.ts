import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@clas/event-store';
import { DEFAULT_WEBHOOK_RETRY, checkRetryPolicy, retryDelayMs } from './webhook-retry.js';
import { newWebhookSecret, verifyWebhookSignature, webhookSignature } from './webhook-signature.js';
import { SubscriptionSet, cafOf, webhookBody } from './webhook-subscriptions.js';

let position = 0;
function stored(type: string, data: Record<string, unknown>, caf: string | null = '11'): StoredEvent {
  position++;
  return {
    eventId: `e-${position}`,
    streamId: 'project-p1',
    streamVersion: position,
    globalPosition: position,
    type,
    schemaVersion: 1,
    data,
    occurredAt: '2026-10-01T08:00:00.000Z',
    recordedAt: '2026-10-01T08:00:01.000Z',
    metadata: { actor: 'agent-1', role: 'caf_agent', ...(caf === null ? {} : { caf }), commandId: 'c-1', payloadHash: 'sha256:x' },
  };
}
const subscribed = (subscriptionId: string, cafCode: string, eventTypes: string[]): StoredEvent =>
  stored(
    'WebhookSubscribed',
    { cafCode, subscriptionId, url: `https://${subscriptionId}.example.org/`, eventTypes, subscribedOn: '2026-09-01' },
    cafCode,
  );

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "timestamp.body" with the subscription secret, prefixed sha256=', () => {
    const body = '{"eventId":"e-1"}';
    const expected = createHmac('sha256', 'k').update(`1790000000.${body}`).digest('hex');
    expect(webhookSignature('k', '1790000000', body)).toBe(`sha256=${expected}`);
  });

  it('verifies only with the same secret, timestamp and body', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const signature = webhookSignature(secret, '100', 'body');
    expect(verifyWebhookSignature(secret, '100', 'body', signature)).toBe(true);
    expect(verifyWebhookSignature(newWebhookSecret(), '100', 'body', signature)).toBe(false);
    expect(verifyWebhookSignature(secret, '101', 'body', signature)).toBe(false);
    expect(verifyWebhookSignature(secret, '100', 'body ', signature)).toBe(false);
    expect(verifyWebhookSignature(secret, '100', 'body', 'sha256=00')).toBe(false);
  });
});

describe('webhook retry schedule', () => {
  const policy = { initialDelayMs: 1_000, factor: 2, maxDelayMs: 5_000, maxAttempts: 5, jitter: 0.5 };

  it('doubles from the initial delay, is capped, then gives up after maxAttempts', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, 0))).toEqual([1_000, 2_000, 4_000, 5_000]);
    expect(retryDelayMs(policy, 5, 0)).toBeNull();
  });

  it('draws jitter below the delay, never above it', () => {
    expect(retryDelayMs(policy, 2, 0.999)).toBe(1_001);
    expect(retryDelayMs(policy, 2, 0.5)).toBe(1_500);
    for (let i = 0; i < 100; i++) {
      const delay = retryDelayMs(policy, 3)!;
      expect(delay).toBeGreaterThan(2_000);
      expect(delay).toBeLessThanOrEqual(4_000);
    }
  });

  it('refuses a policy that would never wait or never try', () => {
    expect(() => checkRetryPolicy(DEFAULT_WEBHOOK_RETRY)).not.toThrow();
    expect(() => checkRetryPolicy({ ...policy, maxAttempts: 0 })).toThrow(RangeError);
    expect(() => checkRetryPolicy({ ...policy, factor: 0.5 })).toThrow(RangeError);
    expect(() => checkRetryPolicy({ ...policy, jitter: 2 })).toThrow(RangeError);
  });
});

describe('webhook matching', () => {
  it('sends an event to the subscriptions of its Caf that asked for its type, recorded before it and not ended', () => {
    const set = new SubscriptionSet();
    const decision = (caf: string) => stored('CommitteeDecisionRecorded', { projectId: 'p1', cafCode: caf }, caf);
    expect(set.match(decision('11'))).toEqual([]);
    set.apply(subscribed('erp', '11', ['CommitteeDecisionRecorded', 'AdvancePaid']));
    set.apply(subscribed('payments', '11', ['AdvancePaid']));
    set.apply(subscribed('other-caf', '40', ['CommitteeDecisionRecorded']));
    expect(set.match(decision('11')).map((s) => s.subscriptionId)).toEqual(['erp']);
    expect(set.match(stored('AdvancePaid', { cafCode: '11' })).map((s) => s.subscriptionId)).toEqual(['erp', 'payments']);
    expect(set.match(decision('40')).map((s) => s.subscriptionId)).toEqual(['other-caf']);
    set.apply(stored('WebhookUnsubscribed', { cafCode: '11', subscriptionId: 'erp', unsubscribedOn: '2026-10-02' }));
    expect(set.match(decision('11'))).toEqual([]);
  });

  it('never sends a type outside the closed list, whatever a subscription says', () => {
    const set = new SubscriptionSet();
    set.apply(subscribed('erp', '11', ['ChildEnrolled']));
    expect(set.match(stored('ChildEnrolled', { cafCode: '11', childId: 'c-1' }))).toEqual([]);
  });

  it('takes the Caf from the metadata, else from the data', () => {
    expect(cafOf(stored('AdvancePaid', { cafCode: '40' }, '11'))).toBe('11');
    expect(cafOf(stored('AdvancePaid', { cafCode: '40' }, null))).toBe('40');
    expect(cafOf(stored('AdvancePaid', {}, null))).toBeNull();
  });

  it('posts the public envelope, without the metadata', () => {
    const event = stored('BalancePaid', { projectId: 'p1', cafCode: '11', amount: 120_000 });
    expect(JSON.parse(webhookBody(event))).toEqual({
      eventId: event.eventId,
      type: 'BalancePaid',
      streamId: 'project-p1',
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      data: event.data,
    });
  });
});
