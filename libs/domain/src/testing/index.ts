export * from './specification.js';
export * from './fixtures.js';
export * from './project-fixtures.js';
export * from './collectif-fixtures.js';
export * from './projection-specification.js';
