import type { LocalDate } from '../shared/calendar-date.js';
import type { DomainEvent } from './domain-event.js';

/**
 * The events another system may be told of by webhook (issue 13 §4): the committee's decisions
 * and the payments. A closed list, so a subscription names only events whose content is
 * opaque ids and amounts (no personal data, domain.md §8) and whose meaning the API documents.
 */
export const WEBHOOK_EVENT_TYPES = [
  'CommitteeDecisionRecorded',
  'CommitteeDecisionCorrected',
  'AdvancePaid',
  'BalancePaid',
  'RecoveryIssued',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Stream `webhooks-<caf>`: who subscribed which URL of another system to which events of the Caf. */
export interface WebhookSubscribedData {
  cafCode: string;
  subscriptionId: string;
  /** http(s), no credentials in it: the deliveries are signed with a secret kept outside the log. */
  url: string;
  eventTypes: WebhookEventType[];
  subscribedOn: LocalDate;
}

export interface WebhookUnsubscribedData {
  cafCode: string;
  subscriptionId: string;
  unsubscribedOn: LocalDate;
}

export type WebhookSubscribed = DomainEvent<'WebhookSubscribed', WebhookSubscribedData>;
export type WebhookUnsubscribed = DomainEvent<'WebhookUnsubscribed', WebhookUnsubscribedData>;

export type WebhookEvent = WebhookSubscribed | WebhookUnsubscribed;
