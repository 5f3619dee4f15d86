import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { COMMAND_ROLES, isClasCommandType } from '@clas/application';
import type { Draft, FuzzWorld } from './fuzz-draft.js';
import { BODY_MUTATIONS, type Mutation, PATH_MUTATIONS, QUERY_MUTATIONS, TRANSPORT_MUTATIONS } from './mutations.js';
import { ExampleBuilder, type OpenApiDocument, type Route, routesOf } from './openapi-routes.js';
import { SeededRandom } from './seeded-random.js';

/** One request on the wire, and how it was made (printed when it breaks something). */
export interface FuzzRequest {
  /** Rebuild it with `generator.request(seed, index)` (`npm run fuzz -- --seed S --only I`). */
  seed: number;
  index: number;
  method: string;
  /** Path and query, percent-encoded as sent. */
  path: string;
  /** The route of the OpenAPI document it was made from. */
  route: string;
  headers: Record<string, string>;
  body?: Buffer;
  mutations: string[];
}

/** Mutations by kind, weighted by how often a kind is drawn. */
const KINDS: Array<{ weight: number; mutations: Mutation[]; applies: (draft: Draft) => boolean }> = [
  { weight: 6, mutations: Object.values(BODY_MUTATIONS), applies: (d) => d.body !== undefined },
  { weight: 2, mutations: Object.values(TRANSPORT_MUTATIONS), applies: () => true },
  { weight: 2, mutations: Object.values(PATH_MUTATIONS), applies: (d) => Object.keys(d.params).length > 0 },
  { weight: 4, mutations: Object.values(QUERY_MUTATIONS), applies: (d) => d.route.query.length > 0 },
];

/**
 * The request generator of the HTTP fuzz test and of `npm run fuzz`: from the served OpenAPI
 * document, a plausible request for a route (examples, ids of the seeded log, a real token),
 * then 0 to 3 mutations. Deterministic in (seed, index).
 */
export class RequestGenerator {
  readonly routes: Route[];
  private readonly commandRoutes: Route[];
  private readonly readRoutes: Route[];
  private readonly examples: ExampleBuilder;

  constructor(
    doc: OpenApiDocument,
    private readonly world: FuzzWorld,
  ) {
    this.routes = routesOf(doc);
    this.commandRoutes = this.routes.filter((r) => r.body !== null);
    this.readRoutes = this.routes.filter((r) => r.body === null);
    this.examples = new ExampleBuilder(doc, world.ids);
  }

  request(seed: number, index: number): FuzzRequest {
    const random = SeededRandom.forRequest(seed, index);
    // Three requests in four go to the command routes in turn (2 000 requests visit each ~35
    // times), the fourth to a read route (GET with query strings, /persons).
    const route =
      index % 4 === 3 ? random.pick(this.readRoutes) : this.commandRoutes[(index - Math.floor(index / 4)) % this.commandRoutes.length]!;
    const draft = this.base(route, random);
    const mutations: string[] = [];
    const count = random.chance(0.1) ? 0 : random.int(1, 3);
    for (let i = 0; i < count; i++) {
      const kinds = KINDS.filter((k) => k.applies(draft));
      const total = kinds.reduce((sum, k) => sum + k.weight, 0);
      let draw = random.next() * total;
      const kind = kinds.find((k) => (draw -= k.weight) < 0) ?? kinds[kinds.length - 1]!;
      const applied = random.pick(kind.mutations)(draft, random, this.world);
      if (applied !== null) mutations.push(applied);
    }
    return serialise(draft, seed, index, mutations);
  }

