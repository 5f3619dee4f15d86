// @clas/personal-data/testing: test code only (.dependency-cruiser.cjs: production-never-imports-testing).
export * from './personal-data-store.contract.js';
