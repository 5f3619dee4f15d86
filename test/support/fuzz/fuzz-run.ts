import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import { randomSecret } from '@clas/runtime';
import { actors, STORY_START } from '@clas/application/testing';
import { FakeClock } from '@clas/event-store/testing';
import { startApi } from '../api-harness.js';
import { CHILDREN, seedSeason } from '../season.seed.js';
import type { FuzzWorld } from './fuzz-draft.js';
import type { OpenApiDocument } from './openapi-routes.js';
import { type FuzzRequest, RequestGenerator, describeRequest } from './request-generator.js';

export interface FuzzOptions {
  requests: number;
  seed: number;
  /** Send only this request of the run (a replay). */
  only?: number;
  /** Called every `progressEvery` requests. */
  onProgress?: (done: number, report: FuzzReport) => void;
  progressEvery?: number;
  /** Stop collecting failures after this many (default 20). */
  maxFailures?: number;
}

export interface FuzzFailure {
  request: FuzzRequest;
  status: number;
  problem: string;
  response: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  /** Responses by status class: `2xx`, `4xx`, `5xx`… */
  byClass: Record<string, number>;
  byStatus: Record<string, number>;
  /** Events the log gained during the run, and what the 2xx responses said they wrote. */
  eventsAppended: number;
  eventsReported: number;
  /** Routes of the OpenAPI document, and how many of them the run sent requests to. */
  routes: number;
  routesHit: number;
  failures: FuzzFailure[];
  elapsedMs: number;
}

interface Response {
  status: number;
  body: string;
}

/** Sends the bytes exactly as generated (supertest would re-encode a path or JSON-serialise a Buffer). */
function send(port: number, agent: Agent, req: FuzzRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = req.body.length;
    const r = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('timeout', () => r.destroy(new Error('no response within 30 s')));
    r.on('error', reject);
    r.end(req.body);
  });
}

/** What a 2xx response says it appended (a command's new events; a duplicate or a read: none). */
function reportedEvents(response: Response): number {
  if (response.status < 200 || response.status >= 300) return 0;
  try {
    const body = JSON.parse(response.body) as { eventIds?: unknown; duplicate?: unknown };
    return Array.isArray(body.eventIds) && body.duplicate === false ? body.eventIds.length : 0;
  } catch {
    return 0;
  }
}

/** Every error is JSON `{ statusCode, code, message }` with the response's status (README-api-patterns). */
function errorShapeProblem(response: Response, method: string): string | null {
  if (response.status < 400 || method === 'HEAD') return null;
  try {
    const body = JSON.parse(response.body) as { statusCode?: unknown; code?: unknown };
    if (body.statusCode === response.status && typeof body.code === 'string') return null;
  } catch {
    // not JSON: reported below
  }
  return 'the error is not JSON { statusCode, code, message }';
}

/**
 * The fuzz run shared by the test and `npm run fuzz`: an API in-process over an in-memory
 * SQLite log seeded with the Aude season, its own `/docs-json` as the list of routes, then
 * `requests` generated requests one after the other. Each is checked on its own: no status
 * ≥ 500, an error body in the API's shape, and the log's head moved by exactly what a 2xx
 * response reports (a refused request appends nothing).
 */
