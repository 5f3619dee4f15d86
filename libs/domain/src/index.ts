export * from './shared/money.js';
export * from './shared/calendar-date.js';
export * from './shared/nesting-depth.js';
export * from './shared/school-year.js';
export * from './shared/result.js';
export * from './shared/recorded-event.js';
// French typography of amounts and dates: the letters (libs/projections) print what the summaries print.
export * from './shared/french-text.js';
export * from './events/index.js';
export * from './campaign/index.js';
export * from './campaign/parameter-sets/index.js';
export * from './rules/index.js';
export * from './aggregates.js';
// The payload-schema builders as `s.object(…)`, `s.int(…)`: their short names would clash with the calendar's.
export * as s from './schema/schema.js';
export {
  type Infer,
  type JsonSchema,
  type Schema,
  conforms,
  isKnownCafCode,
  KNOWN_CAF_CODES,
  CAF_NAMES,
  cafName,
  toJsonSchema,
  validate,
} from './schema/index.js';
export * from './command-schemas.js';
