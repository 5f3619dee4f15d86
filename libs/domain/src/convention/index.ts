export * from './convention.commands.js';
export * from './convention.context.js';
export * from './convention.state.js';
export * from './convention-period.rule.js';
export * from './convention.decider.js';