/** After every seeded fact: the instant each fuzzed request is received at. */
const FUZZ_NOW = '2026-11-22T10:00:00.000Z';

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  // The season is seeded as it happened (R-LIFE-RECEIPT), then the clock stops: a run is the same
  // run whenever it is replayed, and each request is received at the same instant.
  const secret = randomSecret();
  const clock = new FakeClock(STORY_START);
  const api = await startApi({ clock }, { CLAS_JWT_SECRET: secret });
  // One connection per request: a reused socket the server has just closed would look like a crash.
  const agent = new Agent({ keepAlive: false });
  try {
    await seedSeason(api);
    clock.set(FUZZ_NOW);
    await new Promise<void>((resolve) => api.http.listen(0, '127.0.0.1', resolve));
    const port = (api.http.address() as AddressInfo).port;
    const doc = JSON.parse(
      (await send(port, agent, { seed: 0, index: -1, method: 'GET', path: '/docs-json', route: '', headers: {}, mutations: [] })).body,
    ) as OpenApiDocument;
    const world: FuzzWorld = {
      ids: {
        projectId: ['prj-1'],
        collectifId: ['col-1'],
        operatorId: ['op-1', 'op-2'],
        childId: CHILDREN,
        personId: CHILDREN,
        cafCode: ['11'],
        schoolYear: ['2026-2027'],
      },
      bearers: [
        actors.agent,
        actors.operator,
        actors.committee,
        actors.agentElsewhere,
        actors.otherOperator,
        actors.auditor,
        actors.dashboard,
      ].map((actor) => ({
        role: actor.role,
        inScope: actor.caf === '11' || actor.operatorId === 'op-1',
        bearer: `Bearer ${api.tokens.issue(actor, 3600)}`,
      })),
      // TokenService refuses to issue an expired token: sign one with the same secret.
      expiredBearer: `Bearer ${new JwtService({ secret }).sign({ role: actors.agent.role, caf: actors.agent.caf, operatorId: null }, { subject: actors.agent.id, expiresIn: -60 })}`,
    };
    const generator = new RequestGenerator(doc, world);
    const report: FuzzReport = {
      seed: options.seed,
      requests: 0,
      byClass: {},
      byStatus: {},
      eventsAppended: 0,
      eventsReported: 0,
      routes: generator.routes.length,
      routesHit: 0,
      failures: [],
      elapsedMs: 0,
    };
    const hit = new Set<string>();
    const maxFailures = options.maxFailures ?? 20;
    const indexes = options.only !== undefined ? [options.only] : Array.from({ length: options.requests }, (_, i) => i);
    for (const index of indexes) {
      const request = generator.request(options.seed, index);
      hit.add(request.route);
      const head = await api.store.headPosition();
      let response: Response;
      try {
        response = await send(port, agent, request);
      } catch (error) {
        response = { status: 0, body: (error as Error).message };
      }
      const appended = (await api.store.headPosition()) - head;
      const reported = reportedEvents(response);
      report.requests++;
      report.eventsAppended += appended;
      report.eventsReported += reported;
      const statusClass = response.status === 0 ? 'no response' : `${Math.floor(response.status / 100)}xx`;
      report.byClass[statusClass] = (report.byClass[statusClass] ?? 0) + 1;
      report.byStatus[response.status] = (report.byStatus[response.status] ?? 0) + 1;
      const problem =
        response.status === 0 || response.status >= 500
          ? `status ${response.status || 'none'}`
          : appended !== reported
            ? `the log gained ${appended} event(s), the response reports ${reported}`
            : errorShapeProblem(response, request.method);
      if (problem !== null && report.failures.length < maxFailures)
        report.failures.push({ request, status: response.status, problem, response: response.body.slice(0, 500) });
      if (options.onProgress && report.requests % (options.progressEvery ?? 1_000) === 0) options.onProgress(report.requests, report);
    }
    report.routesHit = hit.size;
    report.elapsedMs = Date.now() - started;
    return report;
  } finally {
    agent.destroy();
    await api.close();
  }
}

export function describeFailure(failure: FuzzFailure): string {
  return `${failure.problem} (HTTP ${failure.status}): ${failure.response}\n${describeRequest(failure.request)}`;
}

/** The counts as printed by the test and the script. */
export function summarise(report: FuzzReport): string {
  const classes = Object.entries(report.byClass)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return [
    `fuzz: seed ${report.seed}, ${report.requests} requests over ${report.routesHit}/${report.routes} routes in ${(report.elapsedMs / 1000).toFixed(1)} s`,
    `by class: ${classes}`,
    `by status: ${statuses}`,
    `events appended ${report.eventsAppended}, reported by 2xx responses ${report.eventsReported}; failures ${report.failures.length}`,
  ].join('\n');
}
