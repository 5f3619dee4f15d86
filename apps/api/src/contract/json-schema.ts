import type { SchemaObject } from '@nestjs/swagger';

/**
 * A schema of the served document: OpenAPI 3.1, so JSON Schema 2020-12 (`type: [..., 'null']`,
 * `const`, `$ref` beside other keywords), which Nest's 3.0-era SchemaObject type does not name.
 */
export type JsonSchema = SchemaObject & {
  $ref?: string;
  const?: unknown;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};
