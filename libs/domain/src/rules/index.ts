export * from './facts/index.js';
export * from './eligibility/index.js';
export * from './ps/index.js';
export * from './bilan/index.js';
export * from './convention/index.js';
export * from './rule-statements.js';
export * from './envelope/index.js';
