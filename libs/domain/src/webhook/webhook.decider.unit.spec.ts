import { describe, expect, it } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import { CAF, d, paris } from '../testing/fixtures.js';
import { specification } from '../testing/specification.js';
import type { WebhookCommand } from './webhook.commands.js';
import { webhooksDecider } from './webhook.decider.js';
import { isWebhookUrl, subscribeWebhookData } from './webhook.schemas.js';
import { validate } from '../schema/validate.js';

const spec = specification(webhooksDecider);
const cmd = <C extends WebhookCommand>(type: C['type'], data: C['data'], occurredAt = paris('2026-09-10')): WebhookCommand =>
  ({ type, commandId: `${type}-1`, occurredAt, data }) as WebhookCommand;

const subscribeData = {
  cafCode: CAF,
  subscriptionId: 'erp-1',
  url: 'https://erp.example.org/clas',
  eventTypes: ['CommitteeDecisionRecorded' as const, 'AdvancePaid' as const],
};
const subscribed = makeEvent('WebhookSubscribed', { ...subscribeData, subscribedOn: d('2026-09-10') }, paris('2026-09-10'));

describe('webhook subscriptions (issue 13 §4)', () => {
  it('records a subscription as a fact of the Caf, then refuses to reuse its id (R-INPUT, field subscriptionId)', () => {
    spec.given([]).when(cmd('SubscribeWebhook', subscribeData)).then([subscribed]);
    const reused = spec
      .given([subscribed])
      .when(cmd('SubscribeWebhook', { ...subscribeData, url: 'https://other.example.org/' }))
      .thenRejected('INVALID_INPUT', 'R-INPUT');
    expect(reused.details.field).toBe('subscriptionId');
  });

  it('ends an active subscription once; an ended or unknown one is refused (R-INPUT, field subscriptionId)', () => {
    const unsubscribe = cmd('UnsubscribeWebhook', { cafCode: CAF, subscriptionId: 'erp-1' }, paris('2026-10-01'));
    const ended = makeEvent(
      'WebhookUnsubscribed',
      { cafCode: CAF, subscriptionId: 'erp-1', unsubscribedOn: d('2026-10-01') },
      paris('2026-10-01'),
    );
    spec.given([subscribed]).when(unsubscribe).then([ended]);
    expect(spec.given([subscribed, ended]).when(unsubscribe).thenRejected('INVALID_INPUT', 'R-INPUT').details.field).toBe('subscriptionId');
    expect(spec.given([]).when(unsubscribe).thenRejected('INVALID_INPUT', 'R-INPUT').details.field).toBe('subscriptionId');
    // An ended id stays taken: the delivery log and the secret are keyed by it.
    spec.given([subscribed, ended]).when(cmd('SubscribeWebhook', subscribeData)).thenRejected('INVALID_INPUT', 'R-INPUT');
  });

  it('R-INPUT: the URL is http(s) without credentials, the event types a closed list', () => {
    expect(isWebhookUrl('https://erp.example.org/hook?x=1')).toBe(true);
    expect(isWebhookUrl('http://127.0.0.1:8080/')).toBe(true);
    for (const bad of [
      'ftp://erp.example.org/',
      'javascript:alert(1)',
      'https://user:pw@erp.example.org/',
      'https://user@erp.example.org/',
      'erp.example.org',
      'file:///etc/passwd',
      42,
    ])
      expect(isWebhookUrl(bad)).toBe(false);
    expect(validate(subscribeWebhookData, { ...subscribeData, url: 'ftp://x.org/' })?.details.field).toBe('url');
    expect(validate(subscribeWebhookData, { ...subscribeData, eventTypes: ['ChildEnrolled'] })?.details.field).toMatch(/^eventTypes/);
    expect(validate(subscribeWebhookData, { ...subscribeData, eventTypes: [] })?.details.field).toBe('eventTypes');
    expect(validate(subscribeWebhookData, subscribeData)).toBeNull();
  });
});
