export * from './committee.commands.js';
export * from './committee.context.js';
export * from './committee.state.js';
export * from './committee.decider.js';
export * from './orientation-criteria.js';
