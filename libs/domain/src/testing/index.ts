// @clas/domain/testing: the decider spec helper, the test season (fixtures.ts: declared once, the
// other libs derive theirs from it) and the rules' fact fixtures. Test code only
// (.dependency-cruiser.cjs: production-never-imports-testing).
export * from './specification.js';
export * from './fixtures.js';
export * from './project-fixtures.js';
export * from './collectif-fixtures.js';
export * from '../rules/facts/testing/project-facts.fixtures.js';
export * from '../rules/bilan/testing/bilan.fixtures.js';
export * from '../rules/convention/testing/convention.fixtures.js';
export * from './projection-specification.js';
export * from './french-typeset.js';
