// @clas/event-store/testing: the fakes and contract suites other libs' tests reuse. Test code only
// (.dependency-cruiser.cjs: production-never-imports-testing).
export * from './fake-clock.js';
export * from './fake-eventstoredb-client.js';
export * from './postgres-test-url.js';
export * from './event-store.contract.js';
export * from './tamper-evidence.contract.js';
export * from './tamper-detection.suite.js';
