import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { isDeepStrictEqual } from 'node:util';
import { type JsonSchema, toJsonSchema } from '@clas/domain';
import { COMMAND_BODIES, bodyComponentName } from './commands/command-bodies.js';
import { responseRef } from './contract/answers-with.decorator.js';
import { asOpenApi31 } from './contract/openapi-3-1.js';

/** Swagger UI at /docs, the document (OpenAPI 3.1) at /docs-json (both public: they describe, they hold no data). */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Clas API')
    .setDescription(
      'Event-sourced backend of the Clas funding campaigns (Caf). Commands append events; every question takes `at` (world time) and `knownAt` (knowledge time). ' +
        'Every error is JSON: `{ statusCode, code, message, … }` (see ErrorResponse). Authenticate with a bearer JWT (HS256) carrying sub, role, caf, operatorId.',
    )
    .setVersion('0.1.0')
    // Relative: the document is served by the API it describes, wherever that is deployed.
    .addServer('/', 'this API')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  asOpenApi31(document);
  documentCommandBodies(document);
  documentCommonResponses(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Clas API' });
}

/**
 * The `data` of every command route, generated from its payload schema (the one the bus checks):
 * `<Command>Data` and the named shapes it uses, each once under components.schemas.
 */
function documentCommandBodies(document: OpenAPIObject): void {
  const schemas = ((document.components ??= {}).schemas ??= {}) as Record<string, object>;
  const generated: Record<string, JsonSchema> = {};
  // Request shapes are suffixed `Dto` (the edge's name for what a client sends), apart from the answers' components.
  const options = { componentName: (name: string) => `${name}Dto` };
  for (const [command, schema] of Object.entries(COMMAND_BODIES))
    generated[bodyComponentName(command as keyof typeof COMMAND_BODIES)] = toJsonSchema(schema, generated, options);
  for (const [name, schema] of Object.entries(generated)) {
    // An answer and a request shape of the same name must be the same schema, or one must be renamed.
    if (name in schemas && !isDeepStrictEqual(schemas[name], schema))
      throw new Error(`OpenAPI component ${name} is declared twice, differently`);
    schemas[name] = schema;
  }
}

/**
 * What every operation may answer, documented here once: an unexpected failure is a 500 whose
 * body holds only a correlation id (AllExceptionsFilter). Public operations (GET /health) say
 * so with `security: []`; the auth guard answers 429 on every route that needs a token once the
 * caller's address has failed too often (CLAS_AUTH_FAILURE_LIMIT).
 */
function documentCommonResponses(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      operation.responses['500'] = {
        description: 'Unexpected error (INTERNAL_ERROR): the body holds only a correlation id, the details go to the log under it',
        content: { 'application/json': { schema: responseRef('ErrorResponse') } },
      };
      if (!operation.security?.length) {
        operation.security = [];
        continue;
      }
      operation.responses['429'] = {
        description: 'Too many failed authentications from this address (TOO_MANY_AUTH_FAILURES); retry after Retry-After seconds',
        headers: { 'Retry-After': { description: 'seconds until the address may try again', schema: { type: 'integer' } } },
        content: { 'application/json': { schema: responseRef('ErrorResponse') } },
      };
    }
  }
}
