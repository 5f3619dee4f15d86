export * from './schema.js';
export * from './validate.js';
export * from './json-schema.js';
export * from './known-caf-codes.js';
