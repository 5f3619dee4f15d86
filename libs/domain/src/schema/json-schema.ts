import type { JsonSchema, Schema } from './schema.js';

export interface JsonSchemaOptions {
  /** Where the components live (OpenAPI: `#/components/schemas/`). */
  readonly refPrefix?: string;
  /** The component name of a named node (a document may suffix request shapes to keep them apart from answers). */
  readonly componentName?: (name: string) => string;
}

/**
 * The JSON Schema (draft 2020-12, as OpenAPI 3.1 reads it) of a payload schema. Named nodes go
 * once into `components` (name → schema) and are referred to by `$ref`, so a shape shared by
 * several commands is documented once.
 */
export function toJsonSchema(schema: Schema, components: Record<string, JsonSchema>, options: JsonSchemaOptions = {}): JsonSchema {
  const { refPrefix = '#/components/schemas/', componentName = (name: string) => name } = options;
  const { name, description, example } = schema.meta;
  if (name !== undefined) {
    const component = componentName(name);
    if (!(component in components)) {
      components[component] = {}; // reserved first: a schema that names itself ends here
      components[component] = toJsonSchema({ ...schema, meta: { ...schema.meta, name: undefined } } as Schema, components, options);
    }
    return { $ref: `${refPrefix}${component}` };
  }
  // `example` (OpenAPI's keyword, which 3.1 keeps) rather than 2020-12's `examples`: generators and the fuzzer read it.
  const doc = { ...(description !== undefined ? { description } : {}), ...(example !== undefined ? { example } : {}) };
  return { ...shapeOf(schema, components, options), ...doc };
}

function shapeOf(schema: Schema, components: Record<string, JsonSchema>, options: JsonSchemaOptions): JsonSchema {
  const sub = (s: Schema): JsonSchema => toJsonSchema(s, components, options);
  const ref = (name: string): string =>
    `${options.refPrefix ?? '#/components/schemas/'}${(options.componentName ?? ((n: string) => n))(name)}`;
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
      return {
        type: 'object',
        properties: Object.fromEntries(entries.map(([k, f]) => [k, sub(f)])),
        ...(required.length ? { required } : {}),
        additionalProperties: false,
      };
    }
    case 'record':
      return { type: 'object', additionalProperties: sub(schema.value) };
    case 'list':
      return {
        type: 'array',
        items: sub(schema.item),
        minItems: schema.min,
        maxItems: schema.max,
        ...(schema.unique ? { description: `no two items with the same ${schema.unique.what}` } : {}),
      };
    case 'union': {
      const variants = Object.entries(schema.variants);
      // With every variant a component, the mapping tells a generated client which one each tag value selects.
      const named = variants.every(([, v]) => v.meta.name !== undefined);
      return {
        oneOf: variants.map(([, v]) => sub(v)),
        ...(named
          ? {
              discriminator: {
                propertyName: schema.discriminator,
                mapping: Object.fromEntries(variants.map(([tag, v]) => [tag, ref(v.meta.name as string)])),
              },
            }
          : {}),
      };
    }
    case 'refine':
      return { ...sub(schema.inner), ...(schema.json ?? {}) };
  }
}
