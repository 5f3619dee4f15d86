// @clas/messaging/testing: test code only (.dependency-cruiser.cjs: production-never-imports-testing).
export * from './fake-publisher.js';