  private base(route: Route, random: SeededRandom): Draft {
    const params: Record<string, string> = {};
    for (const { name, schema } of route.pathParams) params[name] = encodeURIComponent(String(this.examples.value(schema, random, name)));
    const query: Array<[string, string]> = [];
    for (const { name, schema } of route.query) {
      if (random.chance(0.5)) query.push([name, encodeURIComponent(String(this.examples.value(schema, random, name)))]);
    }
    const headers: Record<string, string> = { authorization: this.bearerFor(route, random) };
    let body: unknown;
    if (route.body) {
      headers['content-type'] = 'application/json';
      body = this.examples.value(route.body, random);
      // occurredAt defaults to now: half the requests leave it out.
      if (typeof body === 'object' && body !== null && random.chance(0.5)) delete (body as Record<string, unknown>).occurredAt;
      if (typeof body === 'object' && body !== null && random.chance(0.7)) delete (body as Record<string, unknown>).expectedVersion;
    }
    return { method: route.method, route, params, query, pathSuffix: '', headers, body, raw: new Map() };
  }

  /**
   * Two requests in three carry a token the route's command accepts (COMMAND_ROLES), in the
   * season's scope, so that mutations get past the role guard to validation, the bus and the
   * deciders; the others carry any role.
   */
  private bearerFor(route: Route, random: SeededRandom): string {
    const roles: readonly string[] | null = isClasCommandType(route.operationId) ? COMMAND_ROLES[route.operationId] : null;
    const fitting = this.world.bearers.filter((b) => b.inScope && (roles === null || roles.includes(b.role)));
    return random.pick(fitting.length > 0 && random.chance(2 / 3) ? fitting : this.world.bearers).bearer;
  }
}

function serialise(draft: Draft, seed: number, index: number, mutations: string[]): FuzzRequest {
  let path = draft.route.template.replace(/\{(\w+)\}/g, (_, name: string) => draft.params[name] ?? '');
  path += draft.pathSuffix;
  if (draft.query.length > 0) path += `${path.includes('?') ? '&' : '?'}${draft.query.map(([k, v]) => `${k}=${v}`).join('&')}`;
  let body = draft.bodyBytes;
  if (body === undefined && draft.body !== undefined) {
    let text = JSON.stringify(draft.body);
    for (const [marker, raw] of draft.raw) text = text.replace(JSON.stringify(marker), raw);
    body = Buffer.from(text);
  }
  const headers = { ...draft.headers };
  if (body !== undefined && draft.compress) {
    const { encoding, truncate } = draft.compress;
    const packed = encoding === 'gzip' ? gzipSync(body) : encoding === 'deflate' ? deflateSync(body) : brotliCompressSync(body);
    body = truncate ? packed.subarray(0, Math.max(1, Math.floor(packed.length / 2))) : packed;
    headers['content-encoding'] = encoding;
  }
  return {
    seed,
    index,
    method: draft.method,
    path,
    route: `${draft.route.method} ${draft.route.template}`,
    headers,
    ...(body !== undefined ? { body } : {}),
    mutations,
  };
}

/** A request as text: enough to see what broke, and the command that replays it. */
export function describeRequest(request: FuzzRequest): string {
  const headers = Object.entries(request.headers).map(
    ([k, v]) => `  ${k}: ${v.length > 80 ? `${v.slice(0, 80)}… (${v.length} chars)` : v}`,
  );
  let body = '';
  if (request.body !== undefined) {
    const text = request.body.toString('utf8');
    // JSON as text (escaped, so a NUL or a lone surrogate shows), anything that is not UTF-8 as base64.
    const shown = Buffer.from(text, 'utf8').equals(request.body) ? JSON.stringify(text) : `base64:${request.body.toString('base64')}`;
    body = `\n  body (${request.body.length} bytes): ${shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}`;
  }
  return (
    [
      `#${request.index} ${request.method} ${request.path.length > 200 ? `${request.path.slice(0, 200)}…` : request.path}   (from ${request.route})`,
      `  mutations: ${request.mutations.join('; ') || 'none'}`,
      ...headers,
    ].join('\n') + `${body}\n  replay: npm run fuzz -- --seed ${request.seed} --only ${request.index}`
  );
}
