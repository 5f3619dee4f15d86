import type { JsonSchema, Schema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12, as OpenAPI 3.1 reads it) of a payload schema. Named nodes go
 * once into `components` (name → schema) and are referred to by `$ref` under `refPrefix`, so a
 * shape shared by several commands is documented once.
 */
export function toJsonSchema(schema: Schema, components: Record<string, JsonSchema>, refPrefix = '#/components/schemas/'): JsonSchema {
  const { name, description, example } = schema.meta;
  if (name !== undefined) {
    if (!(name in components)) {
      components[name] = {}; // reserved first: a schema that names itself ends here
      components[name] = toJsonSchema({ ...schema, meta: { ...schema.meta, name: undefined } } as Schema, components, refPrefix);
    }
    return { $ref: `${refPrefix}${name}` };
  }
  const doc = { ...(description !== undefined ? { description } : {}), ...(example !== undefined ? { examples: [example] } : {}) };
  return { ...shapeOf(schema, components, refPrefix), ...doc };
}

function shapeOf(schema: Schema, components: Record<string, JsonSchema>, refPrefix: string): JsonSchema {
  const sub = (s: Schema): JsonSchema => toJsonSchema(s, components, refPrefix);
  switch (schema.kind) {
    case 'scalar':
      return schema.json;
    case 'optional':
      return sub(schema.inner);
    case 'nullable':
      return { anyOf: [sub(schema.inner), { type: 'null' }] };
    case 'object': {
      const entries = Object.entries(schema.fields);
      const required = entries.filter(([, f]) => f.kind !== 'optional').map(([k]) => k);
      return { type: 'object', properties: Object.fromEntries(entries.map(([k, f]) => [k, sub(f)])), ...(required.length ? { required } : {}), additionalProperties: false };
    }
    case 'record':
      return { type: 'object', additionalProperties: sub(schema.value) };
    case 'list':
      return { type: 'array', items: sub(schema.item), minItems: schema.min, maxItems: schema.max, ...(schema.unique ? { description: `no two items with the same ${schema.unique.what}` } : {}) };
    case 'union':
      return { oneOf: Object.values(schema.variants).map(sub) };
    case 'refine':
      return { ...sub(schema.inner), ...(schema.json ?? {}) };
  }
}
