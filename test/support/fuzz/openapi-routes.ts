import type { SeededRandom } from './seeded-random.js';

/** The parts of the served OpenAPI document (`/docs-json`) the fuzzer reads. */
export interface OpenApiSchema {
  $ref?: string;
  /** OpenAPI 3.1: a nullable field is `type: ['string', 'null']`. */
  type?: string | string[];
  format?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  example?: unknown;
  default?: unknown;
  enum?: unknown[];
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  nullable?: boolean;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

/** One operation of the document: what the generator fills in and mutates. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The command type on command routes (`RecordSession`). */
  operationId: string;
  /** `/projects/{projectId}/ps` */
  template: string;
  pathParams: Array<{ name: string; schema: OpenApiSchema }>;
  query: Array<{ name: string; schema: OpenApiSchema }>;
  body: OpenApiSchema | null;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function routesOf(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = operations[method];
      if (!op) continue;
      const parameters = op.parameters ?? [];
      routes.push({
        method: method.toUpperCase() as Route['method'],
        operationId: op.operationId ?? '',
        template,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return routes;
}

/** Ids that exist in the seeded log, by the name of the parameter or property that carries them. */
export type IdPools = Readonly<Record<string, readonly string[]>>;

/**
 * A plausible value for a schema, from its examples: the starting point every mutation works
 * on, so that a good share of requests get past validation into the bus and the deciders.
 * Properties named like a pool (`projectId`, `childId`…) take ids of the seeded log.
 */
export class ExampleBuilder {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly ids: IdPools,
  ) {}

  resolve(schema: OpenApiSchema): OpenApiSchema {
    let current = schema;
    for (let hops = 0; current.$ref !== undefined && hops < 10; hops++) {
      const name = current.$ref.split('/').pop()!;
      current = this.doc.components?.schemas?.[name] ?? {};
    }
    return current;
  }

  value(schema: OpenApiSchema, random: SeededRandom, name = '', depth = 0): unknown {
    const s = this.resolve(schema);
    const pool = this.ids[name];
    if (pool && pool.length > 0 && random.chance(0.8)) return random.pick(pool);
    if (s.format === 'uuid') return random.uuid();
    if (s.enum && s.enum.length > 0) return random.pick(s.enum);
    if (s.allOf && s.allOf.length > 0) return Object.assign({}, ...s.allOf.map((part) => this.value(part, random, name, depth)));
    const alternatives = s.oneOf ?? s.anyOf;
    if (alternatives && alternatives.length > 0) return this.value(random.pick(alternatives), random, name, depth);
    if (s.example !== undefined) return structuredClone(s.example);
    if (depth > 8) return null;
    // A nullable field (3.1's type list) gets its value or, now and then, null.
    const type = Array.isArray(s.type) ? random.pick(s.type) : s.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        const required = new Set(s.required ?? []);
        for (const [key, property] of Object.entries(s.properties ?? {})) {
          // Optional properties come and go, so both shapes are exercised.
          if (required.has(key) || random.chance(0.6)) out[key] = this.value(property, random, key, depth + 1);
        }
        return out;
      }
      case 'array':
        return Array.from({ length: random.int(1, 2) }, () => this.value(s.items ?? {}, random, name, depth + 1));
      case 'string':
        return s.default ?? 'text';
      case 'number':
      case 'integer':
        return s.default ?? 1;
      case 'boolean':
        return s.default ?? true;
      default:
        return s.default ?? null;
    }
  }
}
