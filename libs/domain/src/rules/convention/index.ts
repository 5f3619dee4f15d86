export * from './prior-supported-years.rule.js';
export * from './max-convention-years.rule.js';
export * from './can-continue.rule.js';
export * from './convention-view.rule.js';
