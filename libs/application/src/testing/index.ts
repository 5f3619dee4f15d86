// @clas/application/testing: the season's actors and command builders, and the story clock. Test
// code only (.dependency-cruiser.cjs: production-never-imports-testing).
export * from './season.fixtures.js';
export * from './story-clock.js';
export * from './agreement.fixtures.js';
