export * from './answer-support.js';
export * from './project-facts.builder.js';
export * from './eligibility.answer.js';
export * from './payable-ps.answer.js';
export * from './project-bilan.answer.js';
export * from './departmental-bilan.answer.js';
export * from './convention-view.answer.js';
export * from './envelope.answer.js';
