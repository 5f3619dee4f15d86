import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { CapturedResponse } from './captured-responses.js';

/** The parts of the served OpenAPI 3.1 document the check reads. */
export interface ServedDocument {
  paths: Record<
    string,
    Record<string, { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>
  >;
  components?: { schemas?: Record<string, object> };
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  /** More literal segments win: `/a/{id}/b` before `/a/{id}/{x}`. */
  literals: number;
}

/** Swagger UI (its page, assets and icons) and the document itself describe the API: they are not part of it. */
const DESCRIPTION_PATHS = /^\/(docs(-json|-yaml)?(\/|$)|swagger-ui[\w.-]*$|favicon-[\w.-]*$)/;
const DOCUMENT_ID = 'served-openapi';
const JSON_TYPE = /^application\/(.+\+)?json$/;

const pointer = (...parts: string[]): string => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Checks captured responses against the served document: the operation (method and path
 * template), then the status, then the media type must be documented, and a JSON body must
 * validate against that response's schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 says). The
 * answers' schemas are closed (`additionalProperties: false`), so a field added to an answer
 * without its type fails here. A response no route answers (an unknown path) must be an
 * ErrorResponse.
 */
export class ResponseContract {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: ServedDocument) {
    addFormats(this.ajv);
    // OpenAPI's own words beside JSON Schema's: the document's fields, and `example` (Nest writes it on the request DTOs).
    this.ajv.addVocabulary([
      'openapi',
      'info',
      'servers',
      'paths',
      'components',
      'tags',
      'security',
      'example',
      'xml',
      'externalDocs',
      'discriminator',
    ]);
    // The whole document, so that its `#/components/schemas/…` references resolve as they are written.
    this.ajv.addSchema({ ...doc, $id: DOCUMENT_ID }, undefined, undefined, false);
    this.routes = Object.entries(doc.paths)
      .flatMap(([template, operations]) =>
        Object.keys(operations).map((method) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
          literals: template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length,
        })),
      )
      .sort((a, b) => b.literals - a.literals);
  }

  /** The documented operation that answered, as `GET /projects/{projectId}/ps`, or null (an unknown route, or Swagger UI itself). */
  operationOf(response: CapturedResponse): string | null {
    const route = this.routeOf(response);
    return route ? `${route.method} ${route.template}` : null;
  }

  private routeOf(response: CapturedResponse): Route | null {
    // Express routes on the path alone (neither a query nor a fragment a client sent along counts), and a trailing slash is the same route.
    const path = response.url.split(/[?#]/)[0]!.replace(/(.)\/$/, '$1');
    // HEAD is answered by the GET route, without a body.
    const method = response.method === 'HEAD' ? 'GET' : response.method;
    return this.routes.find((r) => r.method === method && r.pattern.test(path)) ?? null;
  }

  /** What is wrong with the response, or null when the document describes it. */
  check(response: CapturedResponse): string | null {
    if (DESCRIPTION_PATHS.test(response.url.split(/[?#]/)[0]!)) return null;
    const route = this.routeOf(response);
    if (!route) return this.checkUnrouted(response);
    const responses = this.doc.paths[route.template]![route.method.toLowerCase()]!.responses ?? {};
    if (response.method === 'HEAD')
      return responses[String(response.status)] ? null : `status ${response.status} is not documented for GET ${route.template}`;
    const status = String(response.status);
    const documented = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
    if (!documented)
      return `status ${status} is not documented for ${route.method} ${route.template} (documented: ${Object.keys(responses).join(', ')})`;
    const content = documented.content ?? {};
    if (response.body.length === 0 && Object.keys(content).length === 0) return null;
    if (response.mediaType === null) return `a body without Content-Type (documented: ${Object.keys(content).join(', ') || 'no body'})`;
    const media = content[response.mediaType];
    if (!media)
      return `media type ${response.mediaType} is not documented for ${status} of ${route.method} ${route.template} (documented: ${Object.keys(content).join(', ') || 'no body'})`;
    if (!JSON_TYPE.test(response.mediaType)) return null;
    const key = pointer(
      'paths',
      route.template,
      route.method.toLowerCase(),
      'responses',
      documented === responses[status] ? status : 'default',
      'content',
      response.mediaType,
      'schema',
    );
    return this.validate(key, response);
  }

  private checkUnrouted(response: CapturedResponse): string | null {
    if (response.body.length === 0 && response.status >= 400) return null;
    if (response.status < 400) return `${response.status} from a route the document does not list`;
    if (response.mediaType === null || !JSON_TYPE.test(response.mediaType))
      return `a ${response.status} that is not JSON (${response.mediaType ?? 'no Content-Type'})`;
    return this.validate(pointer('components', 'schemas', 'ErrorResponse'), response);
  }

  private validate(key: string, response: CapturedResponse): string | null {
    let validator = this.validators.get(key);
    if (!validator) {
      validator = this.ajv.compile({ $ref: `${DOCUMENT_ID}#/${key}` });
      this.validators.set(key, validator);
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString('utf8'));
    } catch {
      return 'the body is not JSON';
    }
    if (validator(body)) return null;
    const errors = (validator.errors ?? [])
      .slice(0, 5)
      .map(
        (e) =>
          `${e.instancePath || '/'} ${e.message ?? ''}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : ''}`,
      );
    return `the body does not match ${key}: ${errors.join('; ')}`;
  }

  /** One line per response the document does not describe. */
  violations(responses: readonly CapturedResponse[]): string[] {
    const out: string[] = [];
    for (const response of responses) {
      const problem = this.check(response);
      if (problem) out.push(`${response.method} ${response.url} → ${response.status}: ${problem}`);
    }
    return out;
  }
}
