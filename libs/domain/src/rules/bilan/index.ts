export * from './decimal.js';
export * from './approval-history.js';
export * from './bilan-due.rule.js';
export * from './project-bilan-quantitative.rule.js';
export * from './project-bilan-financial.rule.js';
export * from './departmental-bilan.rule.js';
export * from './bilan-lateness.rule.js';
