export * from './ps-per-collectif.rule.js';
export * from './bonus.rule.js';
export * from './eighty-percent.rule.js';
export * from './weeks-of-activity.rule.js';
export * from './payments.rule.js';
export * from './ps-statement.js';
export * from './ps-forecast.rule.js';
export * from './ps-actual.rule.js';
