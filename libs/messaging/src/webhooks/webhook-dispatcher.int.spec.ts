import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type EventStore, type NewEvent, createEventStore } from '@clas/event-store';
import pg from 'pg';
import { postgresTestUrl } from '@clas/event-store/testing';
import { PostgresWebhookDeliveryStore } from './postgres-webhook-delivery-store.js';
import { SqliteWebhookDeliveryStore } from './sqlite-webhook-delivery-store.js';
import type { WebhookDeliveryStore } from './webhook-delivery-store.port.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import type { WebhookRetryPolicy } from './webhook-retry.js';
import { newWebhookSecret, verifyWebhookSignature } from './webhook-signature.js';

/** A receiver on 127.0.0.1 that answers 503 to its first `failFirst` requests, then 204. */
class FlakyReceiver {
  readonly requests: Array<{ headers: IncomingHttpHeaders; body: string; answered: number }> = [];
  private server: Server | null = null;
  constructor(private failFirst: number) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answered = this.requests.length < this.failFirst ? 503 : 204;
        this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        res.statusCode = answered;
        res.end(answered === 503 ? 'down for maintenance' : undefined);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks/clas`;
  }

  accepted(): Array<{ headers: IncomingHttpHeaders; body: string }> {
    return this.requests.filter((r) => r.answered === 204);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const fast: WebhookRetryPolicy = { initialDelayMs: 5, factor: 2, maxDelayMs: 20, maxAttempts: 4, jitter: 0 };

const meta = (caf: string) => ({ actor: 'agent-1', role: 'caf_agent', caf, commandId: `c-${Math.random()}` });
const subscribedEvent = (subscriptionId: string, url: string, caf = '11'): NewEvent => ({
  type: 'WebhookSubscribed',
  data: { cafCode: caf, subscriptionId, url, eventTypes: ['CommitteeDecisionRecorded', 'AdvancePaid'], subscribedOn: '2026-09-01' },
  occurredAt: '2026-09-01T08:00:00.000Z',
  metadata: meta(caf),
});
const decision = (projectId: string, caf = '11'): NewEvent => ({
  type: 'CommitteeDecisionRecorded',
  data: { projectId, operatorId: 'op-1', cafCode: caf, outcome: 'approved' },
  occurredAt: '2026-10-01T08:00:00.000Z',
  metadata: meta(caf),
});

async function pump(dispatcher: WebhookDispatcher, done: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('timed out waiting for the dispatcher');
    await dispatcher.runOnce();
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A delivery database that can be opened again (a restart) and is thrown away after the test. */
interface Backend {
  open(): Promise<WebhookDeliveryStore>;
  dispose(): Promise<void>;
}

const sqliteBackend = async (): Promise<Backend> => {
  const dir = mkdtempSync(join(tmpdir(), 'clas-webhooks-'));
  return {
    open: async () => new SqliteWebhookDeliveryStore(join(dir, 'webhooks.sqlite')),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

const POSTGRES_URL = postgresTestUrl('the webhook dispatcher');

/** A throw-away database, so the suite's tables and advisory lock are its own. */
const postgresBackend = async (): Promise<Backend> => {
  const database = `clas_webhooks_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL! });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = Object.assign(new URL(POSTGRES_URL!), { pathname: `/${database}` }).toString();
  return {
    open: () => PostgresWebhookDeliveryStore.open(url),
    dispose: async () => {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
};

const backends: Array<[string, () => Promise<Backend>]> = [
  ['SQLite', sqliteBackend],
  ...(POSTGRES_URL ? [['PostgreSQL', postgresBackend] as [string, () => Promise<Backend>]] : []),
];

describe.each(backends)('WebhookDispatcher against a local receiver that fails at first (%s delivery log)', (_name, makeBackend) => {
  let backend: Backend;
  let store: EventStore;
  let receiver: FlakyReceiver;
  const toStop: Array<{ stop(): Promise<void> } | { close(): Promise<void> }> = [];
  const deliveryStore = async (): Promise<WebhookDeliveryStore> => {
    const s = await backend.open();
    toStop.push(s);
    return s;
  };
  const dispatcher = (deliveries: WebhookDeliveryStore, retry = fast): WebhookDispatcher => {
    const d = new WebhookDispatcher({ store, deliveries, retry, pollMs: 10 });
    toStop.unshift(d);
    return d;
  };

  beforeEach(async () => {
    backend = await makeBackend();
    store = await createEventStore({ kind: 'sqlite', path: ':memory:', pollIntervalMs: 20 });
  });
  afterEach(async () => {
    for (const s of toStop.splice(0)) await ('stop' in s ? s.stop() : s.close());
    await receiver?.stop();
    await store.close();
    await backend.dispose();
  });

  it('delivers a decision exactly once after two refusals, logs every attempt, signs it with the secret and names the event', async () => {
    receiver = new FlakyReceiver(2);
    const url = await receiver.start();
    const deliveries = await deliveryStore();
    const secret = newWebhookSecret();
    await store.append('webhooks-11', [subscribedEvent('erp', url)], 'no_stream');
    await deliveries.storeSecret('erp', secret, new Date().toISOString());
    const appended = await store.append('project-p1', [decision('p1')], 'no_stream');
    // Another Caf's decision is not this subscription's business.
    await store.append('project-p2', [decision('p2', '40')], 'no_stream');

    const d = dispatcher(deliveries);
    await pump(d, () => receiver.accepted().length > 0);
    await pump(d, () => true);

    expect(receiver.requests.map((r) => r.answered)).toEqual([503, 503, 204]);
    const [accepted] = receiver.accepted();
    expect(accepted.headers['x-clas-event-id']).toBe(appended.eventIds[0]);
    expect(accepted.headers['content-type']).toBe('application/json');
    const timestamp = accepted.headers['x-clas-timestamp'] as string;
    expect(verifyWebhookSignature(secret, timestamp, accepted.body, accepted.headers['x-clas-signature'] as string)).toBe(true);
    expect(JSON.parse(accepted.body)).toMatchObject({
      eventId: appended.eventIds[0],
      type: 'CommitteeDecisionRecorded',
      streamId: 'project-p1',
      data: { projectId: 'p1', cafCode: '11' },
    });
    // Every attempt carried the same event id and body.
    expect(new Set(receiver.requests.map((r) => r.headers['x-clas-event-id']))).toEqual(new Set([appended.eventIds[0]]));

    const [logged] = await deliveries.deliveriesOf('erp', 10);
    expect(logged).toMatchObject({
      status: 'delivered',
      attempts: 3,
      nextAttemptAt: null,
      lastStatusCode: 204,
      eventId: appended.eventIds[0],
    });
    expect(logged.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 503],
      [2, 503],
      [3, 204],
    ]);
    expect(logged.attemptLog[0].error).toBe('answered HTTP 503');
    // More rounds send nothing more.
    await d.runOnce();
    expect(receiver.requests).toHaveLength(3);
  });

  it('resumes from its checkpoint after a restart: nothing lost, nothing delivered twice', async () => {
    receiver = new FlakyReceiver(0);
    const url = await receiver.start();
    const first = await deliveryStore();
    await store.append('webhooks-11', [subscribedEvent('erp', url)], 'no_stream');
    await first.storeSecret('erp', newWebhookSecret(), new Date().toISOString());
    await store.append('project-p1', [decision('p1')], 'no_stream');
    const before = dispatcher(first);
    await pump(before, () => receiver.accepted().length === 1);
    await before.stop();
    await first.close();

    await store.append('project-p3', [decision('p3')], 'no_stream');
    const after = dispatcher(await deliveryStore());
    await pump(after, () => receiver.accepted().length === 2);
    await pump(after, () => true);
    expect(receiver.accepted().map((r) => JSON.parse(r.body).streamId)).toEqual(['project-p1', 'project-p3']);
  });

  it('logs a delivery whose secret is missing as failed, with the reason, after the policy gives up', async () => {
    receiver = new FlakyReceiver(0);
    const url = await receiver.start();
    const deliveries = await deliveryStore();
    await store.append('webhooks-11', [subscribedEvent('lost-secret', url)], 'no_stream');
    await store.append('project-p1', [decision('p1')], 'no_stream');
    const d = dispatcher(deliveries);
    await pump(d, async () => (await deliveries.deliveriesOf('lost-secret', 1))[0]?.status === 'failed');
    const [logged] = await deliveries.deliveriesOf('lost-secret', 1);
    expect(logged.attempts).toBe(fast.maxAttempts);
    expect(logged.lastError).toMatch(/no secret is stored for subscription lost-secret/);
    expect(receiver.requests).toHaveLength(0);
  });

  it('sends nothing to a subscription made after the event, and lets one dispatcher only use a delivery database', async () => {
    receiver = new FlakyReceiver(0);
    const url = await receiver.start();
    await store.append('project-p1', [decision('p1')], 'no_stream');
    await store.append('webhooks-11', [subscribedEvent('late', url)], 'no_stream');
    const deliveries = await deliveryStore();
    await deliveries.storeSecret('late', newWebhookSecret(), new Date().toISOString());
    const d = dispatcher(deliveries);
    expect(await d.runOnce()).toEqual({ queued: 0, attempted: 0, delivered: 0 });
    expect(d.active).toBe(true);

    const second = dispatcher(await deliveryStore());
    expect(await second.runOnce()).toBeNull();
    expect(second.active).toBe(false);
    await d.stop();
    // Released at stop: the standby takes over.
    expect(await second.runOnce()).not.toBeNull();
  });

  it('runs in the background from start() to stop()', async () => {
    receiver = new FlakyReceiver(1);
    const url = await receiver.start();
    const deliveries = await deliveryStore();
    await store.append('webhooks-11', [subscribedEvent('erp', url)], 'no_stream');
    await deliveries.storeSecret('erp', newWebhookSecret(), new Date().toISOString());
    const d = dispatcher(deliveries);
    d.start();
    await store.append('project-p1', [decision('p1')], 'no_stream');
    const until = Date.now() + 5_000;
    while (receiver.accepted().length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    await d.stop();
    expect(receiver.requests.map((r) => r.answered)).toEqual([503, 204]);
  });
});
