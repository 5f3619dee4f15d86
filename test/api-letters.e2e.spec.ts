import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor } from '@clas/application';
import { PARAMETER_SETS, localDate, parisInstant } from '@clas/domain';
import { actors, content } from '@clas/application/testing';
import { FakeClock } from '@clas/event-store/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { agreementSignatureData, bilanData } from './support/project-requests.js';

/**
 * R-NOTIFY and R-AGREEMENT-ANNUAL through HTTP: the letters of a decision and of its correction
 * (HTML and PDF, the same bytes at a later date), sending recorded with the hash of the document
 * as rendered, the annual agreement signed before the balance. One story on one API whose clock
 * is the store's, so each letter is rendered as of its own recording.
 */
const paris = (date: string, time = '10:00') => parisInstant(localDate(date), time);
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('decision letters and the annual agreement (R-NOTIFY, R-AGREEMENT-ANNUAL)', () => {
  let api: ApiHarness;
  const clock = new FakeClock(paris('2026-04-01'));
  const on = (date: string, time = '10:00') => clock.set(paris(date, time));
  const post = (path: string, actor: Actor, data?: object) =>
    request(api.http)
      .post(path)
      .set('Authorization', api.bearer(actor))
      .send({ commandId: randomUUID(), ...(data === undefined ? {} : { data }) });
  const get = (path: string, actor: Actor = actors.agent) => request(api.http).get(path).set('Authorization', api.bearer(actor));
  const pdf = (path: string, actor: Actor = actors.agent) =>
    get(path, actor).set('Accept', 'application/pdf').buffer(true).parse(binary).expect(200);
  let decisionPdf: Buffer;

  beforeAll(async () => {
    api = await startApi({ clock });
    await post('/campaigns', actors.agent, { parameters: PARAMETER_SETS['11-2026-2027'] }).expect(201);
    await post('/operators', actors.agent, {
      operatorId: 'op-1',
      cafCode: '11',
      name: 'Association Lire & <Grandir>',
      kind: 'association',
    }).expect(201);
    on('2026-06-20');
    await post('/projects/prj-1/application', actors.operator, {
      operatorId: 'op-1',
      cafCode: '11',
      schoolYear: '2026-2027',
      applicationKind: 'new',
      content: content(),
    }).expect(201);
    on('2026-09-01');
    await post('/projects/prj-1/examination', actors.agent).expect(201);
    on('2026-10-05', '14:00');
    await post('/committees/11/2026-2027/meetings/cttee-2026-10-05/held', actors.committee, {
      date: '2026-10-05',
      members: [{ institution: 'caf' }, { institution: 'dsden' }],
      agenda: ['prj-1'],
    }).expect(201);
    await post('/projects/prj-1/decision', actors.committee, {
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
    on('2026-10-06');
    decisionPdf = (await pdf('/projects/prj-1/letters/dec-1')).body as Buffer;
    on('2026-10-20');
    await post('/projects/prj-1/decision/corrections', actors.committee, {
      decisionId: 'dec-1',
      reason: 'le procès-verbal retient un seul collectif',
      changes: { approvedCollectifs: 1, approvedCollectifRefs: ['c1'] },
    }).expect(201);
  }, 60_000);
  afterAll(() => api.close());

  it('R-NOTIFY: GET …/letters lists the decision and its correction, with their hashes, none sent yet', async () => {
    const res = await get('/projects/prj-1/letters').expect(200);
    expect(res.body.letters.map((l: { letterId: string; kind: string; notified: boolean }) => [l.letterId, l.kind, l.notified])).toEqual([
      ['dec-1', 'approval', false],
      ['dec-1-rectificatif-1', 'correction', false],
    ]);
    expect(res.body.agreement).toMatchObject({ agreementId: 'dec-1-convention-annuelle', signed: null });
  });

  it('R-NOTIFY: the letter as HTML (escaped, in French) and as PDF, whose SHA-256 is the one listed', async () => {
    const html = await get('/projects/prj-1/letters/dec-1')
      .expect(200)
      .expect('content-type', /text\/html/);
    expect(html.text).toContain('Caf de l&#39;Aude');
    expect(html.text).toContain('Association Lire &#38; &#60;Grandir&#62;');
    expect(html.text).toContain('Collectifs retenus : 2');
    const file = await pdf('/projects/prj-1/letters/dec-1');
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((file.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const listed = await get('/projects/prj-1/letters').expect(200);
    expect(file.headers['x-document-sha256']).toBe(listed.body.letters[0].documentHash);
    const byQuery = await get('/projects/prj-1/letters/dec-1-rectificatif-1?format=pdf').buffer(true).parse(binary).expect(200);
    expect(byQuery.headers['x-document-sha256']).toBe(listed.body.letters[1].documentHash);
  });

  it('R-NOTIFY: the decision letter is byte-identical after its correction and months later', async () => {
    on('2027-03-01');
    const later = await pdf('/projects/prj-1/letters/dec-1');
    expect(Buffer.compare(later.body as Buffer, decisionPdf)).toBe(0);
  });

  it('R-NOTIFY: sending is recorded with the rendered hash only; the list then shows it sent', async () => {
    const listed = await get('/projects/prj-1/letters').expect(200);
    const hash = listed.body.letters[0].documentHash as string;
    const head = await api.store.headPosition();
    const wrong = await post('/projects/prj-1/notifications', actors.agent, {
      letterId: 'dec-1',
      channel: 'email',
      recipientId: 'rcpt-op-1',
      documentHash: 'f'.repeat(64),
    }).expect(422);
    expect(wrong.body).toMatchObject({
      code: 'DOCUMENT_HASH_MISMATCH',
      ruleId: 'R-NOTIFY',
      details: { field: 'documentHash', expected: hash },
    });
    await post('/projects/prj-1/notifications', actors.agent, {
      letterId: 'dec-9',
      channel: 'post',
      recipientId: 'rcpt-op-1',
      documentHash: hash,
    })
      .expect(422)
      .expect((res) => expect(res.body.code).toBe('LETTER_UNKNOWN'));
    await post('/projects/prj-1/notifications', actors.operator, {
      letterId: 'dec-1',
      channel: 'email',
      recipientId: 'rcpt-op-1',
      documentHash: hash,
    }).expect(403);
    expect(await api.store.headPosition()).toBe(head);
    await post('/projects/prj-1/notifications', actors.agent, {
      letterId: 'dec-1',
      channel: 'email',
      recipientId: 'rcpt-op-1',
      documentHash: hash,
    }).expect(201);
    const after = await get('/projects/prj-1/letters', actors.operator).expect(200);
    expect(after.body.letters.map((l: { notified: boolean }) => l.notified)).toEqual([true, false]);
    expect(after.body.letters[0].notifications).toEqual([
      { channel: 'email', recipientId: 'rcpt-op-1', sentOn: '2027-03-01', documentHash: hash },
    ]);
  });

  it('R-NOTIFY: an operator reads its own letters only; a dashboard reads none', async () => {
    await get('/projects/prj-1/letters/dec-1', actors.operator).expect(200);
    await get('/projects/prj-1/letters', actors.otherOperator).expect(403);
    await get('/projects/prj-1/letters/dec-1', actors.dashboard).expect(403);
    await get('/projects/prj-1/letters/dec-7').expect(404);
  });

  it('R-AGREEMENT-ANNUAL: the balance waits for the signed annual agreement (HTML and PDF), then is paid', async () => {
    const html = await get('/projects/prj-1/agreement', actors.operator).expect(200);
    expect(html.text).toContain('Convention Clas annuelle');
    expect(html.text).toContain('Collectifs retenus : 1');
    on('2027-07-01');
    await post('/projects/prj-1/bilans', actors.operator, bilanData('bilan-1', 1_000_000)).expect(201);
    on('2027-07-10');
    await post('/projects/prj-1/bilans/validation', actors.agent, { bilanId: 'bilan-1' }).expect(201);
    on('2027-07-20');
    const refused = await post('/projects/prj-1/payments/balance', actors.agent, { paymentId: 'bal-1', amount: 100_000 }).expect(422);
    expect(refused.body).toMatchObject({ code: 'NO_SIGNED_AGREEMENT', ruleId: 'R-AGREEMENT-ANNUAL' });
    const file = await pdf('/projects/prj-1/agreement', actors.operator);
    const letters = await get('/projects/prj-1/letters').expect(200);
    expect(file.headers['x-document-sha256']).toBe(letters.body.agreement.documentHash);
    await post('/projects/prj-1/agreement/signature', actors.operator, agreementSignatureData(letters.body)).expect(201);
    await post('/projects/prj-1/payments/balance', actors.agent, { paymentId: 'bal-1', amount: 100_000 }).expect(201);
    const signed = await get('/projects/prj-1/letters').expect(200);
    expect(signed.body.agreement.signed).toEqual({ signedOn: '2027-07-20', signatoryRole: 'president' });
  });
});

describe('R-AGREEMENT-ANNUAL: under a multi-year convention covering the year, no annual agreement', () => {
  let api: ApiHarness;
  const clock = new FakeClock(paris('2026-04-01'));
  const on = (date: string, time = '10:00') => clock.set(paris(date, time));
  const centreSocial: Actor = { id: 'user-op-cs', role: 'operator', caf: null, operatorId: 'op-cs' };
  const post = (path: string, actor: Actor, data?: object) =>
    request(api.http)
      .post(path)
      .set('Authorization', api.bearer(actor))
      .send({ commandId: randomUUID(), ...(data === undefined ? {} : { data }) });
  const get = (path: string, actor: Actor = actors.agent) => request(api.http).get(path).set('Authorization', api.bearer(actor));

  beforeAll(async () => {
    api = await startApi({ clock });
    await post('/campaigns', actors.agent, { parameters: PARAMETER_SETS['11-2026-2027'] }).expect(201);
    // A centre social within its Caf approval period (R-CONV-1): its convention needs no prior approved years.
    await post('/operators', actors.agent, {
      operatorId: 'op-cs',
      cafCode: '11',
      name: 'Centre social La Fontaine',
      kind: 'centre_social',
      cafApproval: { from: '2024-01-01', to: '2029-12-31' },
    }).expect(201);
    on('2026-06-20');
    await post('/projects/prj-cs/application', centreSocial, {
      operatorId: 'op-cs',
      cafCode: '11',
      schoolYear: '2026-2027',
      applicationKind: 'new',
      content: content(),
    }).expect(201);
    on('2026-06-25');
    await post('/conventions', centreSocial, {
      conventionId: 'conv-cs',
      operatorId: 'op-cs',
      cafCode: '11',
      projectIds: ['prj-cs'],
      startSchoolYear: '2026-2027',
      years: 3,
      terms: { startDate: '2026-11-02', collectifs: 2, children: 20, weeks: 28 },
    }).expect(201);
    on('2026-07-01');
    await post('/conventions/conv-cs/signature', actors.agent).expect(201);
    on('2026-09-01');
    await post('/projects/prj-cs/examination', actors.agent).expect(201);
    on('2026-10-05', '14:00');
    await post('/committees/11/2026-2027/meetings/cttee-2026-10-05/held', actors.committee, {
      date: '2026-10-05',
      members: [{ institution: 'caf' }, { institution: 'dsden' }],
      agenda: ['prj-cs'],
    }).expect(201);
    await post('/projects/prj-cs/decision', actors.committee, {
      decisionId: 'dec-cs',
      meetingId: 'cttee-2026-10-05',
      effectiveDate: '2026-10-05',
      decision: {
        outcome: 'approved',
        approvedCollectifs: 2,
        bonusesGranted: { enfants: null, parents: null },
        forecastOperatingCost: 1_800_000,
      },
    }).expect(201);
    on('2027-07-01');
    await post('/projects/prj-cs/bilans', centreSocial, bilanData('bilan-1', 1_700_000)).expect(201);
    on('2027-07-10');
    await post('/projects/prj-cs/bilans/validation', actors.agent, { bilanId: 'bilan-1' }).expect(201);
  }, 60_000);
  afterAll(() => api.close());

  it('R-AGREEMENT-ANNUAL: the balance is paid under the convention; an annual agreement is refused as not needed', async () => {
    on('2027-07-20');
    const letters = await get('/projects/prj-cs/letters').expect(200);
    expect(letters.body).toMatchObject({ agreement: null, coveringConventionId: 'conv-cs' });
    await get('/projects/prj-cs/agreement').expect(404);
    // Even with the hash of an agreement drawn elsewhere, the Caf does not record one under a convention.
    const refused = await post('/projects/prj-cs/agreement/signature', centreSocial, {
      signatoryRole: 'president',
      documentHash: 'c'.repeat(64),
    }).expect(422);
    expect(refused.body).toMatchObject({
      code: 'AGREEMENT_NOT_NEEDED',
      ruleId: 'R-AGREEMENT-ANNUAL',
      details: { conventionId: 'conv-cs' },
    });
    await post('/projects/prj-cs/payments/balance', actors.agent, { paymentId: 'bal-1', amount: 100_000 }).expect(201);
  });
});
