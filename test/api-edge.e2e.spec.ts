import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import type { CommandOutcome } from '@clas/application';
import { audeParameters, actors } from '@clas/application/testing';
import { type ApiHarness, TEST_MAX_BODY_BYTES, startApi } from './support/api-harness.js';
import { ScriptedCommandBus } from './support/scripted-command-bus.js';

/**
 * Issue 6, the edge on its own: validation, error mapping, the command envelope. The bus is
 * scripted, so each test says exactly which outcome the domain would give.
 */
const NOW = new Date('2026-11-22T10:00:00.000Z');
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const openCampaign = (n: number, parameters: Record<string, unknown> = audeParameters() as unknown as Record<string, unknown>) => ({
  commandId: uuid(n),
  data: { parameters },
});

describe('HTTP edge (issue 6): validation, errors, command envelope', () => {
  const bus = new ScriptedCommandBus();
  let api: ApiHarness;
  let agent: string;

  beforeAll(async () => {
    api = await startApi({ bus, clock: { now: () => NOW } });
    agent = api.bearer(actors.agent);
  });
  afterAll(() => api.close());
  beforeEach(() => {
    bus.requests.length = 0;
    bus.answer({ ok: true, streamId: 'campaign-11-2026-2027', eventIds: ['e-1'], streamVersion: 0, positions: [1], duplicate: false });
  });

  const post = (path: string, body: unknown) =>
    request(api.http)
      .post(path)
      .set('Authorization', agent)
      .send(body as object);

  describe('400: malformed input names the field and never reaches the bus', () => {
    it('a negative price cap (cents) in OpenCampaign', async () => {
      const res = await post('/campaigns', openCampaign(1, { ...audeParameters(), priceCapPerCollectif: -1 })).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'the request is invalid',
        errors: [{ field: 'data.parameters.priceCapPerCollectif', message: 'must be an integer ≥ 0 (cents)' }],
      });
      expect(bus.requests).toHaveLength(0);
    });

    it('euros with decimals instead of cents', async () => {
      const res = await post('/campaigns', openCampaign(2, { ...audeParameters(), bonusEnfants: 335.5 })).expect(400);
      expect(res.body.errors).toEqual([{ field: 'data.parameters.bonusEnfants', message: 'must be an integer ≥ 0 (cents)' }]);
    });

    it('an unknown Caf code, in the body and in the path', async () => {
      const body = await post('/campaigns', openCampaign(3, { ...audeParameters(), cafCode: '99' })).expect(400);
      expect(body.body.errors).toEqual([
        { field: 'data.parameters.cafCode', message: 'must be the code of a département (e.g. "11", "2A", "974")' },
      ]);
      const path = await post('/campaigns/99/2026-2027/amendments', {
        commandId: uuid(4),
        data: { patch: { bonusEnfants: 1 }, reason: 'r' },
      }).expect(400);
      expect(path.body.errors).toEqual([{ field: 'cafCode', message: 'must be the code of a département (e.g. "11", "2A", "974")' }]);
      expect(bus.requests).toHaveLength(0);
    });

    it('a deeply nested field, a null where an object is required, an unknown field, a missing data', async () => {
      const nested = await post(
        '/campaigns',
        openCampaign(5, {
          ...audeParameters(),
          rhythm: { normal: { sessionsPerWeek: 9, minMinutesPerSession: 90 }, rural: null, minWeeks: 27 },
        }),
      ).expect(400);
      expect(nested.body.errors).toEqual([
        { field: 'data.parameters.rhythm.normal.sessionsPerWeek', message: 'must be an integer between 1 and 7' },
      ]);
      const nulled = await post('/campaigns', openCampaign(6, { ...audeParameters(), deadlines: null })).expect(400);
      expect(nulled.body.errors).toEqual([{ field: 'data.parameters.deadlines', message: 'must be an object' }]);
      const unknown = await post('/campaigns', { ...openCampaign(7), surprise: 1 }).expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'surprise', message: 'is not an accepted field' }]);
      const missing = await post('/campaigns', { commandId: uuid(8) }).expect(400);
      expect(missing.body.errors).toEqual([{ field: 'data', message: 'must be an object' }]);
    });

    it('the envelope: commandId must be a uuid, occurredAt an instant with a zone, expectedVersion an integer ≥ 0', async () => {
      const res = await post('/campaigns', {
        ...openCampaign(9),
        commandId: 'retry-me',
        occurredAt: '2026-06-01 10:00',
        expectedVersion: -2,
      }).expect(400);
      expect(res.body.errors).toEqual([
        { field: 'commandId', message: 'must be a uuid' },
        {
          field: 'occurredAt',
          message: 'must be an ISO-8601 instant with a zone, a real date in years 1900–2199 (e.g. "2026-10-05T08:00:00Z")',
        },
        { field: 'expectedVersion', message: `must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}` },
      ]);
    });

    it('a body that is not a JSON object', async () => {
      const res = await request(api.http)
        .post('/campaigns')
        .set('Authorization', agent)
        .set('Content-Type', 'application/json')
        .send('[1,2]')
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'body', message: 'must be a JSON object (Content-Type: application/json)' }]);
    });
  });

  it('malformed JSON → 400 MALFORMED_JSON, as JSON, without a stack', async () => {
    const res = await request(api.http)
      .post('/campaigns')
      .set('Authorization', agent)
      .set('Content-Type', 'application/json')
      .send('{"commandId": "x",')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ statusCode: 400, code: 'MALFORMED_JSON', message: 'the body is not valid JSON' });
  });

  it('a body over maxBodyBytes → 413 PAYLOAD_TOO_LARGE', async () => {
    const big = { ...openCampaign(10), padding: 'x'.repeat(TEST_MAX_BODY_BYTES) };
    const res = await post('/campaigns', big).expect(413);
    expect(res.body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `the body exceeds the limit of ${TEST_MAX_BODY_BYTES} bytes`,
      limit: TEST_MAX_BODY_BYTES,
    });
    expect(bus.requests).toHaveLength(0);
  });

  describe('issue 11: every malformed input is a 4xx, never a 5xx, and never reaches the bus', () => {
    const raw = (body: string | Buffer, headers: Record<string, string> = {}) => {
      const req = request(api.http).post('/campaigns').set('Authorization', agent).set('Content-Type', 'application/json');
      for (const [name, value] of Object.entries(headers)) req.set(name, value);
      // superagent would JSON-serialise a Buffer: send the bytes as they are.
      return req.serialize((bytes: unknown) => bytes as string).send(body);
    };

    it('an impossible occurredAt (30 February, month 13, 24:00, year 9999) → 400 naming occurredAt, not a roll-over to 2 March', async () => {
      for (const occurredAt of ['2026-02-30T10:00:00Z', '2026-13-01T10:00:00Z', '2026-06-01T24:00:00Z', '9999-12-31T10:00:00Z']) {
        const res = await post('/campaigns', { ...openCampaign(20), occurredAt }).expect(400);
        expect(res.body.errors).toEqual([
          {
            field: 'occurredAt',
            message: 'must be an ISO-8601 instant with a zone, a real date in years 1900–2199 (e.g. "2026-10-05T08:00:00Z")',
          },
        ]);
      }
      expect(bus.requests).toHaveLength(0);
    });

    it('JSON nested deeper than 32 levels → 400 JSON_TOO_DEEP before any transformer walks it (10 000 levels was a stack overflow: 500)', async () => {
      const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
      for (const body of [
        `{"commandId":"${uuid(21)}","data":${deep(10_000)}}`,
        '['.repeat(30_000) + ']'.repeat(30_000),
        `{"data":{"parameters":${deep(32)}}}`,
      ]) {
        const res = await raw(body).expect(400);
        expect(res.body).toEqual({
          statusCode: 400,
          code: 'JSON_TOO_DEEP',
          message: 'the body nests objects or arrays more than 32 levels deep',
          limit: 32,
        });
      }
      // 32 levels exactly is still JSON the validation pipe answers field by field.
      const atLimit = await raw(`{"commandId":"${uuid(22)}","data":{"parameters":${deep(30)}}}`).expect(400);
      expect(atLimit.body.code).toBe('VALIDATION_FAILED');
      expect(bus.requests).toHaveLength(0);
    });

    it('a body that does not decode as its Content-Encoding says → 400 MALFORMED_ENCODING; an encoding we do not decode → 415', async () => {
      const json = JSON.stringify(openCampaign(23));
      for (const [encoding, body] of [
        ['gzip', json],
        ['gzip', gzipSync(json).subarray(0, 20)],
        ['deflate', 'not deflated'],
        ['br', 'not brotli'],
      ] as const) {
        const res = await raw(body, { 'Content-Encoding': encoding }).expect(400);
        expect(res.body).toEqual({
          statusCode: 400,
          code: 'MALFORMED_ENCODING',
          message: 'the body does not decode as its Content-Encoding says',
        });
      }
      for (const encoding of ['compress', 'x-unknown', 'gzip, identity']) {
        const res = await raw(json, { 'Content-Encoding': encoding }).expect(415);
        expect(res.body).toEqual({
          statusCode: 415,
          code: 'UNSUPPORTED_CONTENT_ENCODING',
          message: 'the Content-Encoding is not supported (identity, gzip, deflate, br)',
        });
      }
      expect(bus.requests).toHaveLength(0);
      // Well-encoded bodies are decoded as before.
      await raw(gzipSync(json), { 'Content-Encoding': 'gzip' }).expect(201);
      await raw(brotliCompressSync(JSON.stringify(openCampaign(24))), { 'Content-Encoding': 'br' }).expect(201);
      expect(bus.requests).toHaveLength(2);
    });

    it('a GET is answered whatever body it carries: the API reads no body on a question (no 413 or 415 there)', async () => {
      // HEAD is answered by the same route (checked with curl; superagent cannot send a HEAD with a body).
      const res = await request(api.http)
        .get('/health')
        .set({ 'Content-Type': 'application/json; charset=latin1', 'Content-Encoding': 'x-unknown' })
        .serialize((bytes: unknown) => bytes as string)
        .send('{"not": "read"');
      expect([res.status, res.body]).toEqual([200, { status: 'ok' }]);
    });
  });

  it('an unknown route → 404 as JSON', async () => {
    const res = await request(api.http).get('/nowhere').set('Authorization', agent).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('an unexpected error → 500 with a correlation id only; the details go to the JSON log under that id', async () => {
    bus.answer(new Error('disk on fire at /var/lib/secret'));
    const res = await post('/campaigns', openCampaign(11)).set('x-correlation-id', 'req-42').expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'unexpected error; quote the correlation id when reporting it',
      correlationId: 'req-42',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/disk on fire|at .*\.ts/);
    const logged = api.logLines.find((l) => l.correlationId === 'req-42');
    expect(logged).toMatchObject({ level: 'error', msg: 'unexpected error', error: 'disk on fire at /var/lib/secret', path: '/campaigns' });
    expect(typeof logged?.stack).toBe('string');
  });

  describe('the command envelope reaches the bus as a domain command', () => {
    it('with the actor of the token, the correlation id, and occurredAt defaulting to now', async () => {
      await post('/campaigns', openCampaign(12)).set('x-correlation-id', 'corr-1').expect(201);
      expect(bus.requests).toHaveLength(1);
      const [req] = bus.requests;
      expect(req.actor).toEqual(actors.agent);
      expect(req.correlationId).toBe('corr-1');
      expect(req.expectedVersion).toBeUndefined();
      expect(req.command).toEqual({
        type: 'OpenCampaign',
        commandId: uuid(12),
        occurredAt: NOW.toISOString(),
        data: { parameters: audeParameters() },
      });
    });

    it('expectedVersion from the body or from If-Match (which must agree)', async () => {
      const amend = (n: number, extra: Record<string, unknown> = {}) => ({
        commandId: uuid(n),
        data: { patch: { bonusEnfants: 34_000 }, reason: 'CNAF 2026' },
        ...extra,
      });
      await post('/campaigns/11/2026-2027/amendments', amend(13, { expectedVersion: 3 })).expect(201);
      await post('/campaigns/11/2026-2027/amendments', amend(14)).set('If-Match', '"4"').expect(201);
      expect(bus.requests.map((r) => r.expectedVersion)).toEqual([3, 4]);
      expect(bus.requests[0].command).toMatchObject({
        type: 'AmendCampaignParameters',
        data: { cafCode: '11', schoolYear: '2026-2027', patch: { bonusEnfants: 34_000 }, reason: 'CNAF 2026' },
      });
      const bad = await post('/campaigns/11/2026-2027/amendments', amend(15)).set('If-Match', 'latest').expect(400);
      expect(bad.body.errors).toEqual([{ field: 'If-Match', message: 'must be a stream version, e.g. "3"' }]);
      const disagree = await post('/campaigns/11/2026-2027/amendments', amend(16, { expectedVersion: 2 }))
        .set('If-Match', '5')
        .expect(400);
      expect(disagree.body.errors).toEqual([{ field: 'If-Match', message: 'must equal expectedVersion of the body' }]);
    });
  });

  describe('outcome → HTTP, in one place (command-outcome.mapper.ts)', () => {
    const rows: Array<[string, CommandOutcome, number, Record<string, unknown>]> = [
      [
        'written',
        { ok: true, streamId: 's-1', eventIds: ['e1'], streamVersion: 0, positions: [7], duplicate: false },
        201,
        { streamId: 's-1', eventIds: ['e1'], streamVersion: 0, positions: [7], duplicate: false },
      ],
      [
        'duplicate',
        { ok: true, streamId: 's-1', eventIds: ['e1'], streamVersion: 0, positions: [7], duplicate: true },
        200,
        { streamId: 's-1', eventIds: ['e1'], streamVersion: 0, positions: [7], duplicate: true },
      ],
      [
        'rejected',
        {
          ok: false,
          kind: 'rejected',
          rejection: {
            code: 'FILED_AFTER_DEADLINE',
            ruleId: 'R-LIFE-1',
            message: 'filed after the deadline',
            details: { deadline: '2026-08-05' },
          },
        },
        422,
        {
          statusCode: 422,
          code: 'FILED_AFTER_DEADLINE',
          ruleId: 'R-LIFE-1',
          message: 'filed after the deadline',
          details: { deadline: '2026-08-05' },
        },
      ],
      [
        'rejected as malformed by the domain',
        {
          ok: false,
          kind: 'rejected',
          rejection: {
            code: 'INVALID_INPUT',
            ruleId: 'R-INPUT',
            message: 'patch: must change at least one parameter',
            details: { field: 'patch' },
          },
        },
        400,
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'the request is invalid',
          errors: [{ field: 'data.patch', message: 'must change at least one parameter' }],
        },
      ],
      [
        'conflict',
        { ok: false, kind: 'conflict', streamId: 'campaign-11-2026-2027', expectedVersion: 2, actualVersion: 5 },
        409,
        {
          statusCode: 409,
          code: 'CONCURRENCY_CONFLICT',
          message: 'stream campaign-11-2026-2027 is at version 5, not 2',
          streamId: 'campaign-11-2026-2027',
          expectedVersion: 2,
          currentVersion: 5,
        },
      ],
      [
        'not found',
        { ok: false, kind: 'not_found', what: 'operator', id: 'op-9' },
        404,
        { statusCode: 404, code: 'NOT_FOUND', message: 'unknown operator op-9', what: 'operator', id: 'op-9' },
      ],
      [
        'forbidden',
        { ok: false, kind: 'forbidden', reason: 'caf_agent of Caf 40 may not act within Caf 11' },
        403,
        { statusCode: 403, code: 'FORBIDDEN', message: 'caf_agent of Caf 40 may not act within Caf 11' },
      ],
    ];

    it.each(rows)('%s', async (_, outcome, status, body) => {
      bus.answer(outcome);
      const res = await post('/campaigns', openCampaign(100 + status)).expect(status);
      expect(res.body).toEqual(body);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    });
  });
});
