import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { JsonSchema } from './json-schema.js';
import { RESPONSE_SCHEMAS } from './response-schemas.generated.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The served document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12: the answers are
 * full of `X | null`, which 3.1 says as `type: [X, 'null']` / `anyOf` and 3.0 cannot say beside a
 * `$ref`. The answers' components come from their TypeScript types (response-schemas.generated.ts);
 * the request DTOs' schemas, which Nest writes in 3.0's dialect (`nullable: true`), are rewritten.
 */
export function asOpenApi31(document: OpenAPIObject): void {
  document.openapi = '3.1.0';
  const schemas: Record<string, JsonSchema> = ((document.components ??= {}).schemas ??= {});
  for (const [name, schema] of Object.entries(schemas)) schemas[name] = withoutNullable(schema);
  for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) {
    // A request DTO and an answer type of the same name must be the same schema, or one must be renamed.
    if (name in schemas && !isDeepStrictEqual(schemas[name], schema))
      throw new Error(`OpenAPI component ${name} is declared twice, differently`);
    schemas[name] = schema;
  }
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const parameter of operation.parameters ?? [])
        if ('schema' in parameter && parameter.schema) parameter.schema = withoutNullable(parameter.schema);
      const body = operation.requestBody;
      if (body && !('$ref' in body))
        for (const media of Object.values(body.content)) if (media.schema) media.schema = withoutNullable(media.schema);
    }
  }
}

/** 3.0's `nullable: true` as 3.1 says it, everywhere in the schema. */
function withoutNullable(schema: JsonSchema): JsonSchema {
  const { nullable, ...rest } = schema;
  const out: JsonSchema = { ...rest };
  if (rest.properties)
    out.properties = Object.fromEntries(Object.entries(rest.properties).map(([key, value]) => [key, withoutNullable(value)]));
  if (rest.items) out.items = withoutNullable(rest.items);
  if (typeof rest.additionalProperties === 'object') out.additionalProperties = withoutNullable(rest.additionalProperties);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const parts = rest[key];
    if (parts) out[key] = parts.map(withoutNullable);
  }
  if (!nullable) return withoutLoneAllOf(out);
  // `{ nullable, allOf: [$ref] }` (Nest's nullable nested DTO) or a bare $ref: the schema or null.
  if (out.allOf || out.$ref) {
    const { description, example, allOf, type: _objectType, ...target } = out;
    const alternatives: JsonSchema[] = allOf ? [...allOf] : [target];
    return {
      ...(description ? { description } : {}),
      ...(example !== undefined ? { example } : {}),
      anyOf: [...alternatives, { type: 'null' }],
    };
  }
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

/**
 * `{ allOf: [{ $ref }] }` (how Nest writes a property typed by a component) as the plain `$ref`
 * 3.1 allows beside a description: a one-schema `allOf` is an illogical composition to a linter.
 */
function withoutLoneAllOf(schema: JsonSchema): JsonSchema {
  const only = schema.allOf?.length === 1 ? schema.allOf[0] : undefined;
  if (only === undefined || only.$ref === undefined || Object.keys(only).length !== 1 || schema.$ref !== undefined) return schema;
  const { allOf: _allOf, ...rest } = schema;
  return { ...rest, $ref: only.$ref };
}
