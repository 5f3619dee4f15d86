// @clas/projections/testing: the scenarios, fold helpers and suites of this lib's tests, for any
// test that needs them. Test code only (.dependency-cruiser.cjs: production-never-imports-testing).
export * from '../answers/testing/scenario.fixtures.js';
export * from '../answers/testing/states.fixtures.js';
export * from '../projector/testing/counting.projection.js';
export * from './read-database-suites.js';
export * from './stream-directory.contract.js';
export * from '../projector/testing/crashing-read-database.js';
