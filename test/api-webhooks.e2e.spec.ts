import { randomUUID } from 'node:crypto';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor } from '@clas/application';
import { PARAMETER_SETS, localDate, parisInstant } from '@clas/domain';
import { actors, content } from '@clas/application/testing';
import { FakeClock } from '@clas/event-store/testing';
import { SqliteWebhookDeliveryStore, WebhookDispatcher, verifyWebhookSignature } from '@clas/messaging';
import { type ApiHarness, startApi } from './support/api-harness.js';

/**
 * Issue 13 §4 through HTTP: a Caf agent subscribes another system's URL (the secret comes back
 * once), a committee decision is recorded, and the dispatcher — over the API's own log and
 * delivery database — delivers it, signed, to a local receiver that refuses the first attempt.
 */
const paris = (date: string, time = '10:00') => parisInstant(localDate(date), time);

class Receiver {
  readonly requests: Array<{ headers: IncomingHttpHeaders; body: string; answered: number }> = [];
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = this.requests.length < this.failFirst ? 500 : 200;
      this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      res.statusCode = answered;
      res.end();
    });
  });
  constructor(private readonly failFirst: number) {}
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/clas-events`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('webhooks (issue 13 §4)', () => {
  const clock = new FakeClock(paris('2026-04-01'));
  const deliveries = new SqliteWebhookDeliveryStore(':memory:');
  const receiver = new Receiver(1);
  let api: ApiHarness;
  let url: string;
  let dispatcher: WebhookDispatcher;
  const post = (path: string, actor: Actor, data?: object) =>
    request(api.http)
      .post(path)
      .set('Authorization', api.bearer(actor))
      .send({ commandId: randomUUID(), ...(data === undefined ? {} : { data }) });
  const get = (path: string, actor: Actor) => request(api.http).get(path).set('Authorization', api.bearer(actor));

  beforeAll(async () => {
    url = await receiver.start();
    api = await startApi({ clock, webhookDeliveries: deliveries });
    dispatcher = new WebhookDispatcher({
      store: api.store,
      deliveries,
      retry: { initialDelayMs: 5, factor: 2, maxDelayMs: 20, maxAttempts: 5, jitter: 0 },
      pollMs: 10,
    });
  });
  afterAll(async () => {
    await dispatcher.stop();
    await api.close();
    await deliveries.close();
    await receiver.stop();
  });

  it('refuses a URL that is not http(s), or carries credentials, or an unknown event type: 400 naming the field, nothing appended', async () => {
    const head = await api.store.headPosition();
    for (const bad of ['ftp://erp.example.org/in', 'https://user:secret@erp.example.org/in', 'not a url']) {
      const refused = await post('/cafs/11/webhooks', actors.agent, {
        subscriptionId: 'bad',
        url: bad,
        eventTypes: ['AdvancePaid'],
      }).expect(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'data.url' }] });
    }
    const unknownType = await post('/cafs/11/webhooks', actors.agent, {
      subscriptionId: 'bad',
      url: 'https://erp.example.org/in',
      eventTypes: ['ChildEnrolled'],
    }).expect(400);
    expect(unknownType.body.errors[0].field).toMatch(/^data\.eventTypes/);
    expect(await api.store.headPosition()).toBe(head);
  });

  it('lets only the Caf agents of that Caf subscribe (403 otherwise), and auditors read', async () => {
    const data = { subscriptionId: 'x', url: 'https://erp.example.org/in', eventTypes: ['AdvancePaid'] };
    await post('/cafs/11/webhooks', actors.operator, data).expect(403);
    await post('/cafs/11/webhooks', actors.committee, data).expect(403);
    await post('/cafs/11/webhooks', actors.agentElsewhere, data).expect(403);
    await get('/cafs/11/webhooks', actors.agentElsewhere).expect(403);
    await get('/cafs/11/webhooks', actors.dashboard).expect(403);
    await get('/cafs/11/webhooks', actors.operator).expect(403);
    expect((await get('/cafs/11/webhooks', actors.auditor).expect(200)).body).toEqual({ cafCode: '11', subscriptions: [] });
  });

  it('subscribes (the secret once), and delivers a committee decision, signed, after the receiver refused it once', async () => {
    const subscription = { subscriptionId: 'erp-1', url, eventTypes: ['CommitteeDecisionRecorded', 'AdvancePaid'] };
    const body = { commandId: randomUUID(), data: subscription };
    const subscribed = await request(api.http)
      .post('/cafs/11/webhooks')
      .set('Authorization', api.bearer(actors.agent))
      .send(body)
      .expect(201);
    expect(subscribed.body).toMatchObject({ streamId: 'webhooks-11', duplicate: false });
    const secret = subscribed.body.secret as string;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    // The secret is in no event; a retry of the command does not show it again.
    expect(JSON.stringify(await api.store.readStream('webhooks-11'))).not.toContain(secret);
    const retried = await request(api.http).post('/cafs/11/webhooks').set('Authorization', api.bearer(actors.agent)).send(body).expect(200);
    expect(retried.body.secret).toBeUndefined();

    const list = await get('/cafs/11/webhooks', actors.agent).expect(200);
    expect(list.body.subscriptions).toEqual([
      expect.objectContaining({ subscriptionId: 'erp-1', url, active: true, subscribedBy: 'agent-11', secretStored: true }),
    ]);

    // A decision of the Caf.
    await post('/campaigns', actors.agent, { parameters: PARAMETER_SETS['11-2026-2027'] }).expect(201);
    await post('/operators', actors.agent, { operatorId: 'op-1', cafCode: '11', name: 'Association op-1', kind: 'association' }).expect(
      201,
    );
    clock.set(paris('2026-06-20'));
    await post('/projects/prj-1/application', actors.operator, {
      operatorId: 'op-1',
      cafCode: '11',
      schoolYear: '2026-2027',
      applicationKind: 'new',
      content: content(),
    }).expect(201);
    clock.set(paris('2026-09-01'));
    await post('/projects/prj-1/examination', actors.agent, {}).expect(201);
    clock.set(paris('2026-10-05', '14:00'));
    await post('/committees/11/2026-2027/meetings/cttee-2026-10-05/held', actors.committee, {
      date: '2026-10-05',
      members: [{ institution: 'caf' }, { institution: 'dsden' }],
      agenda: ['prj-1'],
    }).expect(201);
    const decided = await post('/projects/prj-1/decision', actors.committee, {
      decisionId: 'dec-1',
      meetingId: 'cttee-2026-10-05',
      effectiveDate: '2026-10-05',
      decision: {
        outcome: 'approved',
        approvedCollectifs: 2,
        bonusesGranted: { enfants: null, parents: null },
        forecastOperatingCost: 1_800_000,
      },
    }).expect(201);
    const decisionEventId = decided.body.eventIds[0] as string;

    dispatcher.start();
    for (const until = Date.now() + 10_000; !receiver.requests.some((r) => r.answered === 200) && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 10));

    expect(receiver.requests.map((r) => r.answered)).toEqual([500, 200]);
    const delivered = receiver.requests[1];
    expect(delivered.headers['x-clas-event-id']).toBe(decisionEventId);
    expect(
      verifyWebhookSignature(
        secret,
        delivered.headers['x-clas-timestamp'] as string,
        delivered.body,
        delivered.headers['x-clas-signature'] as string,
      ),
    ).toBe(true);
    expect(JSON.parse(delivered.body)).toMatchObject({
      eventId: decisionEventId,
      type: 'CommitteeDecisionRecorded',
      streamId: 'project-prj-1',
      data: { projectId: 'prj-1', cafCode: '11' },
    });

    // The delivery log, as the API serves it.
    let log: request.Response;
    for (const until = Date.now() + 5_000; ; await new Promise((r) => setTimeout(r, 10))) {
      log = await get('/cafs/11/webhooks/erp-1/deliveries', actors.agent).expect(200);
      if (log.body.deliveries[0]?.status === 'delivered' || Date.now() > until) break;
    }
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({
        eventId: decisionEventId,
        eventType: 'CommitteeDecisionRecorded',
        status: 'delivered',
        attempts: 2,
        nextAttemptAt: null,
        lastStatusCode: 200,
        attemptLog: [
          expect.objectContaining({ attempt: 1, statusCode: 500, error: 'answered HTTP 500' }),
          expect.objectContaining({ attempt: 2, statusCode: 200 }),
        ],
      }),
    ]);
    await get('/cafs/11/webhooks/erp-1/deliveries', actors.agentElsewhere).expect(403);
    await get('/cafs/11/webhooks/nobody/deliveries', actors.agent).expect(404);
  });

  it('unsubscribes: the subscription is kept as ended, and its id cannot be subscribed again', async () => {
    await post('/cafs/11/webhooks/erp-1/unsubscription', actors.agent).expect(201);
    const list = await get('/cafs/11/webhooks', actors.agent).expect(200);
    expect(list.body.subscriptions[0]).toMatchObject({ subscriptionId: 'erp-1', active: false, unsubscribedBy: 'agent-11' });
    const again = await post('/cafs/11/webhooks/erp-1/unsubscription', actors.agent).expect(400);
    expect(again.body.errors[0].field).toBe('data.subscriptionId');
    await post('/cafs/11/webhooks', actors.agent, { subscriptionId: 'erp-1', url, eventTypes: ['AdvancePaid'] }).expect(400);
  });
});
