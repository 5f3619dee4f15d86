export * from './specification.js';
export * from './fixtures.js';
export * from './project-fixtures.js';
export * from './collectif-fixtures.js';
